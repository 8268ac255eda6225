package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** The telephony directory and dynamic destination settings on a real PostgreSQL server. */
class TelephonyDirectoryPostgresTest extends TelephonyDirectoryContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.postgres();
    }
}
