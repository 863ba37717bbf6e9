package org.ssaeinspector.dataset;

import java.nio.file.Path;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;

/** Reads ground-truth masks: any non-zero pixel (in any channel) marks a defect. */
public final class MaskLoader {
    private MaskLoader() {
    }

    /**
     * The mask at {@code width} x {@code height}, row-major, resized with nearest neighbour so
     * that it stays binary (interpolating would blur the defect outline into guesses).
     */
    public static boolean[] load(Path mask, int width, int height) throws ImageLoadException {
        FloatImage img = ImageLoader.load(mask);
        int sw = img.width();
        int sh = img.height();
        boolean[] source = new boolean[sw * sh];
        float[] data = img.data();
        for (int c = 0; c < img.channels(); c++) {
            int base = c * sw * sh;
            for (int i = 0; i < source.length; i++) {
                source[i] |= data[base + i] > 0f;
            }
        }
        return resizeNearest(source, sw, sh, width, height);
    }

    /** Nearest-neighbour resize of a row-major binary mask (pixel centres aligned). */
    public static boolean[] resizeNearest(boolean[] mask, int sw, int sh, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive, was " + width + "x" + height);
        }
        if (width == sw && height == sh) {
            return mask.clone();
        }
        boolean[] out = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            int sy = Math.min(sh - 1, (int) ((y + 0.5) * sh / height));
            for (int x = 0; x < width; x++) {
                int sx = Math.min(sw - 1, (int) ((x + 0.5) * sw / width));
                out[y * width + x] = mask[sy * sw + sx];
            }
        }
        return out;
    }
}
