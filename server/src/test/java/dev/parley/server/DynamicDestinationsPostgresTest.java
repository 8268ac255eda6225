package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** Dynamic destination resolving and status reports on a real PostgreSQL server. */
class DynamicDestinationsPostgresTest extends DynamicDestinationsContract {
    @Override
    TestDatabase openDatabase(Path workDir) {
        return TestDatabase.postgres();
    }
}
