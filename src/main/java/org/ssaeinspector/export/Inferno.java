package org.ssaeinspector.export;

/**
 * The "inferno" colour map (matplotlib's, by Nathaniel Smith and Stéfan van der Walt, CC0):
 * perceptually uniform, dark to bright, readable in grey and by most colour-blind viewers.
 * Eleven evenly spaced stops, interpolated linearly in sRGB.
 */
final class Inferno {
    private static final int[] STOPS = {
        0x000004, 0x160B39, 0x420A68, 0x6A176E, 0x932667, 0xBC3754,
        0xDD513A, 0xF37819, 0xFCA50A, 0xF6D746, 0xFCFFA4,
    };

    private Inferno() {
    }

    /** The RGB colour (0xRRGGBB) at position {@code s} in [0, 1] (clamped). */
    static int rgb(double s) {
        double p = (Double.isNaN(s) ? 0 : Math.max(0, Math.min(1, s))) * (STOPS.length - 1);
        int i = Math.min((int) p, STOPS.length - 2);
        double f = p - i;
        int a = STOPS[i];
        int b = STOPS[i + 1];
        int r = mix((a >> 16) & 0xFF, (b >> 16) & 0xFF, f);
        int g = mix((a >> 8) & 0xFF, (b >> 8) & 0xFF, f);
        int bl = mix(a & 0xFF, b & 0xFF, f);
        return (r << 16) | (g << 8) | bl;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
