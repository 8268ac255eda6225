package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** Dynamic destination resolving and status reports on the embedded H2 database. */
class DynamicDestinationsH2Test extends DynamicDestinationsContract {
    @Override
    TestDatabase openDatabase(Path workDir) {
        return TestDatabase.h2(workDir.resolve("data"));
    }
}
