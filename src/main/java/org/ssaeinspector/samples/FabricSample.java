package org.ssaeinspector.samples;

import java.util.List;
import java.util.Random;

/**
 * A plain-weave linen fabric seen from above under a diffuse lamp: threads with a rounded
 * profile, uneven thickness and shade, slow lighting changes; each picture shows another part
 * of the cloth. The cloth runs square to the camera as on a web inspection line. (Fibre-level
 * detail or a turned weave would look a little richer but make the bundled PNGs about twice as
 * large, because PNG could no longer exploit the repeats of the weave.) Defects: a torn hole with frayed threads showing the dark table
 * underneath, and a brownish stain with a darker rim (a dried drop of coffee or oil).
 */
final class FabricSample implements SampleCategory {
    static final String HOLE = "hole";
    static final String STAIN = "stain";

    private static final double PERIOD = 8.0;
    private static final int THREADS = 64;
    private static final double[] WARP = {0.67, 0.61, 0.50};
    private static final double[] WEFT = {0.72, 0.66, 0.55};
    private static final double[] TABLE = {0.09, 0.085, 0.08};
    private static final double[] STAIN_TINT = {0.60, 0.47, 0.32};

    @Override
    public String name() {
        return "fabric";
    }

    @Override
    public String kind() {
        return "texture";
    }

    @Override
    public List<String> defectTypes() {
        return List.of(HOLE, STAIN);
    }

