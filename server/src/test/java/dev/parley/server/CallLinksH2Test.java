package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** {@link CallLinksContract} on the embedded H2 database. */
class CallLinksH2Test extends CallLinksContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.h2(workDir.resolve("data"));
    }
}
