package org.ssaeinspector.samples;

import java.util.List;
import java.util.Random;

/**
 * A turned steel washer lying in the round pocket of a grey fixture plate, photographed from
 * above: concentric machining rings, a bow-tie highlight from the lamp, chamfered edges and a
 * soft shadow. Each picture moves the part a few pixels and changes the lamp angle and
 * brightness a little. Defects: a thin scratch across the face, and a piece broken off the rim.
 */
final class WasherSample implements SampleCategory {
    static final String SCRATCH = "scratch";
    static final String MISSING_PIECE = "missing_piece";

    private static final double[] STEEL = {0.70, 0.71, 0.73};
    private static final double[] PLATE = {0.34, 0.35, 0.37};
    private static final double POCKET_RADIUS = 104;

    @Override
    public String name() {
        return "washer";
    }

    @Override
    public String kind() {
        return "object";
    }

    @Override
    public List<String> defectTypes() {
        return List.of(SCRATCH, MISSING_PIECE);
    }

    @Override
    public double[][] render(Random random, String defect) {
        int size = width();
        Scene s = new Scene(random, size);
        double[] notch = null;
        CurvedLine scratch = null;
        double scratchFactor = 1;
        if (MISSING_PIECE.equals(defect)) {
            notch = notch(random, s);
        } else if (SCRATCH.equals(defect)) {
            scratch = scratch(random, s);
            scratchFactor = scratchFactor(random);
        } else if (defect != null) {
            throw new IllegalArgumentException("unknown defect " + defect);
        }
        int n = size * size;
        double[] cover = new double[n];
        double[] shadowSource = new double[n];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double c = s.coverage(x, y);
                shadowSource[y * size + x] = c;
                cover[y * size + x] = notch == null ? c : c * (1 - notchCoverage(notch, x, y));
            }
        }
        // The shadow comes from the intact outline: a chip this small hardly moves it, and the
        // defect then changes only the pixels of the chip itself.
        double[] shadow = blur(shift(shadowSource, size, 3, 4), size, 4);
        double[][] rgb = new double[3][n];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                double[] plate = s.plate(x, y);
                double dark = 1 - 0.5 * shadow[i];
                double metal = s.metal(x, y);
                double fracture = notch == null ? 0 : fractureBand(notch, x, y) * cover[i];
                double mark = scratch == null ? 0 : scratch.weight(x, y) * cover[i];
                for (int c = 0; c < 3; c++) {
                    double m = STEEL[c] * metal * (1 - 0.35 * fracture);
                    m = m * (1 + (scratchFactor - 1) * mark);
                    rgb[c][i] = Shade.highlightKnee(plate[c] * dark + (m - plate[c] * dark) * cover[i]);
                }
            }
        }
        return rgb;
    }

    /** The good part and its surroundings: all random draws of one picture. */
    private static final class Scene {
        final int size;
        final double cx;
        final double cy;
        final double outer;
        final double inner;
        final double lightAngle;
        final double exposure;
        final double ringPhase;
        final ValueNoise rings;

        Scene(Random random, int size) {
            this.size = size;
            double c = size / 2.0;
            cx = c + clamp(random.nextGaussian() * 2.0, 5);
            cy = c + clamp(random.nextGaussian() * 2.0, 5);
            outer = 84 + random.nextGaussian() * 0.6;
            inner = 34 + random.nextGaussian() * 0.4;
            lightAngle = StrictMath.toRadians(-135 + random.nextGaussian() * 6);
            exposure = 1 + 0.03 * random.nextGaussian();
            ringPhase = random.nextDouble() * 2 * Math.PI;
            rings = new ValueNoise(random, 64);
        }

        double coverage(double x, double y) {
            double dx = x - cx;
            double dy = y - cy;
            double r = Math.sqrt(dx * dx + dy * dy);
            return Shade.coverage(r - outer) * Shade.coverage(inner - r);
        }

        /** Brightness factor of the steel face at (x, y). */
        double metal(double x, double y) {
            double dx = x - cx;
            double dy = y - cy;
            double r = Math.sqrt(dx * dx + dy * dy);
            double a = StrictMath.atan2(dy, dx);
            double turned = 1 + 0.035 * StrictMath.sin(2 * Math.PI * r / 2.7 + ringPhase) + 0.03 * rings.at(r / 3.0, 0.5);
            double highlight = 1 + 0.20 * StrictMath.cos(2 * (a - lightAngle));
            double falloff = 0.92 + 0.08 * (r - inner) / (outer - inner);
            double bevel = 1;
            if (r > outer - 3) {
                bevel += 0.40 * StrictMath.cos(a - lightAngle) * Shade.smoothstep(outer - 3, outer - 1, r);
            } else if (r < inner + 3) {
                bevel -= 0.40 * StrictMath.cos(a - lightAngle) * Shade.smoothstep(inner + 3, inner + 1, r);
            }
            return exposure * turned * highlight * falloff * bevel;
        }

        /**
     * The fixture plate with its round pocket (fixed to the camera, so it never moves). Smooth
     * anodised finish: a grain texture would triple the size of the bundled PNGs for no gain.
     */
        double[] plate(double x, double y) {
            double c = size / 2.0;
            double dx = x - c;
            double dy = y - c;
            double r = Math.sqrt(dx * dx + dy * dy);
            double a = StrictMath.atan2(dy, dx);
            double pocket = r < POCKET_RADIUS ? 0.86 : 1.0;
            double rimLight = 1 + 0.45 * StrictMath.cos(a - lightAngle - Math.PI)
                    * StrictMath.exp(-(r - POCKET_RADIUS + 1.5) * (r - POCKET_RADIUS + 1.5) / 2.0);
            double vignette = 1 - 0.15 * (dx * dx + dy * dy) / (c * c * 2);
            double v = exposure * pocket * rimLight * vignette;
            return new double[] {PLATE[0] * v, PLATE[1] * v, PLATE[2] * v};
        }
    }

    /** A chip broken off the outer rim: {cx, cy, radius, phase, noise}. */
    private static double[] notch(Random random, Scene s) {
        double angle = random.nextDouble() * 2 * Math.PI;
        double radius = 9 + random.nextDouble() * 8;
        double at = s.outer + 2 - random.nextDouble() * 4;
        double seed = random.nextDouble() * 1000;
        return new double[] {s.cx + StrictMath.cos(angle) * at, s.cy + StrictMath.sin(angle) * at, radius, seed};
    }

    private static double notchEdge(double[] notch, double x, double y) {
        double dx = x - notch[0];
        double dy = y - notch[1];
        double a = StrictMath.atan2(dy, dx);
        // A broken edge is jagged: two scales of wiggle around a circle.
        double jag = 0.18 * StrictMath.sin(3 * a + notch[3]) + 0.07 * StrictMath.sin(11 * a + 2 * notch[3]);
        return Math.sqrt(dx * dx + dy * dy) - notch[2] * (1 + jag);
    }

    private static double notchCoverage(double[] notch, double x, double y) {
        return Shade.coverage(notchEdge(notch, x, y));
    }

    /** The rough fracture face along the break: 1 at the edge, gone 2.5 pixels in. */
    private static double fractureBand(double[] notch, double x, double y) {
        double d = notchEdge(notch, x, y);
        return d < -0.5 || d > 2.5 ? 0 : Shade.smoothstep(2.5, 0.5, d);
    }

    /** A shallow curved scratch on the face (a bit over a pixel wide, 24 to 52 pixels long). */
    private static CurvedLine scratch(Random random, Scene s) {
        double r = s.inner + 10 + random.nextDouble() * (s.outer - s.inner - 20);
        double a = random.nextDouble() * 2 * Math.PI;
        double mx = s.cx + StrictMath.cos(a) * r;
        double my = s.cy + StrictMath.sin(a) * r;
        double dir = random.nextDouble() * Math.PI;
        double half = 12 + random.nextDouble() * 14;
        double bend = (random.nextDouble() - 0.5) * 10;
        double halfWidth = 0.6 + random.nextDouble() * 0.4;
        double ux = StrictMath.cos(dir);
        double uy = StrictMath.sin(dir);
        return new CurvedLine(mx - ux * half, my - uy * half, mx - uy * bend, my + ux * bend,
                mx + ux * half, my + uy * half, halfWidth);
    }

    /** Brightness factor of a scratch: bright ones catch the lamp, dark ones are grooves. */
    private static double scratchFactor(Random random) {
        return random.nextDouble() < 0.6 ? 1.30 + random.nextDouble() * 0.15 : 0.55 + random.nextDouble() * 0.10;
    }

    private static double clamp(double v, double limit) {
        return Math.max(-limit, Math.min(limit, v));
    }

    private static double[] shift(double[] src, int size, int dx, int dy) {
        double[] out = new double[src.length];
        for (int y = 0; y < size; y++) {
            int sy = y - dy;
            if (sy < 0 || sy >= size) {
                continue;
            }
            for (int x = 0; x < size; x++) {
                int sx = x - dx;
                if (sx >= 0 && sx < size) {
                    out[y * size + x] = src[sy * size + sx];
                }
            }
        }
        return out;
    }

    /** Two passes of a separable box blur (close to a Gaussian), edges clamped. */
    private static double[] blur(double[] src, int size, int radius) {
        double[] a = src;
        for (int pass = 0; pass < 2; pass++) {
            a = boxBlur(a, size, radius, true);
            a = boxBlur(a, size, radius, false);
        }
        return a;
    }

    private static double[] boxBlur(double[] src, int size, int radius, boolean horizontal) {
        double[] out = new double[src.length];
        double norm = 1.0 / (2 * radius + 1);
        for (int line = 0; line < size; line++) {
            for (int k = 0; k < size; k++) {
                double sum = 0;
                for (int j = -radius; j <= radius; j++) {
                    int p = Math.max(0, Math.min(size - 1, k + j));
                    sum += horizontal ? src[line * size + p] : src[p * size + line];
                }
                if (horizontal) {
                    out[line * size + k] = sum * norm;
                } else {
                    out[k * size + line] = sum * norm;
                }
            }
        }
        return out;
    }
}
