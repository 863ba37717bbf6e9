package org.ssaeinspector.util;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Defaults for the deep-learning engine, set before DJL is first touched: never download
 * anything (the PyTorch natives ship inside the app) and unpack those natives into a per-user
 * folder of our own, {@code ~/.ssae-inspector/djl}, instead of DJL's {@code ~/.djl.ai}.
 *
 * <p>The installed launcher cannot pass a home-relative path itself (jpackage only expands
 * {@code $APPDIR}, {@code $BINDIR} and {@code $ROOTDIR}), hence this class. DJL 0.36 reads
 * {@code DJL_CACHE_DIR} (and {@code ENGINE_CACHE_DIR}, which falls back to it) from the
 * environment first, then from system properties, and {@code DJL_OFFLINE} / {@code
 * ai.djl.offline} likewise; whatever the user set explicitly is left alone.
 */
public final class EngineEnvironment {
    public static final String CACHE_DIR = "DJL_CACHE_DIR";
    public static final String ENGINE_CACHE_DIR = "ENGINE_CACHE_DIR";
    public static final String OFFLINE_ENV = "DJL_OFFLINE";
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private EngineEnvironment() {
    }

    /** Applies the defaults to this JVM's system properties. Call first thing in {@code main}. */
    public static void configure() {
        configure(System.getenv(), System.getProperties());
    }

    static void configure(Map<String, String> env, Properties properties) {
        if (!isSet(env.get(CACHE_DIR)) && !isSet(properties.getProperty(CACHE_DIR))
                && !isSet(env.get(ENGINE_CACHE_DIR)) && !isSet(properties.getProperty(ENGINE_CACHE_DIR))) {
            properties.setProperty(CACHE_DIR, defaultCacheDir(properties, Files::isWritable).toString());
        }
        if (!isSet(env.get(OFFLINE_ENV)) && !isSet(properties.getProperty(OFFLINE_PROPERTY))) {
            properties.setProperty(OFFLINE_PROPERTY, "true");
        }
    }

    /** {@code ~/.ssae-inspector/djl}, or under the temp folder where the home is read-only (as DJL does). */
    static Path defaultCacheDir(Properties properties, Predicate<Path> writable) {
        Path home = Path.of(properties.getProperty("user.home"));
        Path base = writable.test(home) ? home : Path.of(properties.getProperty("java.io.tmpdir"));
        return base.resolve(".ssae-inspector").resolve("djl");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
