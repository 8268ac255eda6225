package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** Recording settings and recordings on a real PostgreSQL server. */
class RecordingsPostgresTest extends RecordingsContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.postgres();
    }
}
