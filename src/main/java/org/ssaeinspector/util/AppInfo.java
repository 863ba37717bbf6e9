package org.ssaeinspector.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Name and version of this build (filtered from the pom at build time). */
public final class AppInfo {
    public static final String NAME = "SSAE Inspector";
    private static final Properties BUILD = load();
    private static final String VERSION = BUILD.getProperty("version", "dev");

    private AppInfo() {
    }

    public static String version() {
        return VERSION;
    }

    /** The JVM options Spark needs on Java 17 (the pom's spark.jvm.args; empty in a dev build without it). */
    public static String sparkJvmArgs() {
        return BUILD.getProperty("spark.jvm.args", "");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("/org/ssaeinspector/build.properties")) {
            if (in != null) {
                p.load(in);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
