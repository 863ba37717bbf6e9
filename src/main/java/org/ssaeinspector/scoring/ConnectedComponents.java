package org.ssaeinspector.scoring;

import java.util.Arrays;

/**
 * 8-connected component labelling of a binary image (row-major, width x height), iterative
 * (breadth-first with an int queue: no recursion, so any component size is safe), O(pixels).
 * Used for defect regions on anomaly maps and for ground-truth regions in AUPRO.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /**
     * Labels the pixels where {@code inside} is true: {@code labels[i]} becomes 1..count for the
     * component of pixel {@code i} (numbered in scan order of their first pixel) and 0 outside.
     *
     * @param labels output, length {@code width * height}; overwritten
     * @return the number of components
     */
    public static int label8(boolean[] inside, int width, int height, int[] labels) {
        int n = width * height;
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        if (inside.length != n || labels.length != n) {
            throw new IllegalArgumentException("arrays of length " + inside.length + " and " + labels.length
                    + " do not match " + width + "x" + height);
        }
        Arrays.fill(labels, 0);
        // Each pixel enters the queue once (labelled on entry), so n slots suffice with no wrap.
        int[] queue = null;
        int count = 0;
        for (int start = 0; start < n; start++) {
            if (!inside[start] || labels[start] != 0) {
                continue;
            }
            if (queue == null) {
                queue = new int[n];
            }
            int label = ++count;
            int head = 0;
            int tail = 0;
            labels[start] = label;
            queue[tail++] = start;
            while (head < tail) {
                int p = queue[head++];
                int x = p % width;
                int y = p / width;
                int y0 = Math.max(0, y - 1);
                int y1 = Math.min(height - 1, y + 1);
                int x0 = Math.max(0, x - 1);
                int x1 = Math.min(width - 1, x + 1);
                for (int ny = y0; ny <= y1; ny++) {
                    int row = ny * width;
                    for (int nx = x0; nx <= x1; nx++) {
                        int q = row + nx;
                        if (inside[q] && labels[q] == 0) {
                            labels[q] = label;
                            queue[tail++] = q;
                        }
                    }
                }
            }
        }
        return count;
    }
}