    @Override
    public double[][] render(Random random, String defect) {
        int size = width();
        Weave weave = new Weave(random, size);
        double[][] rgb = new double[3][size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                weave.shade(x, y, rgb, y * size + x);
            }
        }
        if (HOLE.equals(defect)) {
            hole(random, size, rgb);
        } else if (STAIN.equals(defect)) {
            stain(random, size, rgb);
        } else if (defect != null) {
            throw new IllegalArgumentException("unknown defect " + defect);
        }
        return rgb;
    }

    /** The undamaged cloth: the random draws for one picture, then shading per pixel. */
    private static final class Weave {
        final double offsetU;
        final double offsetV;
        final double[] warpShade = new double[THREADS];
        final double[] weftShade = new double[THREADS];
        final double[] warpWidth = new double[THREADS];
        final double[] weftWidth = new double[THREADS];
        final ValueNoise light;
        final double gradX;
        final double gradY;
        final double exposure;
        final int size;

        Weave(Random random, int size) {
            this.size = size;
            offsetU = random.nextDouble() * PERIOD * THREADS;
            offsetV = random.nextDouble() * PERIOD * THREADS;
            for (int i = 0; i < THREADS; i++) {
                warpShade[i] = 1 + 0.05 * random.nextGaussian();
                weftShade[i] = 1 + 0.05 * random.nextGaussian();
                warpWidth[i] = 0.80 + 0.08 * random.nextDouble();
                weftWidth[i] = 0.80 + 0.08 * random.nextDouble();
            }
            light = new ValueNoise(random, 8);
            gradX = 0.04 * random.nextGaussian();
            gradY = 0.04 * random.nextGaussian();
            exposure = 1 + 0.03 * random.nextGaussian();
        }

        void shade(double x, double y, double[][] rgb, int i) {
            double u = x + offsetU;
            double v = y + offsetV;
            int ti = (int) Math.floor(u / PERIOD);
            int tj = (int) Math.floor(v / PERIOD);
            double fu = u / PERIOD - ti;
            double fv = v / PERIOD - tj;
            int wi = Math.floorMod(ti, THREADS);
            int wj = Math.floorMod(tj, THREADS);
            boolean warpOnTop = ((ti + tj) & 1) == 0;
            double[] colour;
            double height;
            if (warpOnTop) {
                colour = WARP;
                height = thread(fu, warpWidth[wi]) * (0.78 + 0.22 * StrictMath.sin(Math.PI * fv)) * warpShade[wi];
            } else {
                colour = WEFT;
                height = thread(fv, weftWidth[wj]) * (0.78 + 0.22 * StrictMath.sin(Math.PI * fu)) * weftShade[wj];
            }
            double lit = exposure * (1 + 0.05 * light.fbm(x / 48.0, y / 48.0, 2)
                    + gradX * (x - size / 2.0) / size + gradY * (y - size / 2.0) / size);
            double value = (0.40 + 0.60 * height) * lit;
            for (int c = 0; c < 3; c++) {
                rgb[c][i] = colour[c] * value;
            }
        }

        /** Rounded thread cross-section: 1 on the crest, falling to 0 in the gap between threads. */
        private static double thread(double f, double width) {
            double d = Math.abs(f - 0.5) / (width / 2);
            return d >= 1 ? 0 : StrictMath.sqrt(1 - d * d);
        }
    }

    /** An irregular hole with frayed thread ends; the dark table shows through. */
    private static void hole(Random random, int size, double[][] rgb) {
        double cx = 40 + random.nextDouble() * (size - 80);
        double cy = 40 + random.nextDouble() * (size - 80);
        double radius = 5 + random.nextDouble() * 10;
        ValueNoise edge = new ValueNoise(random, 9);
        double edgePhase = random.nextDouble() * 9;
        int fibres = 7 + random.nextInt(6);
        double[][] ends = new double[fibres][];
        for (int k = 0; k < fibres; k++) {
            double a = random.nextDouble() * 2 * Math.PI;
            double r0 = radius * (1 + 0.25 * edge.at(a / (2 * Math.PI) * 9 + edgePhase));
            double len = 2 + random.nextDouble() * 0.5 * radius;
            double bend = (random.nextDouble() - 0.5) * 0.6;
            ends[k] = new double[] {
                cx + StrictMath.cos(a) * (r0 + 1), cy + StrictMath.sin(a) * (r0 + 1),
                cx + StrictMath.cos(a + bend) * (r0 - len), cy + StrictMath.sin(a + bend) * (r0 - len)};
        }
        int reach = (int) Math.ceil(radius * 1.5 + 6);
        for (int y = (int) cy - reach; y <= (int) cy + reach; y++) {
            for (int x = (int) cx - reach; x <= (int) cx + reach; x++) {
                if (x < 0 || y < 0 || x >= size || y >= size) {
                    continue;
                }
                double dx = x - cx;
                double dy = y - cy;
                double r = Math.sqrt(dx * dx + dy * dy);
                double a = StrictMath.atan2(dy, dx);
                double rim = radius * (1 + 0.25 * edge.at(a / (2 * Math.PI) * 9 + edgePhase));
                double open = Shade.coverage(r - rim);
                // Threads around a tear are pulled and loosened: a slightly darker, ruffled band.
                double ruffle = Shade.smoothstep(rim + 3, rim, r) * (1 - open);
                double fibreCover = 0;
                for (double[] e : ends) {
                    double d = Shade.segmentDistance(x, y, e[0], e[1], e[2], e[3])[0];
                    fibreCover = Math.max(fibreCover, Shade.coverage(d - 0.55));
                }
                if (open == 0 && ruffle == 0) {
                    continue;
                }
                int i = y * size + x;
                double depth = 0.85 + 0.15 * Shade.clamp01(r / rim);
                for (int c = 0; c < 3; c++) {
                    double cloth = rgb[c][i] * (1 - 0.18 * ruffle);
                    double below = TABLE[c] * depth;
                    double strand = WEFT[c] * 0.75 * (1 - 0.3 * Shade.clamp01((rim - r) / rim));
                    double inHole = below + (strand - below) * fibreCover;
                    rgb[c][i] = cloth + (inHole - cloth) * open;
                }
            }
        }
    }

    /** A dried drop: brownish, a little darker towards its rim, texture still visible through it. */
    private static void stain(Random random, int size, double[][] rgb) {
        double cx = 40 + random.nextDouble() * (size - 80);
        double cy = 40 + random.nextDouble() * (size - 80);
        // From a faint splash to a dark drop: a quarter of them hard to see at a glance.
        double radius = 7 + random.nextDouble() * 17;
        double strength = 0.20 + random.nextDouble() * 0.30;
        ValueNoise edge = new ValueNoise(random, 7);
        ValueNoise blotch = new ValueNoise(random, 16);
        double edgePhase = random.nextDouble() * 7;
        int reach = (int) Math.ceil(radius * 1.4 + 2);
        for (int y = (int) cy - reach; y <= (int) cy + reach; y++) {
            for (int x = (int) cx - reach; x <= (int) cx + reach; x++) {
                if (x < 0 || y < 0 || x >= size || y >= size) {
                    continue;
                }
                double dx = x - cx;
                double dy = y - cy;
                double r = Math.sqrt(dx * dx + dy * dy);
                double a = StrictMath.atan2(dy, dx);
                double rim = radius * (1 + 0.3 * edge.at(a / (2 * Math.PI) * 7 + edgePhase));
                double inside = rim - r;
                if (inside <= -0.5) {
                    continue;
                }
                double body = Shade.smoothstep(-0.5, 3.0, inside);
                double ring = StrictMath.exp(-(inside - 1.5) * (inside - 1.5) / 4.0);
                double mottle = 1 + 0.25 * blotch.at(x / 6.0, y / 6.0);
                double w = Shade.clamp01(strength * (body * mottle + 0.6 * ring * body));
                int i = y * size + x;
                for (int c = 0; c < 3; c++) {
                    rgb[c][i] *= 1 - w * (1 - STAIN_TINT[c]);
                }
            }
        }
    }
}
