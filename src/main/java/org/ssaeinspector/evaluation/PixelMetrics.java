package org.ssaeinspector.evaluation;

import java.util.Arrays;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.scoring.ConnectedComponents;

/**
 * Accumulates anomaly maps with their ground-truth masks, image by image, and computes the
 * pixel-level metrics: pixel AUROC and AUPRO (the normalised area under the per-region-overlap
 * curve, as in the MVTec AD benchmark of Bergmann et al.).
 *
 * <p><b>AUPRO</b>: the ground-truth regions are the 8-connected components of each mask, counted
 * over all images. At a threshold {@code t} (flag {@code value > t}), PRO is the mean over all
 * regions of the fraction of that region's pixels flagged, and FPR the fraction of normal pixels
 * (mask false, in every image) flagged. The curve is swept <em>exactly</em>: one point per
 * distinct map value (tied values form one point), starting at (0, 0), like the reference
 * implementation. PRO is integrated over FPR from 0 to {@code maxFpr} with the trapezoid rule,
 * the last segment interpolated linearly at {@code maxFpr}, and divided by {@code maxFpr}, so a
 * perfect map scores 1.
 *
 * <p>Memory: 4 bytes per normal pixel and 8 per defect pixel (about 22 MB for 83 images of
 * 256 x 256). Sorting happens at the first metric call and is kept until the next {@link #add}.
 * Not thread-safe.
 */
public final class PixelMetrics {
    /** The customary FPR limit of AUPRO. */
    public static final double DEFAULT_MAX_FPR = 0.3;

    private float[] normals = new float[1 << 16];
    private int normalCount;
    /** Per defect pixel: sortable bits of its value (high 32) and its region's size (low 32). */
    private long[] defects = new long[1 << 12];
    private int defectCount;
    private int regions;
    private int images;
    private int[] labelBuffer = new int[0];
    private boolean sorted = true;

