package org.ssaeinspector.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ssaeinspector.cli.SsaeCommandLine;

/**
 * A tiny washer model (32 px, width 16, one epoch), trained once per test JVM through the command
 * line and shared by the tests that only need some model to score with. Width 16: narrower
 * networks meet a oneDNN fault on some processors (see docs/hardening.md).
 */
public final class TinyModel {
    public static final Path WASHER = Path.of("sample-images", "washer");
    private static Path model;

    private TinyModel() {
    }

    public static synchronized Path washer() {
        if (model == null) {
            try {
                Path dir = Files.createTempDirectory("tiny-model");
                Path file = dir.resolve("washer.ssae");
                StringWriter err = new StringWriter();
                int code = SsaeCommandLine.run(new String[] {"train", "--data", WASHER.toString(), "--out", file.toString(),
                        "--size", "32", "--width", "16", "--epochs", "1", "--batch", "4"},
                        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
                if (code != 0) {
                    throw new IllegalStateException("training the tiny model failed: " + err);
                }
                model = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }

    /** A washer test image, good (20 of them) or with a scratch (10), by number (wrapping around). */
    public static Path washerImage(boolean good, int n) {
        return WASHER.resolve("test").resolve(good ? "good" : "scratch").resolve(String.format("%03d.png", n % (good ? 20 : 10)));
    }
}
