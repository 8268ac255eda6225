package dev.parley.server.signaling;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** Signaling on PostgreSQL (skipped without PARLEY_TEST_PG_URL). */
class SignalingPostgresTest extends SignalingContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.postgres();
    }
}
