package org.ssaeinspector.line;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells when files are completely written: a file is settled once it has been seen in one state
 * ({@link FileState}) for the settle time. Camera software writes slowly, in pieces; a file
 * written under a temporary name and renamed at the end settles as soon as the time has passed.
 * Not thread-safe: one watcher thread uses it.
 */
final class Settling {
    private record Seen(FileState state, long sinceNanos) {
    }

    private final long settleNanos;
    private final Map<Path, Seen> seen = new HashMap<>();

    Settling(java.time.Duration settle) {
        this.settleNanos = settle.toNanos();
    }

    /** Whether {@code file}, now in {@code state}, has been in that state for the settle time. */
    boolean settled(Path file, FileState state, long nowNanos) {
        Seen s = seen.get(file);
        if (s == null || !s.state().equals(state)) {
            seen.put(file, new Seen(state, nowNanos));
            return settleNanos == 0;
        }
        return nowNanos - s.sinceNanos() >= settleNanos;
    }

    void forget(Path file) {
        seen.remove(file);
    }

    int size() {
        return seen.size();
    }
}
