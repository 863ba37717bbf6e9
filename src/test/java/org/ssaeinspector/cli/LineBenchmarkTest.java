package org.ssaeinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.serve.LoadGenerator;
import org.ssaeinspector.testing.TinyModel;
import org.ssaeinspector.util.UserFacingException;

/** The two line benchmarks, run briefly: they finish by themselves, count every request and row, and stay local. */
class LineBenchmarkTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SsaeCommandLine.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void benchmarkServeMeasuresAndStops() {
        String[] r = run("benchmark-serve", "--model", TinyModel.washer().toString(), "--images",
                TinyModel.WASHER.resolve("test/good").toString(), "--clients", "2", "--seconds", "2", "--warmup-s", "0");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].matches("(?s).*requests  \\d+ in [0-9.]+ s: [0-9.]+/s; errors 0.*"), r[1]);
        assertTrue(r[1].contains("latency   p50 "), r[1]);
        assertTrue(r[1].contains("memory    heap after GC"), r[1]);
    }

    @Test
    void benchmarkWatchDrainsABurstWithOneRowPerImage() {
        String[] r = run("benchmark-watch", "--model", TinyModel.washer().toString(), "--images",
                TinyModel.WASHER.resolve("test/good").toString(), "--count", "12", "--settle-ms", "100", "--work", dir.toString());
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("rows: 12 for 12 images, 12 with exactly one row"), r[1]);
        assertTrue(dir.toFile().list().length == 0, "the temporary folder is removed");
    }

    @Test
    void theLoadGeneratorOnlyTargetsThisMachine() {
        LoadGenerator.requireLoopback(URI.create("http://127.0.0.1:8080/v1/inspect"));
        LoadGenerator.requireLoopback(URI.create("http://localhost:8080/v1/inspect"));
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> LoadGenerator.requireLoopback(URI.create("http://192.0.2.1:8080/v1/inspect")));
        assertTrue(e.getMessage().contains("this machine only"), e.getMessage());
    }
}
