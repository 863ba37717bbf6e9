package org.ssaeinspector.imageio;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.ssaeinspector.dataset.SkippedFile;

/**
 * Reads image files (PNG, JPEG, BMP, TIFF; 8 or 16 bit; gray or colour) into {@link FloatImage}s.
 * Alpha is dropped. Gray images stay one channel, everything else becomes RGB.
 */
public final class ImageLoader {
    private ImageLoader() {
    }

    public static FloatImage load(Path path) throws ImageLoadException {
        if (!Files.isRegularFile(path)) {
            throw new ImageLoadException(path, "not a file");
        }
        BufferedImage img;
        try {
            if (Files.size(path) == 0) {
                throw new ImageLoadException(path, "empty file (0 bytes)");
            }
            img = ImageIO.read(path.toFile());
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(path, "unreadable or corrupt image (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new ImageLoadException(path, "not an image in a supported format (PNG, JPEG, BMP, TIFF)");
        }
        return toFloat(img);
    }

    /** Loads every path it can; the others are added to {@code skipped} with the reason. */
    public static List<LoadedImage> loadAll(List<Path> paths, List<SkippedFile> skipped) {
        List<LoadedImage> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            try {
                out.add(new LoadedImage(p, load(p)));
            } catch (ImageLoadException e) {
                skipped.add(new SkippedFile(p, e.problem()));
            }
        }
        return out;
    }

    /** Converts any decoded image to floats in [0, 1], keeping 16-bit precision. */
    public static FloatImage toFloat(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        Raster raster = img.getRaster();
        int bands = raster.getNumBands();
        boolean gray = img.getColorModel().getColorSpace().getNumComponents() == 1 && bands <= 2;
        int[] bits = img.getColorModel().getComponentSize();
        int n = w * h;
        if (gray) {
            float max = (1 << bits[0]) - 1f;
            float[] out = new float[n];
            float[] row = new float[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = row[x] / max;
                }
            }
            return new FloatImage(1, w, h, out);
        }
        float[] out = new float[3 * n];
        int[] argb = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = argb[x];
                int i = y * w + x;
                out[i] = ((p >> 16) & 0xFF) / 255f;
                out[n + i] = ((p >> 8) & 0xFF) / 255f;
                out[2 * n + i] = (p & 0xFF) / 255f;
            }
        }
        return new FloatImage(3, w, h, out);
    }

    /** A decoded image and where it came from. */
    public record LoadedImage(Path path, FloatImage image) {
    }
}
