package dev.parley.server;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** Recording settings and recordings on the embedded H2 database. */
class RecordingsH2Test extends RecordingsContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.h2(workDir.resolve("data"));
    }
}
