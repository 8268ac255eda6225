package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** Trunks and numbers on the embedded H2 database. */
class TelephonyApiH2Test extends TelephonyApiContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.h2(workDir.resolve("data"));
    }
}
