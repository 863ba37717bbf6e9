package org.ssaeinspector.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.util.Utils;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineEnvironmentTest {
    @TempDir
    Path home;

    private Properties props() {
        Properties p = new Properties();
        p.setProperty("user.home", home.toString());
        p.setProperty("java.io.tmpdir", home.resolve("tmp").toString());
        return p;
    }

    @Test
    void defaultsToPerUserFolderAndOffline() {
        Properties p = props();
        EngineEnvironment.configure(Map.of(), p);
        assertEquals(home.resolve(".ssae-inspector").resolve("djl").toString(), p.getProperty("DJL_CACHE_DIR"));
        assertEquals("true", p.getProperty("ai.djl.offline"));
    }

    @Test
    void keepsWhatTheUserSetInTheEnvironment() {
        Properties p = props();
        EngineEnvironment.configure(Map.of("DJL_CACHE_DIR", "/elsewhere", "DJL_OFFLINE", "false"), p);
        assertNull(p.getProperty("DJL_CACHE_DIR"));
        assertNull(p.getProperty("ai.djl.offline"));
    }

    @Test
    void keepsExplicitSystemProperties() {
        Properties p = props();
        p.setProperty("DJL_CACHE_DIR", "/mine");
        p.setProperty("ai.djl.offline", "false");
        EngineEnvironment.configure(Map.of(), p);
        assertEquals("/mine", p.getProperty("DJL_CACHE_DIR"));
        assertEquals("false", p.getProperty("ai.djl.offline"));
    }

    @Test
    void anEngineOnlyCacheDirIsAlsoRespected() {
        Properties p = props();
        EngineEnvironment.configure(Map.of("ENGINE_CACHE_DIR", "/engine"), p);
        assertNull(p.getProperty("DJL_CACHE_DIR"));
    }

    @Test
    void fallsBackToTempWhenHomeIsReadOnly() {
        Properties p = props();
        assertEquals(home.resolve("tmp").resolve(".ssae-inspector").resolve("djl"),
                EngineEnvironment.defaultCacheDir(p, dir -> false));
        assertEquals(home.resolve(".ssae-inspector").resolve("djl"),
                EngineEnvironment.defaultCacheDir(p, dir -> dir.equals(home)));
    }

    /** The property names are the ones DJL 0.36 really reads: its own cache lookups follow them. */
    @Test
    void djlUsesTheConfiguredFolders() {
        Properties saved = (Properties) System.getProperties().clone();
        try {
            System.clearProperty("DJL_CACHE_DIR");
            System.clearProperty("ai.djl.offline");
            System.setProperty("user.home", home.toString());
            // DJL reads the environment before system properties: nothing to check if it is set there.
            assumeTrue(System.getenv("DJL_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null);
            EngineEnvironment.configure();
            Path expected = home.resolve(".ssae-inspector").resolve("djl");
            assertEquals(expected, Utils.getCacheDir());
            assertEquals(expected, Utils.getEngineCacheDir());
            assertTrue(Utils.isOfflineMode());
        } finally {
            System.setProperties(saved);
        }
    }
}
