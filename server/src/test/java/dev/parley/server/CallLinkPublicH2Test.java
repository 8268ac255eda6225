package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** {@link CallLinkPublicContract} on the embedded H2 database. */
class CallLinkPublicH2Test extends CallLinkPublicContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.h2(workDir.resolve("data"));
    }
}
