package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** {@link CallLinksContract} on a real PostgreSQL server. */
class CallLinksPostgresTest extends CallLinksContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.postgres();
    }
}
