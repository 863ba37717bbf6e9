package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import org.ssaeinspector.dataset.MaskLoader;
import org.ssaeinspector.imageio.ImageLoadException;

/** The outline of a ground-truth mask as an ARGB overlay, thick enough to see on a large photo. */
public final class MaskOutline {
    public static final int COLOUR = 0xFF00E5FF;

    private MaskOutline() {
    }

    public static int[] load(Path maskFile, int width, int height) throws ImageLoadException {
        return outline(MaskLoader.load(maskFile, width, height), width, height);
    }

    /** Pixels inside the mask within {@code r} pixels of its edge (r grows with the image). */
    static int[] outline(boolean[] mask, int width, int height) {
        int r = Math.max(1, Math.max(width, height) / 300);
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x] && nearOutside(mask, width, height, x, y, r)) {
                    out[y * width + x] = COLOUR;
                }
            }
        }
        return out;
    }

    private static boolean nearOutside(boolean[] mask, int w, int h, int x, int y, int r) {
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx < 0 || yy < 0 || xx >= w || yy >= h || !mask[yy * w + xx]) {
                    return true;
                }
            }
        }
        return false;
    }
}
