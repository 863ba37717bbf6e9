package org.ssaeinspector.model;

import java.util.Arrays;
import java.util.Random;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.PlaneResampler;

/**
 * Builds SSAE training inputs (method.md, "Training sample"): a clean image is partly replaced by
 * foreign content inside a soft mask covering about 1-20 % of the image. Each region gets its own
 * shape (irregular blob, thin stroke, small rectangle) and its own fill (a shifted, colour-jittered
 * patch of another good image; a synthetic texture; an intensity change; a blur or elastic
 * distortion of the image itself), so the network cannot learn one tell-tale. A share of samples
 * stays clean so the identity on normal data is learned too.
 */
public final class CorruptionSynthesizer {
    /** Share of samples left uncorrupted. */
    public static final double CLEAN_SHARE = 0.2;

    /** A corrupted input and its mask (row-major, 0..1, one plane). */
    public record Corrupted(FloatImage input, float[] mask) {
    }

    /** Share of the image that the corrupted regions cover together, log-uniform between these. */
    static final double MIN_COVERAGE = 0.01;
    static final double MAX_COVERAGE = 0.2;

    private final double cleanShare;
    private final double minCoverage;
    private final double maxCoverage;
    private final double minOpacity;
    private final double maxOpacity;

    public CorruptionSynthesizer() {
        this(CLEAN_SHARE);
    }

    public CorruptionSynthesizer(double cleanShare) {
        this(cleanShare, MIN_COVERAGE, MAX_COVERAGE);
    }

    /** With its own coverage range: small defects, to judge a calibration rather than to train. */
    public CorruptionSynthesizer(double cleanShare, double minCoverage, double maxCoverage) {
        this(cleanShare, minCoverage, maxCoverage, 1, 1);
    }

    /**
     * With its own coverage and opacity ranges: each region's fill is blended in at an opacity drawn
     * uniformly from [minOpacity, maxOpacity] (1: the fill replaces the image). Faint defects judge a
     * calibration the way real ones do, whose residuals are weaker and patchier than those of the
     * corruptions the network was trained to repair. The returned mask is the regions' shape.
     */
    public CorruptionSynthesizer(double cleanShare, double minCoverage, double maxCoverage, double minOpacity,
                                 double maxOpacity) {
        if (!(minCoverage > 0 && minCoverage <= maxCoverage && maxCoverage < 1)) {
            throw new IllegalArgumentException("coverage range must satisfy 0 < min <= max < 1");
        }
        if (!(minOpacity > 0 && minOpacity <= maxOpacity && maxOpacity <= 1)) {
            throw new IllegalArgumentException("opacity range must satisfy 0 < min <= max <= 1");
        }
        this.cleanShare = cleanShare;
        this.minCoverage = minCoverage;
        this.maxCoverage = maxCoverage;
        this.minOpacity = minOpacity;
        this.maxOpacity = maxOpacity;
    }

