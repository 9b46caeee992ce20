package io.legwatch.flatten;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What every simulator-backed flatten test holds: a journal directory of its own and the world the
 * test builds in it, closed after each test (after the subclass's own clean-up, which JUnit runs first).
 */
abstract class SimWorldTest {
    @TempDir
    Path dir;
    SimWorld world;

    @AfterEach
    void closeWorld() {
        if (world != null) {
            world.close();
        }
    }
}
