package org.ssaeinspector.app.fakes;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Generates small image sets in the MVTec layout: good images are dim noise, defective ones
 * carry a bright blob (with a mask in {@code ground_truth}), so the fake engine's brightness
 * score separates them like a real model would.
 */
public final class TestImages {
    private TestImages() {
    }

    /** {@code dir/train/good}, {@code dir/test/good}, {@code dir/test/blob}, {@code dir/ground_truth/blob}. */
    public static Path mvtec(Path dir, int train, int testGood, int testBad, int size) throws IOException {
        Random rnd = new Random(7);
        for (int i = 0; i < train; i++) {
            write(good(size, rnd), dir.resolve("train/good/" + name(i)));
        }
        for (int i = 0; i < testGood; i++) {
            write(good(size, rnd), dir.resolve("test/good/" + name(i)));
        }
        for (int i = 0; i < testBad; i++) {
            BufferedImage img = good(size, rnd);
            BufferedImage mask = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
            int r = Math.max(2, size / 10) + i % 3;
            int cx = size / 4 + rnd.nextInt(size / 2);
            int cy = size / 4 + rnd.nextInt(size / 2);
            int level = 185 + (i * 37) % 70;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                        img.setRGB(x, y, gray(level));
                        mask.getRaster().setSample(x, y, 0, 255);
                    }
                }
            }
            write(img, dir.resolve("test/blob/" + name(i)));
            write(mask, dir.resolve("ground_truth/blob/" + String.format("%03d_mask.png", i)));
        }
        return dir;
    }

    /** A folder of good-looking images without any layout. */
    public static Path plain(Path dir, int count, int size) throws IOException {
        Random rnd = new Random(11);
        for (int i = 0; i < count; i++) {
            write(good(size, rnd), dir.resolve(name(i)));
        }
        return dir;
    }

    public static BufferedImage good(int size, Random rnd) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int v = 60 + rnd.nextInt(30) + (int) (20 * Math.sin(x / 5.0));
                img.setRGB(x, y, gray(v));
            }
        }
        return img;
    }

    public static Path write(BufferedImage img, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static int gray(int v) {
        return (v << 16) | (v << 8) | v;
    }

    private static String name(int i) {
        return String.format("%03d.png", i);
    }
}
