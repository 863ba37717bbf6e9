package org.ssaeinspector.evaluation;

import org.ssaeinspector.scoring.ConnectedComponents;

/**
 * How well the defect boxes a model reports fit the real defects: for every ground-truth region
 * (8-connected component of a mask), the intersection over union of its bounding box with the
 * best-overlapping box of the regions flagged at the threshold (0 when none overlaps), averaged
 * over all ground-truth regions. A box twice the defect's size in each direction scores 0.25.
 */
public final class RegionOverlap {
    private double sum;
    private int regions;

    /** Adds one defective image: its anomaly map, the threshold, and its mask (same layout). */
    public void add(float[] map, boolean[] mask, int width, int height, double threshold) {
        boolean[] flagged = new boolean[map.length];
        for (int i = 0; i < map.length; i++) {
            flagged[i] = map[i] > threshold;
        }
        int[][] truth = boxes(mask, width, height);
        int[][] found = boxes(flagged, width, height);
        for (int[] t : truth) {
            double best = 0;
            for (int[] f : found) {
                best = Math.max(best, iou(t, f));
            }
            sum += best;
            regions++;
        }
    }

    /** Mean IoU over the ground-truth regions added, NaN when there were none. */
    public double meanIou() {
        return regions == 0 ? Double.NaN : sum / regions;
    }

    public int regions() {
        return regions;
    }

    /** Bounding boxes {x0, y0, x1, y1} (inclusive) of the 8-connected components. */
    private static int[][] boxes(boolean[] mask, int w, int h) {
        int[] labels = new int[mask.length];
        int count = ConnectedComponents.label8(mask, w, h, labels);
        int[][] b = new int[count][];
        for (int i = 0; i < count; i++) {
            b[i] = new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = labels[y * w + x];
                if (l != 0) {
                    int[] box = b[l - 1];
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return b;
    }

    static double iou(int[] a, int[] b) {
        long iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1L;
        long ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1L;
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * (double) ih;
        double union = area(a) + area(b) - inter;
        return inter / union;
    }

    private static double area(int[] box) {
        return (box[2] - box[0] + 1.0) * (box[3] - box[1] + 1.0);
    }
}
