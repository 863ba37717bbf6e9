package org.ssaeinspector.samples;

import java.util.Random;

/**
 * Smooth random noise on a periodic lattice (value noise with smoothstep interpolation), in
 * [-1, 1]. Pure double arithmetic and {@link Random}, whose sequence the Java specification
 * fixes, so the same seed gives the same pixels on every JVM.
 */
final class ValueNoise {
    private final int period;
    private final double[] lattice;

    ValueNoise(Random random, int period) {
        this.period = period;
        this.lattice = new double[period * period];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = random.nextDouble() * 2 - 1;
        }
    }

    /** Noise at (x, y) in lattice units; repeats every {@code period} units. */
    double at(double x, double y) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        int x0 = Math.floorMod((int) fx, period);
        int y0 = Math.floorMod((int) fy, period);
        int x1 = (x0 + 1) % period;
        int y1 = (y0 + 1) % period;
        double tx = smooth(x - fx);
        double ty = smooth(y - fy);
        double top = lerp(lattice[y0 * period + x0], lattice[y0 * period + x1], tx);
        double bottom = lerp(lattice[y1 * period + x0], lattice[y1 * period + x1], tx);
        return lerp(top, bottom, ty);
    }

    /** One-dimensional noise along the first lattice row (e.g. around a circle). */
    double at(double x) {
        return at(x, 0.0);
    }

    /** Fractal sum of {@code octaves} octaves, each half the size and amplitude of the previous. */
    double fbm(double x, double y, int octaves) {
        double sum = 0;
        double amplitude = 1;
        double norm = 0;
        for (int o = 0; o < octaves; o++) {
            sum += amplitude * at(x, y);
            norm += amplitude;
            x *= 2;
            y *= 2;
            amplitude *= 0.5;
        }
        return sum / norm;
    }

    static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