    /** Corrupts {@code clean} using {@code donor} (another good image of the same size) as one fill source. */
    public Corrupted corrupt(FloatImage clean, FloatImage donor, Random rng) {
        int w = clean.width();
        int h = clean.height();
        float[] total = new float[w * h];
        if (rng.nextDouble() < cleanShare) {
            return new Corrupted(clean, total);
        }
        float[] out = Arrays.copyOf(clean.data(), clean.data().length);
        double coverage = Math.exp(Math.log(minCoverage) + rng.nextDouble() * (Math.log(maxCoverage) - Math.log(minCoverage)));
        int regions = 1 + rng.nextInt(3);
        for (int r = 0; r < regions; r++) {
            float[] mask = regionMask(w, h, coverage / regions, rng);
            float[] fill = fill(clean, donor, rng);
            // No draw at full opacity: training samples stay what they were.
            float opacity = maxOpacity == 1 && minOpacity == 1 ? 1f
                    : (float) (minOpacity + rng.nextDouble() * (maxOpacity - minOpacity));
            int n = w * h;
            for (int c = 0; c < clean.channels(); c++) {
                int base = c * n;
                for (int i = 0; i < n; i++) {
                    float m = mask[i] * opacity;
                    if (m > 0f) {
                        out[base + i] = (1f - m) * out[base + i] + m * fill[base + i];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                total[i] = Math.max(total[i], mask[i]);
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(1f, Math.max(0f, out[i]));
        }
        return new Corrupted(new FloatImage(clean.channels(), w, h, out), total);
    }

    // ---- shapes -------------------------------------------------------------------------------

    private static float[] regionMask(int w, int h, double coverage, Random rng) {
        double pick = rng.nextDouble();
        float[] hard;
        if (pick < 0.6) {
            hard = blob(w, h, coverage, rng);
        } else if (pick < 0.85) {
            hard = stroke(w, h, rng);
        } else {
            hard = rectangle(w, h, coverage, rng);
        }
        int feather = Math.max(1, Math.round(Math.min(w, h) / 128f * (1 + rng.nextInt(2))));
        return boxBlur(hard, w, h, feather);
    }

    /** Thresholded low-frequency noise, restricted to a window so the blob stays local. */
    private static float[] blob(int w, int h, double coverage, Random rng) {
        int grid = 3 + rng.nextInt(6);
        float[] noise = lowFrequencyNoise(w, h, grid, rng);
        // A random window keeps the region spatially local; its size follows the coverage.
        double side = Math.min(1.0, Math.sqrt(coverage) * (1.6 + rng.nextDouble()));
        int ww = Math.max(4, (int) (side * w));
        int wh = Math.max(4, (int) (side * h));
        int x0 = rng.nextInt(Math.max(1, w - ww + 1));
        int y0 = rng.nextInt(Math.max(1, h - wh + 1));
        float[] window = new float[ww * wh];
        for (int y = 0; y < wh; y++) {
            for (int x = 0; x < ww; x++) {
                // Fade towards the window's border so blobs are not cut straight.
                double fx = Math.min(x + 1, ww - x) / (ww / 2.0);
                double fy = Math.min(y + 1, wh - y) / (wh / 2.0);
                window[y * ww + x] = (float) (noise[(y0 + y) * w + x0 + x] * Math.min(1.0, Math.sqrt(fx * fy) * 1.5));
            }
        }
        float[] sorted = window.clone();
        Arrays.sort(sorted);
        double wanted = Math.min(0.9, coverage * w * h / (ww * (double) wh));
        float cut = sorted[Math.min(sorted.length - 1, (int) ((1 - wanted) * sorted.length))];
        float[] mask = new float[w * h];
        for (int y = 0; y < wh; y++) {
            for (int x = 0; x < ww; x++) {
                if (window[y * ww + x] > cut) {
                    mask[(y0 + y) * w + x0 + x] = 1f;
                }
            }
        }
        return mask;
    }

    /** A scratch-like polyline of a few segments. */
    private static float[] stroke(int w, int h, Random rng) {
        float[] mask = new float[w * h];
        double radius = Math.max(0.6, Math.min(w, h) / 128.0 * (0.6 + rng.nextDouble() * 1.6));
        double x = rng.nextDouble() * w;
        double y = rng.nextDouble() * h;
        double angle = rng.nextDouble() * 2 * Math.PI;
        int segments = 1 + rng.nextInt(4);
        for (int s = 0; s < segments; s++) {
            double length = Math.min(w, h) * (0.05 + rng.nextDouble() * 0.25);
            angle += (rng.nextDouble() - 0.5) * 1.2;
            double nx = x + Math.cos(angle) * length;
            double ny = y + Math.sin(angle) * length;
            int steps = (int) Math.ceil(length / 0.5);
            for (int i = 0; i <= steps; i++) {
                double t = i / (double) steps;
                disc(mask, w, h, x + (nx - x) * t, y + (ny - y) * t, radius);
            }
            x = nx;
            y = ny;
        }
        return mask;
    }

    private static void disc(float[] mask, int w, int h, double cx, double cy, double r) {
        int x0 = (int) Math.floor(cx - r);
        int x1 = (int) Math.ceil(cx + r);
        int y0 = (int) Math.floor(cy - r);
        int y1 = (int) Math.ceil(cy + r);
        for (int y = Math.max(0, y0); y <= Math.min(h - 1, y1); y++) {
            for (int x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++) {
                double dx = x - cx;
                double dy = y - cy;
                if (dx * dx + dy * dy <= r * r) {
                    mask[y * w + x] = 1f;
                }
            }
        }
    }

    private static float[] rectangle(int w, int h, double coverage, Random rng) {
        double area = coverage * w * h;
        double aspect = Math.exp((rng.nextDouble() - 0.5) * 2.0);
        int rw = (int) Math.max(2, Math.min(w - 1, Math.sqrt(area * aspect)));
        int rh = (int) Math.max(2, Math.min(h - 1, area / rw));
        int x0 = rng.nextInt(w - rw + 1);
        int y0 = rng.nextInt(h - rh + 1);
        float[] mask = new float[w * h];
        for (int y = y0; y < y0 + rh; y++) {
            Arrays.fill(mask, y * w + x0, y * w + x0 + rw, 1f);
        }
        return mask;
    }

    // ---- fills --------------------------------------------------------------------------------

    private static float[] fill(FloatImage clean, FloatImage donor, Random rng) {
        double pick = rng.nextDouble();
        if (pick < 0.35) {
            return donorPatch(donor, rng);
        } else if (pick < 0.6) {
            return syntheticTexture(clean.channels(), clean.width(), clean.height(), rng);
        } else if (pick < 0.8) {
            return intensityChange(clean, rng);
        } else if (pick < 0.9) {
            return blurred(clean, rng);
        }
        return elastic(clean, rng);
    }

    /** Another good image, shifted (wrapping), maybe mirrored, colour-jittered. */
    private static float[] donorPatch(FloatImage donor, Random rng) {
        int w = donor.width();
        int h = donor.height();
        int dx = rng.nextInt(w);
        int dy = rng.nextInt(h);
        boolean mirror = rng.nextBoolean();
        float[] src = donor.data();
        float[] out = new float[src.length];
        int n = w * h;
        for (int c = 0; c < donor.channels(); c++) {
            float gain = 0.7f + 0.6f * rng.nextFloat();
            float offset = (rng.nextFloat() - 0.5f) * 0.3f;
            for (int y = 0; y < h; y++) {
                int sy = (y + dy) % h;
                for (int x = 0; x < w; x++) {
                    int sx = (x + dx) % w;
                    if (mirror) {
                        sx = w - 1 - sx;
                    }
                    out[c * n + y * w + x] = src[c * n + sy * w + sx] * gain + offset;
                }
            }
        }
        return out;
    }

    /** Multi-scale noise, stripes or a flat colour. */
    private static float[] syntheticTexture(int channels, int w, int h, Random rng) {
        int n = w * h;
        float[] out = new float[channels * n];
        double pick = rng.nextDouble();
        float[] base = new float[channels];
        for (int c = 0; c < channels; c++) {
            base[c] = rng.nextFloat();
        }
        if (pick < 0.45) {
            float[] noise = new float[n];
            float amp = 0.5f;
            for (int octave = 0; octave < 3; octave++) {
                float[] layer = lowFrequencyNoise(w, h, 4 << (octave * 2), rng);
                for (int i = 0; i < n; i++) {
                    noise[i] += amp * (layer[i] - 0.5f);
                }
                amp *= 0.6f;
            }
            float contrast = 0.3f + rng.nextFloat();
            for (int c = 0; c < channels; c++) {
                float tint = 0.7f + 0.6f * rng.nextFloat();
                for (int i = 0; i < n; i++) {
                    out[c * n + i] = base[c] + contrast * tint * noise[i];
                }
            }
        } else if (pick < 0.75) {
            double angle = rng.nextDouble() * Math.PI;
            double period = Math.min(w, h) / 64.0 * (2 + rng.nextDouble() * 10);
            double ca = Math.cos(angle);
            double sa = Math.sin(angle);
            float amp = 0.1f + 0.4f * rng.nextFloat();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = (float) Math.sin(2 * Math.PI * (x * ca + y * sa) / period);
                    for (int c = 0; c < channels; c++) {
                        out[c * n + y * w + x] = base[c] + amp * s;
                    }
                }
            }
        } else {
            for (int c = 0; c < channels; c++) {
                Arrays.fill(out, c * n, (c + 1) * n, base[c]);
            }
        }
        return out;
    }

    /** The image itself, darker or brighter or with a colour cast (never a no-op). */
    private static float[] intensityChange(FloatImage clean, Random rng) {
        float[] src = clean.data();
        float[] out = new float[src.length];
        int n = clean.width() * clean.height();
        float sign = rng.nextBoolean() ? 1f : -1f;
        float gain = 1f + sign * (0.2f + 0.4f * rng.nextFloat());
        float shift = sign * (0.05f + 0.2f * rng.nextFloat());
        for (int c = 0; c < clean.channels(); c++) {
            float g = gain * (0.85f + 0.3f * rng.nextFloat());
            for (int i = 0; i < n; i++) {
                out[c * n + i] = src[c * n + i] * g + shift;
            }
        }
        return out;
    }

    private static float[] blurred(FloatImage clean, Random rng) {
        int w = clean.width();
        int h = clean.height();
        int n = w * h;
        int radius = Math.max(2, Math.round(w / 128f * (2 + rng.nextInt(4))));
        float[] out = new float[clean.data().length];
        for (int c = 0; c < clean.channels(); c++) {
            float[] plane = Arrays.copyOfRange(clean.data(), c * n, (c + 1) * n);
            float[] b = boxBlur(boxBlur(plane, w, h, radius), w, h, radius);
            System.arraycopy(b, 0, out, c * n, n);
        }
        return out;
    }

    /** The image resampled through a smooth random displacement field. */
    private static float[] elastic(FloatImage clean, Random rng) {
        int w = clean.width();
        int h = clean.height();
        int n = w * h;
        float amp = w / 128f * (2f + 4f * rng.nextFloat());
        float[] fx = lowFrequencyNoise(w, h, 6, rng);
        float[] fy = lowFrequencyNoise(w, h, 6, rng);
        float[] src = clean.data();
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float sx = Math.min(w - 1f, Math.max(0f, x + (fx[i] - 0.5f) * 2 * amp));
                float sy = Math.min(h - 1f, Math.max(0f, y + (fy[i] - 0.5f) * 2 * amp));
                int x0 = (int) sx;
                int y0 = (int) sy;
                int x1 = Math.min(w - 1, x0 + 1);
                int y1 = Math.min(h - 1, y0 + 1);
                float ax = sx - x0;
                float ay = sy - y0;
                for (int c = 0; c < clean.channels(); c++) {
                    int b = c * n;
                    float top = src[b + y0 * w + x0] * (1 - ax) + src[b + y0 * w + x1] * ax;
                    float bot = src[b + y1 * w + x0] * (1 - ax) + src[b + y1 * w + x1] * ax;
                    out[b + i] = top * (1 - ay) + bot * ay;
                }
            }
        }
        return out;
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Uniform noise on a coarse grid, bilinearly upsampled: smooth, irregular, in [0, 1]. */
    static float[] lowFrequencyNoise(int w, int h, int grid, Random rng) {
        int g = Math.max(2, grid);
        float[] coarse = new float[g * g];
        for (int i = 0; i < coarse.length; i++) {
            coarse[i] = rng.nextFloat();
        }
        float[] out = new float[w * h];
        PlaneResampler.bilinear(coarse, 1, g, g, out, w, h);
        return out;
    }

    /** Box blur with clamped borders (separable, running sums). */
    static float[] boxBlur(float[] plane, int w, int h, int r) {
        float[] tmp = new float[plane.length];
        float[] out = new float[plane.length];
        float norm = 1f / (2 * r + 1);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            float sum = 0f;
            for (int k = -r; k <= r; k++) {
                sum += plane[row + Math.min(w - 1, Math.max(0, k))];
            }
            for (int x = 0; x < w; x++) {
                tmp[row + x] = sum * norm;
                sum += plane[row + Math.min(w - 1, x + r + 1)] - plane[row + Math.max(0, x - r)];
            }
        }
        for (int x = 0; x < w; x++) {
            float sum = 0f;
            for (int k = -r; k <= r; k++) {
                sum += tmp[Math.min(h - 1, Math.max(0, k)) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = sum * norm;
                sum += tmp[Math.min(h - 1, y + r + 1) * w + x] - tmp[Math.max(0, y - r) * w + x];
            }
        }
        return out;
    }
}
