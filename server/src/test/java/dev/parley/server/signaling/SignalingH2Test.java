package dev.parley.server.signaling;

import dev.parley.server.support.TestDatabase;
import java.nio.file.Path;

/** Signaling on the embedded H2 database. */
class SignalingH2Test extends SignalingContract {
    @Override
    protected TestDatabase openDatabase(Path workDir) {
        return TestDatabase.h2(workDir.resolve("data"));
    }
}
