package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** {@link CallLinkPublicContract} on a real PostgreSQL server. */
class CallLinkPublicPostgresTest extends CallLinkPublicContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.postgres();
    }
}
