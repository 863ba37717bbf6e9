package org.ssaeinspector.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Connected components of an anomaly map above a threshold: the defect regions shown to the user. */
public final class RegionFinder {
    /** Largest area first; ties by higher peak, then top-to-bottom, left-to-right (deterministic). */
    private static final Comparator<DefectRegion> ORDER = Comparator.comparingInt(DefectRegion::areaPx).reversed()
            .thenComparing(Comparator.comparingDouble(DefectRegion::peak).reversed())
            .thenComparingInt(DefectRegion::y)
            .thenComparingInt(DefectRegion::x);

    private RegionFinder() {
    }

    /**
     * 8-connected regions with value strictly above {@code threshold} (the same "flag if
     * greater" rule as image scores), largest area first. NaN values are never above.
     */
    public static List<DefectRegion> find(AnomalyMap map, float threshold) {
        int w = map.width();
        int h = map.height();
        float[] v = map.values();
        int n = w * h;
        boolean[] above = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (v[i] > threshold) {
                above[i] = true;
                any = true;
            }
        }
        if (!any) {
            return List.of();
        }
        int[] labels = new int[n];
        int count = ConnectedComponents.label8(above, w, h, labels);
        int[] minX = new int[count + 1];
        int[] minY = new int[count + 1];
        int[] maxX = new int[count + 1];
        int[] maxY = new int[count + 1];
        int[] area = new int[count + 1];
        float[] peak = new float[count + 1];
        Arrays.fill(minX, Integer.MAX_VALUE);
        Arrays.fill(minY, Integer.MAX_VALUE);
        Arrays.fill(peak, Float.NEGATIVE_INFINITY);
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                int l = labels[i];
                if (l == 0) {
                    continue;
                }
                minX[l] = Math.min(minX[l], x);
                maxX[l] = Math.max(maxX[l], x);
                minY[l] = Math.min(minY[l], y);
                maxY[l] = Math.max(maxY[l], y);
                area[l]++;
                peak[l] = Math.max(peak[l], v[i]);
            }
        }
        List<DefectRegion> regions = new ArrayList<>(count);
        for (int l = 1; l <= count; l++) {
            regions.add(new DefectRegion(minX[l], minY[l], maxX[l] - minX[l] + 1, maxY[l] - minY[l] + 1, area[l], peak[l]));
        }
        regions.sort(ORDER);
        return regions;
    }
}
