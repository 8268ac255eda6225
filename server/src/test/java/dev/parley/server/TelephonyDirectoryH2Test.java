package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** The telephony directory and dynamic destination settings on the embedded H2 database. */
class TelephonyDirectoryH2Test extends TelephonyDirectoryContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.h2(workDir.resolve("data"));
    }
}
