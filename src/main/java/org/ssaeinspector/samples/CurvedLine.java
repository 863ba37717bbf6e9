package org.ssaeinspector.samples;

/**
 * A thin curved mark (a quadratic curve from (x0, y0) through control point (cx, cy) to (x1, y1)),
 * anti-aliased and tapering towards both ends, as a scratch looks on a machined face.
 */
record CurvedLine(double x0, double y0, double cx, double cy, double x1, double y1, double halfWidth) {
    /** Straight pieces the curve is followed by; enough for the gentle bends drawn here. */
    private static final int STEPS = 24;

    /** Blend weight of the mark at (x, y), 0 outside it and at most 0.85 on its centre line. */
    double weight(double x, double y) {
        double best = Double.MAX_VALUE;
        double bestT = 0;
        double px = x0;
        double py = y0;
        for (int k = 1; k <= STEPS; k++) {
            double t = (double) k / STEPS;
            double qx = (1 - t) * (1 - t) * x0 + 2 * (1 - t) * t * cx + t * t * x1;
            double qy = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * cy + t * t * y1;
            double[] d = Shade.segmentDistance(x, y, px, py, qx, qy);
            if (d[0] < best) {
                best = d[0];
                bestT = (k - 1 + d[1]) / STEPS;
            }
            px = qx;
            py = qy;
        }
        double taper = StrictMath.pow(StrictMath.sin(Math.PI * bestT), 0.4);
        return 0.85 * taper * Shade.coverage(best - halfWidth);
    }

    /** The pixel box {minX, minY, maxX, maxY} outside which {@link #weight} is 0. */
    int[] bounds() {
        double pad = halfWidth + 1;
        return new int[] {
            (int) Math.floor(Math.min(x0, Math.min(cx, x1)) - pad), (int) Math.floor(Math.min(y0, Math.min(cy, y1)) - pad),
            (int) Math.ceil(Math.max(x0, Math.max(cx, x1)) + pad), (int) Math.ceil(Math.max(y0, Math.max(cy, y1)) + pad)};
    }
}
