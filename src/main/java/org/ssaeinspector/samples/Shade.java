package org.ssaeinspector.samples;

/** Small shading helpers shared by the sample renderers. */
final class Shade {
    private Shade() {
    }

    static double clamp01(double v) {
        return v < 0 ? 0 : Math.min(1, v);
    }

    /**
     * A camera's highlight knee: linear up to 0.85, then rolling off towards 0.97, so a bright
     * scratch across the lamp's reflection stays a bright line instead of clipping to white.
     */
    static double highlightKnee(double v) {
        return v <= 0.85 ? v : 0.85 + 0.12 * StrictMath.tanh((v - 0.85) / 0.12);
    }

    /** 0 below {@code edge0}, 1 above {@code edge1}, smooth in between (edges may be reversed). */
    static double smoothstep(double edge0, double edge1, double x) {
        return ValueNoise.smooth(clamp01((x - edge0) / (edge1 - edge0)));
    }

    /**
     * Anti-aliased coverage of a shape from a signed distance in pixels (negative inside):
     * full inside, none beyond half a pixel outside.
     */
    static double coverage(double signedDistance) {
        return clamp01(0.5 - signedDistance);
    }

    /** Distance from (px, py) to the segment (ax, ay)-(bx, by), and the position along it in [0, 1]. */
    static double[] segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : clamp01(((px - ax) * dx + (py - ay) * dy) / len2);
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return new double[] {Math.sqrt(cx * cx + cy * cy), t};
    }
}
