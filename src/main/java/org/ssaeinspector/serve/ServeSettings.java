package org.ssaeinspector.serve;

import java.time.Duration;

/**
 * How the inspection service runs.
 *
 * @param bind          address to listen on (127.0.0.1 by default)
 * @param port          port (0: any free one)
 * @param token         bearer token every request but {@code /health} must carry, or null
 * @param maxBodyBytes  largest image body accepted (413 above)
 * @param threads       images scored at the same time
 * @param queue         requests that may wait for a scoring thread (503 beyond)
 * @param reloadEvery   how often the model file is looked at for a new version (zero: never)
 * @param stopTimeout   how long a stop waits for requests in flight
 */
public record ServeSettings(String bind, int port, String token, long maxBodyBytes, int threads, int queue,
                            Duration reloadEvery, Duration stopTimeout) {
    public static final String LOOPBACK = "127.0.0.1";

    public ServeSettings {
        if (threads < 1 || queue < 0 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("threads >= 1, queue >= 0, maxBodyBytes >= 1");
        }
        token = token == null || token.isEmpty() ? null : token;
    }

    /** Loopback, any port, no token, 32 MiB bodies, 2 threads, 16 waiting, reload checked every second. */
    public static ServeSettings defaults() {
        return new ServeSettings(LOOPBACK, 0, null, 32L << 20, 2, 16, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public ServeSettings withAddress(String bindAddress, int listenPort, String bearerToken) {
        return new ServeSettings(bindAddress, listenPort, bearerToken, maxBodyBytes, threads, queue, reloadEvery, stopTimeout);
    }

    public ServeSettings withLimits(long maxBody, int scoringThreads, int waiting) {
        return new ServeSettings(bind, port, token, maxBody, scoringThreads, waiting, reloadEvery, stopTimeout);
    }

    public ServeSettings withReloadEvery(Duration every) {
        return new ServeSettings(bind, port, token, maxBodyBytes, threads, queue, every, stopTimeout);
    }
}
