package org.ssaeinspector.samples;

import java.util.List;
import java.util.Random;

/**
 * A ground steel shaft photographed from the side by a line camera, 2400 × 800 grey: grinding
 * streaks along the shaft, a bright reflection band along its axis that falls off towards the
 * curved edges, a faint oil film, and from picture to picture a shifted band, another exposure
 * and another stretch of the surface. Defects are small against the picture, as on a real line:
 * {@code pit} (a corrosion pit 14 to 48 pixels across, dark with a bright lip) and
 * {@code scratch} (a fine line 2 to 4 pixels wide and 150 to 600 long, brighter or darker than
 * the steel, at an angle to the grinding).
 */
final class MetalSample implements SampleCategory {
    static final String PIT = "pit";
    static final String SCRATCH = "scratch";
    static final int WIDTH = 2400;
    static final int HEIGHT = 800;

    private static final double STEEL = 0.50;
    /** Rows of the grinding pattern; each picture starts at another one (another stretch of shaft). */
    private static final int STREAK_ROWS = 4096;
    /** One grinding pattern for every picture (the same machine), drawn once. */
    private static final double[] STREAK = grindingPattern();

    @Override
    public String name() {
        return "metal";
    }

    @Override
    public String kind() {
        return "wide surface";
    }

    @Override
    public List<String> defectTypes() {
        return List.of(PIT, SCRATCH);
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return HEIGHT;
    }

    @Override
    public String format() {
        return "jpg";
    }

