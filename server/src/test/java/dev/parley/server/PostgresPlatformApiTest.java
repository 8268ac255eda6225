package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** The platform API on a real PostgreSQL server. */
class PostgresPlatformApiTest extends PlatformApiContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.postgres();
    }
}
