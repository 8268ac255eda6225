package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** The platform API on the embedded H2 database (the default). */
class H2PlatformApiTest extends PlatformApiContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.h2(workDir.resolve("data"));
    }
}
