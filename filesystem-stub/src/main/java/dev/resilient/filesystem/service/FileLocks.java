package dev.resilient.filesystem.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises writes to one file (appends and overwrites alike) with a fixed set of striped
 * locks, so memory does not grow with the number of files ever written.
 */
@ApplicationScoped
public class FileLocks {

    private static final int STRIPES = 64;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    FileLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public ReentrantLock forFile(Path file) {
        return locks[Math.floorMod(file.hashCode(), STRIPES)];
    }
}
