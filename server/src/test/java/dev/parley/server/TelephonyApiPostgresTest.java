package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** Trunks and numbers on a real PostgreSQL server. */
class TelephonyApiPostgresTest extends TelephonyApiContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.postgres();
    }
}