    @Override
    public double[][] render(Random random, String defect) {
        Surface surface = new Surface(random);
        double[] grey = new double[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                grey[y * WIDTH + x] = surface.at(x, y);
            }
        }
        if (PIT.equals(defect)) {
            pit(random, grey);
        } else if (SCRATCH.equals(defect)) {
            scratch(random, grey);
        } else if (defect != null) {
            throw new IllegalArgumentException("unknown defect " + defect);
        }
        return new double[][] {grey};
    }

    private static double[] grindingPattern() {
        Random machine = new Random(20251203L);
        double[] rows = new double[STREAK_ROWS];
        double previous = 0;
        for (int r = 0; r < STREAK_ROWS; r++) {
            // Neighbouring rows are alike: the grinding wheel leaves streaks a few pixels high.
            previous = 0.55 * previous + 0.45 * machine.nextGaussian();
            rows[r] = previous;
        }
        return rows;
    }

    /** The good surface: all random draws of one picture, then shading per pixel. */
    private static final class Surface {
        final int firstRow;
        final ValueNoise streakLength;
        final ValueNoise oil;
        final double bandCentre;
        final double bandWidth;
        final double gradient;
        final double exposure;
        final long grainSeed;

        Surface(Random random) {
            firstRow = random.nextInt(STREAK_ROWS);
            streakLength = new ValueNoise(random, 32);
            oil = new ValueNoise(random, 16);
            bandCentre = HEIGHT * (0.45 + 0.06 * random.nextGaussian());
            bandWidth = HEIGHT * (0.20 + 0.02 * random.nextGaussian());
            gradient = 0.06 * random.nextGaussian();
            exposure = 1 + 0.04 * random.nextGaussian();
            grainSeed = random.nextLong();
        }

        /** Fine grain of the steel and the sensor, in [-1, 1], a fixed hash of the pixel. */
        double grain(int x, int y) {
            long h = grainSeed ^ ((long) y * WIDTH + x) * 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
            return (h >>> 11) * 0x1.0p-52 - 1;
        }

        double at(int x, int y) {
            double along = 0.6 + 0.4 * streakLength.at(x / 150.0, y / 12.0);
            // A fine-ground finish: streaks of a few per cent. (A rougher one, 5 % streaks and twice
            // the grain, hides the same defects from the engine: docs/benchmarks.md.)
            double grinding = 1 + 0.035 * STREAK[(firstRow + y) % STREAK_ROWS] * along + 0.006 * grain(x, y);
            double d = (y - bandCentre) / bandWidth;
            double band = 0.70 + 0.45 * StrictMath.exp(-d * d);
            double edges = 0.80 + 0.20 * StrictMath.sin(Math.PI * (y + 0.5) / HEIGHT);
            double light = 1 + gradient * ((double) x / WIDTH - 0.5);
            double film = 1 + 0.025 * oil.fbm(x / 180.0, y / 180.0, 2);
            return Shade.clamp01(STEEL * exposure * grinding * band * edges * light * film);
        }
    }

    /** A corrosion pit: a dark, slightly irregular bowl with a bright lip on the lamp's side (above). */
    private static void pit(Random random, double[] grey) {
        double radius = 7 + random.nextDouble() * 17;
        double cx = 60 + random.nextDouble() * (WIDTH - 120);
        double cy = 60 + random.nextDouble() * (HEIGHT - 120);
        double stretch = 0.75 + random.nextDouble() * 0.5;
        double depth = 0.35 + random.nextDouble() * 0.3;
        ValueNoise edge = new ValueNoise(random, 7);
        double phase = random.nextDouble() * 7;
        int reach = (int) Math.ceil(radius * 1.8 + 4);
        for (int y = (int) cy - reach; y <= (int) cy + reach; y++) {
            for (int x = (int) cx - reach; x <= (int) cx + reach; x++) {
                double dx = (x - cx) / stretch;
                double dy = (y - cy) * stretch;
                double r = Math.sqrt(dx * dx + dy * dy);
                double a = StrictMath.atan2(dy, dx);
                double rim = radius * (1 + 0.22 * edge.at(a / (2 * Math.PI) * 7 + phase));
                double inside = Shade.coverage(r - rim);
                // The lip: material pushed up around the pit, lit from above, a 2-pixel band.
                double lip = r >= rim - 0.5 && r < rim + 2.5 ? Shade.smoothstep(rim + 2.5, rim + 0.5, r) * Math.max(0, -dy / (r + 1e-9)) : 0;
                if (inside == 0 && lip == 0) {
                    continue;
                }
                int i = y * WIDTH + x;
                double bowl = 1 - depth * (0.6 + 0.4 * Shade.clamp01(1 - r / rim));
                double v = grey[i] * (1 + (bowl - 1) * inside) * (1 + 0.35 * lip);
                grey[i] = Shade.clamp01(v);
            }
        }
    }

    /** A fine scratch across the grinding, brighter (polished) or darker (a groove) than the steel. */
    private static void scratch(Random random, double[] grey) {
        double half = 75 + random.nextDouble() * 225;
        double mx = half + 20 + random.nextDouble() * (WIDTH - 2 * half - 40);
        double my = 80 + random.nextDouble() * (HEIGHT - 160);
        double dir = StrictMath.toRadians(15 + random.nextDouble() * 150);
        double bend = (random.nextDouble() - 0.5) * 0.15 * half;
        double halfWidth = 0.8 + random.nextDouble() * 1.0;
        double factor = random.nextDouble() < 0.5 ? 1.25 + random.nextDouble() * 0.15 : 0.62 + random.nextDouble() * 0.12;
        double ux = StrictMath.cos(dir);
        double uy = StrictMath.sin(dir);
        // Keep the whole line inside the picture: shorten it along its direction when needed.
        double room = Math.min(half, Math.abs(uy) < 1e-9 ? half : Math.min(my - 10, HEIGHT - 10 - my) / Math.abs(uy));
        CurvedLine line = new CurvedLine(mx - ux * room, my - uy * room, mx - uy * bend, my + ux * bend,
                mx + ux * room, my + uy * room, halfWidth);
        int[] box = line.bounds();
        for (int y = Math.max(0, box[1]); y <= Math.min(HEIGHT - 1, box[3]); y++) {
            for (int x = Math.max(0, box[0]); x <= Math.min(WIDTH - 1, box[2]); x++) {
                double w = line.weight(x, y);
                if (w > 0) {
                    int i = y * WIDTH + x;
                    grey[i] = Shade.clamp01(grey[i] * (1 + (factor - 1) * w));
                }
            }
        }
    }
}
