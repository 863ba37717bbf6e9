package org.ssaeinspector.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ssaeinspector.imageio.FloatImage;

/**
 * Runs the fully convolutional network over an image of any size: the image is padded (mirrored)
 * to a side the network accepts; a large one is cut into overlapping square tiles whose outputs
 * are blended with weights that ramp linearly across each overlap, so there are no seams and
 * memory is bounded by the tile, not the photo.
 */
final class Tiling {
    /** Padded images up to this many pixels go through the network whole. */
    static final int MAX_WHOLE_PIXELS = 512 * 512;
    /** Side of a tile (before rounding down to the network's multiple). */
    static final int TILE = 384;
    /** Pixels two neighbouring tiles share; their outputs are blended across it. */
    static final int OVERLAP = 64;

    private Tiling() {
    }

    /** A rectangle of the padded image. */
    record Piece(int x, int y, int width, int height) {
    }

    /** Rounds up to a multiple of {@code m}. */
    static int padded(int side, int m) {
        return (side + m - 1) / m * m;
    }

    /** The tiles covering a padded {@code w} x {@code h} image (one piece when small enough). */
    static List<Piece> plan(int w, int h, int multiple) {
        if ((long) w * h <= MAX_WHOLE_PIXELS) {
            return List.of(new Piece(0, 0, w, h));
        }
        int tile = Math.max(multiple, TILE / multiple * multiple);
        List<Piece> pieces = new ArrayList<>();
        for (int y : starts(h, tile)) {
            for (int x : starts(w, tile)) {
                pieces.add(new Piece(x, y, Math.min(tile, w), Math.min(tile, h)));
            }
        }
        return pieces;
    }

    /** Tile origins along one side: evenly spread, the last flush with the end, overlaps at least {@link #OVERLAP}. */
    private static List<Integer> starts(int side, int tile) {
        if (side <= tile) {
            return List.of(0);
        }
        int count = (int) Math.ceil((side - OVERLAP) / (double) (tile - OVERLAP));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add((int) Math.round(i * (side - tile) / (double) (count - 1)));
        }
        return out;
    }

    /**
     * Mirrors an image with a side under {@code side} out to it (right and bottom), the same in
     * training and scoring: the rare photo thinner than the training crops (a strip).
     */
    static FloatImage padToAtLeast(FloatImage img, int side) {
        return img.width() >= side && img.height() >= side ? img
                : pad(img, Math.max(side, img.width()), Math.max(side, img.height()));
    }

    /** Mirrors the image out to {@code pw} x {@code ph} (right and bottom). */
    static FloatImage pad(FloatImage img, int pw, int ph) {
        int w = img.width();
        int h = img.height();
        if (pw == w && ph == h) {
            return img;
        }
        int c = img.channels();
        float[] src = img.data();
        float[] out = new float[c * pw * ph];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < ph; y++) {
                int sy = mirror(y, h);
                for (int x = 0; x < pw; x++) {
                    out[(ch * ph + y) * pw + x] = src[(ch * h + sy) * w + mirror(x, w)];
                }
            }
        }
        return new FloatImage(c, pw, ph, out);
    }

    private static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = i % period;
        return m < n ? m : period - m;
    }

    static FloatImage crop(FloatImage img, int x0, int y0, int w, int h) {
        if (x0 == 0 && y0 == 0 && w == img.width() && h == img.height()) {
            return img;
        }
        int c = img.channels();
        float[] src = img.data();
        float[] out = new float[c * w * h];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, (ch * img.height() + y0 + y) * img.width() + x0, out, (ch * h + y) * w, w);
            }
        }
        return new FloatImage(c, w, h, out);
    }

    /**
     * The network's output for one image of any size: padded, tiled when large, blended, cropped
     * back. {@code network} maps a batch of equal-sized inputs to outputs; at most {@code batch}
     * tiles go in one call.
     */
    static FloatImage run(FloatImage image, int multiple, int batch, Function<List<FloatImage>, List<FloatImage>> network) {
        int w = image.width();
        int h = image.height();
        int pw = padded(w, multiple);
        int ph = padded(h, multiple);
        FloatImage padded = pad(image, pw, ph);
        List<Piece> pieces = plan(pw, ph, multiple);
        if (pieces.size() == 1) {
            return crop(network.apply(List.of(padded)).get(0), 0, 0, w, h);
        }
        int c = image.channels();
        float[] acc = new float[c * pw * ph];
        float[] weight = new float[pw * ph];
        for (int start = 0; start < pieces.size(); start += batch) {
            List<Piece> group = pieces.subList(start, Math.min(pieces.size(), start + batch));
            List<FloatImage> inputs = new ArrayList<>();
            for (Piece p : group) {
                inputs.add(crop(padded, p.x, p.y, p.width, p.height));
            }
            List<FloatImage> outputs = network.apply(inputs);
            for (int i = 0; i < group.size(); i++) {
                accumulate(acc, weight, pw, ph, group.get(i), outputs.get(i).data(), c);
            }
        }
        int plane = pw * ph;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < plane; i++) {
                acc[ch * plane + i] /= weight[i];
            }
        }
        return crop(new FloatImage(c, pw, ph, acc), 0, 0, w, h);
    }

    private static void accumulate(float[] acc, float[] weight, int pw, int ph, Piece p, float[] out, int c) {
        float[] wx = ramp(p.x, p.width, pw);
        float[] wy = ramp(p.y, p.height, ph);
        int plane = pw * ph;
        for (int y = 0; y < p.height; y++) {
            for (int x = 0; x < p.width; x++) {
                float wgt = wx[x] * wy[y];
                int at = (p.y + y) * pw + p.x + x;
                weight[at] += wgt;
                for (int ch = 0; ch < c; ch++) {
                    acc[ch * plane + at] += wgt * out[(ch * p.height + y) * p.width + x];
                }
            }
        }
    }

    /** 1 inside, falling linearly towards a tile edge that lies inside the image (never to 0). */
    private static float[] ramp(int origin, int length, int side) {
        float[] r = new float[length];
        for (int i = 0; i < length; i++) {
            float v = 1f;
            if (origin > 0) {
                v = Math.min(v, (i + 0.5f) / OVERLAP);
            }
            if (origin + length < side) {
                v = Math.min(v, (length - i - 0.5f) / OVERLAP);
            }
            r[i] = v;
        }
        return r;
    }
}
