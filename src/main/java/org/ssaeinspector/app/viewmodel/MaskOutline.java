package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;

/** The outline of a ground-truth mask as an ARGB overlay, thick enough to see on a large photo. */
public final class MaskOutline {
    public static final int COLOUR = 0xFF00E5FF;

    private MaskOutline() {
    }

    public static int[] load(Path maskFile, int width, int height) throws ImageLoadException {
        FloatImage m = ImageLoader.load(maskFile).withChannels(1).resize(width, height);
        return outline(m.data(), width, height);
    }

    /** Pixels inside the mask within {@code r} pixels of its edge (r grows with the image). */
    static int[] outline(float[] mask, int width, int height) {
        int r = Math.max(1, Math.max(width, height) / 300);
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x] > 0.5f && nearOutside(mask, width, height, x, y, r)) {
                    out[y * width + x] = COLOUR;
                }
            }
        }
        return out;
    }

    private static boolean nearOutside(float[] mask, int w, int h, int x, int y, int r) {
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx < 0 || yy < 0 || xx >= w || yy >= h || mask[yy * w + xx] <= 0.5f) {
                    return true;
                }
            }
        }
        return false;
    }
}
