package org.ssaeinspector.app.viewmodel;

import org.ssaeinspector.scoring.AnomalyMap;

/**
 * A small copy of an anomaly map for thumbnails (kept for every image, so it must be tiny: at
 * 32 px a 10,000-image project holds 40 MB of them). Downsized by block maximum, so a small
 * defect still shows.
 */
public record MapPreview(float[] values, int width, int height) {
    public static final int SIDE = 32;

    public static MapPreview of(AnomalyMap map) {
        return of(map, SIDE);
    }

    public static MapPreview of(AnomalyMap map, int maxSide) {
        double scale = Math.max(1.0, Math.max(map.width(), map.height()) / (double) maxSide);
        int w = Math.max(1, (int) Math.round(map.width() / scale));
        int h = Math.max(1, (int) Math.round(map.height() / scale));
        float[] out = new float[w * h];
        java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
        for (int y = 0; y < map.height(); y++) {
            int ty = Math.min(h - 1, (int) (y * (long) h / map.height()));
            for (int x = 0; x < map.width(); x++) {
                int tx = Math.min(w - 1, (int) (x * (long) w / map.width()));
                int i = ty * w + tx;
                out[i] = Math.max(out[i], map.get(x, y));
            }
        }
        return new MapPreview(out, w, h);
    }
}