    /**
     * Adds one image.
     *
     * @param map    anomaly values, row-major, {@code width * height}; no NaN
     * @param mask   ground truth, same layout: true = defect pixel (all false for a good image)
     */
    public void add(float[] map, boolean[] mask, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        int n = width * height;
        if (map.length != n || mask.length != n) {
            throw new IllegalArgumentException("map (" + map.length + " values) and mask (" + mask.length
                    + " values) must both have " + width + "x" + height + " = " + n + " values");
        }
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(map[i])) {
                throw new IllegalArgumentException("map value at index " + i + " of image " + (images + 1) + " is NaN");
            }
        }
        if (labelBuffer.length != n) {
            labelBuffer = new int[n];
        }
        int[] labels = labelBuffer;
        int count = ConnectedComponents.label8(mask, width, height, labels);
        int[] sizes = new int[count + 1];
        int defectPixels = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0) {
                sizes[labels[i]]++;
                defectPixels++;
            }
        }
        ensureCapacity(n - defectPixels, defectPixels);
        for (int i = 0; i < n; i++) {
            float v = map[i] + 0.0f; // turns -0.0 into 0.0 so equal values sort together
            if (labels[i] == 0) {
                normals[normalCount++] = v;
            } else {
                defects[defectCount++] = ((long) sortableBits(v) << 32) | sizes[labels[i]];
            }
        }
        regions += count;
        images++;
        sorted = false;
    }

    /** Adds one image given as an anomaly map and its mask (same size, row-major). */
    public void add(AnomalyMap map, boolean[] mask) {
        add(map.values(), mask, map.width(), map.height());
    }

    public int images() {
        return images;
    }

    public long normalPixels() {
        return normalCount;
    }

    public long defectPixels() {
        return defectCount;
    }

    /** Ground-truth regions (8-connected mask components) over all images. */
    public int regions() {
        return regions;
    }

    /**
     * Exact pixel AUROC over all pixels added (ties count 1/2).
     *
     * @throws IllegalStateException when there are no defect pixels or no normal pixels
     */
    public double pixelAuroc() {
        requireBothClasses();
        sort();
        float[] pos = new float[defectCount];
        for (int i = 0; i < defectCount; i++) {
            pos[i] = valueOf(defects[i]);
        }
        return Auroc.ofSorted(normals, normalCount, pos, pos.length);
    }

    /** AUPRO up to an FPR of {@value #DEFAULT_MAX_FPR}. */
    public double aupro() {
        return aupro(DEFAULT_MAX_FPR);
    }

    /**
     * Normalised area under the PRO curve from FPR 0 to {@code maxFpr} (see the class comment).
     *
     * @param maxFpr in (0, 1]
     * @throws IllegalStateException when there are no defect pixels or no normal pixels
     */
    public double aupro(double maxFpr) {
        if (!(maxFpr > 0 && maxFpr <= 1)) {
            throw new IllegalArgumentException("maxFpr must be in (0, 1], was " + maxFpr);
        }
        requireBothClasses();
        sort();
        double fprPerPixel = 1.0 / normalCount;
        double regionWeight = 1.0 / regions;
        double area = 0;
        double x0 = 0;
        double y0 = 0;
        int i = normalCount - 1;
        int j = defectCount - 1;
        long flaggedNormals = 0;
        double overlapSum = 0; // sum over flagged defect pixels of 1 / (their region's size)
        while (i >= 0 || j >= 0) {
            float v = Math.max(i >= 0 ? normals[i] : Float.NEGATIVE_INFINITY,
                    j >= 0 ? valueOf(defects[j]) : Float.NEGATIVE_INFINITY);
            while (i >= 0 && normals[i] == v) {
                flaggedNormals++;
                i--;
            }
            while (j >= 0 && valueOf(defects[j]) == v) {
                overlapSum += 1.0 / (int) defects[j];
                j--;
            }
            double x1 = flaggedNormals * fprPerPixel;
            double y1 = Math.min(1.0, overlapSum * regionWeight);
            if (x1 >= maxFpr) {
                double yAtMax = x1 == x0 ? y1 : y0 + (y1 - y0) * (maxFpr - x0) / (x1 - x0);
                area += (maxFpr - x0) * (y0 + yAtMax) / 2;
                return area / maxFpr;
            }
            area += (x1 - x0) * (y0 + y1) / 2;
            x0 = x1;
            y0 = y1;
        }
        // Unreachable: the last point has FPR 1 >= maxFpr.
        throw new AssertionError("PRO curve ended below FPR " + maxFpr);
    }

    private void requireBothClasses() {
        if (defectCount == 0) {
            throw new IllegalStateException("no defect pixels in the ground-truth masks of " + images
                    + " images: pixel AUROC and AUPRO need at least one defect region");
        }
        if (normalCount == 0) {
            throw new IllegalStateException("no normal pixels in the ground-truth masks of " + images
                    + " images: pixel AUROC and AUPRO need normal pixels too");
        }
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(normals, 0, normalCount);
            Arrays.sort(defects, 0, defectCount);
            sorted = true;
        }
    }

    private void ensureCapacity(int moreNormals, int moreDefects) {
        if (normalCount + moreNormals > normals.length) {
            normals = Arrays.copyOf(normals, grow(normals.length, normalCount + moreNormals));
        }
        if (defectCount + moreDefects > defects.length) {
            defects = Arrays.copyOf(defects, grow(defects.length, defectCount + moreDefects));
        }
    }

    private static int grow(int current, int needed) {
        long next = Math.max((long) needed, current + (current >> 1));
        if (next > Integer.MAX_VALUE - 8) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many pixels for one evaluation: " + needed);
            }
            next = needed;
        }
        return (int) next;
    }

    /** Float bits mapped to an int whose signed order is the float order (no NaN here). */
    private static int sortableBits(float v) {
        int bits = Float.floatToIntBits(v);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    private static float valueOf(long packed) {
        int key = (int) (packed >> 32);
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7FFFFFFF));
    }
}
