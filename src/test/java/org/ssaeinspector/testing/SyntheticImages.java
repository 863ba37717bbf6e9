package org.ssaeinspector.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.ssaeinspector.imageio.FloatImage;

/**
 * Small generated "parts" for engine tests: a bright disc on a gradient background with mild
 * noise and position jitter (normal), optionally with a dark square defect.
 */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    public static FloatImage part(int size, Random rng, boolean defect) {
        float[] data = new float[3 * size * size];
        int n = size * size;
        double cx = size / 2.0 + rng.nextGaussian() * size * 0.01;
        double cy = size / 2.0 + rng.nextGaussian() * size * 0.01;
        double r = size * 0.3;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double bg = 0.2 + 0.2 * x / size;
                double d = Math.hypot(x - cx, y - cy);
                double v = d < r ? 0.75 : bg;
                for (int c = 0; c < 3; c++) {
                    double tint = c == 0 ? 1.0 : (c == 1 ? 0.9 : 0.8);
                    data[c * n + y * size + x] = (float) Math.min(1, Math.max(0, v * tint + rng.nextGaussian() * 0.01));
                }
            }
        }
        if (defect) {
            int s = Math.max(2, size / 6);
            int x0 = (int) (cx - r / 2) + rng.nextInt(Math.max(1, (int) r / 2));
            int y0 = (int) (cy - r / 2) + rng.nextInt(Math.max(1, (int) r / 2));
            for (int y = y0; y < y0 + s; y++) {
                for (int x = x0; x < x0 + s; x++) {
                    for (int c = 0; c < 3; c++) {
                        data[c * n + y * size + x] = 0.1f;
                    }
                }
            }
        }
        return new FloatImage(3, size, size, data);
    }

    /** Writes {@code count} normal parts as PNG files into {@code dir}. */
    public static List<Path> writeParts(Path dir, int count, int size, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rng = new Random(seed);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path p = dir.resolve(String.format("part_%03d.png", i));
            write(part(size, rng, false), p);
            files.add(p);
        }
        return files;
    }

    public static void write(FloatImage image, Path file) throws IOException {
        BufferedImage img = image.toBufferedImage();
        ImageIO.write(img, "png", file.toFile());
    }
}
