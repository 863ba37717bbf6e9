package org.ssaeinspector.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.scoring.AnomalyMap;

class PixelMetricsTest {

    private static boolean[] mask(int... bits) {
        boolean[] m = new boolean[bits.length];
        for (int i = 0; i < bits.length; i++) {
            m[i] = bits[i] != 0;
        }
        return m;
    }

    @Test
    void handComputedTwoRegionsInOneImage() {
        // 4x2. Regions: {(0,0),(1,0)} and {(3,1)}; 5 normal pixels.
        PixelMetrics pm = new PixelMetrics();
        pm.add(new float[] {0.9f, 0.4f, 0.1f, 0.2f,
                            0.3f, 0.0f, 0.5f, 0.8f},
               mask(1, 1, 0, 0,
                    0, 0, 0, 1), 4, 2);
        assertEquals(2, pm.regions());
        assertEquals(5, pm.normalPixels());
        assertEquals(3, pm.defectPixels());
        // PRO curve: (0,0) (0,.25)@.9 (0,.75)@.8 (.2,.75)@.5 (.2,1)@.4 (.4,1)@.3 ...
        // area to 0.3: 0.2*0.75 + 0.1*1 = 0.25
        assertEquals(0.25 / 0.3, pm.aupro(), 1e-12);
        assertEquals(0.25 / 0.3, pm.aupro(0.3), 1e-12);
        // area to 1: 0.15 + 0.8
        assertEquals(0.95, pm.aupro(1.0), 1e-12);
        // area to 0.1: 0.1 * 0.75
        assertEquals(0.75, pm.aupro(0.1), 1e-12);
        // positives .9 .8 .4 over 5 negatives: 5 + 5 + 4 of 15
        assertEquals(14.0 / 15, pm.pixelAuroc(), 1e-12);
    }

    @Test
    void tiedDefectAndNormalValuesFormOneSlopedSegment() {
        // 3x1: defect 0.5, normals 0.5 and 0.2 -> one point (0.5, 1) after (0, 0).
        PixelMetrics pm = new PixelMetrics();
        pm.add(new float[] {0.5f, 0.5f, 0.2f}, mask(1, 0, 0), 3, 1);
        // interpolated PRO at FPR 0.3 is 0.6: area 0.3 * 0.6 / 2 = 0.09
        assertEquals(0.3, pm.aupro(0.3), 1e-12);
        // 0.5 * 1 / 2 + 0.5 * 1
        assertEquals(0.75, pm.aupro(1.0), 1e-12);
        assertEquals(0.75, pm.pixelAuroc(), 1e-12);
    }

    @Test
    void regionsCountEquallyWhateverTheirSizeAcrossImages() {
        PixelMetrics pm = new PixelMetrics();
        // Image 1: a 2x2 region, fully detected.
        pm.add(new float[] {0.9f, 0.9f, 0.9f, 0.9f}, mask(1, 1, 1, 1), 2, 2);
        // Image 2: a one-pixel region scored below all normal pixels.
        pm.add(new float[] {0.1f, 0.5f, 0.6f, 0.7f}, mask(1, 0, 0, 0), 2, 2);
        assertEquals(2, pm.images());
        assertEquals(2, pm.regions());
        // PRO is 0.5 from FPR 0 to 1 (the small region is only found at FPR 1).
        assertEquals(0.5, pm.aupro(), 1e-12);
        assertEquals(0.5, pm.aupro(1.0), 1e-12);
        // Pixel-level, the large region dominates: 4 positives beat 3 negatives, 1 beats none.
        assertEquals(12.0 / 15, pm.pixelAuroc(), 1e-12);
    }

    @Test
    void diagonalMaskPixelsAreOneRegion() {
        // 5x2: (0,0) and (1,1) touch diagonally -> one region of 2; (4,0) is a second region.
        PixelMetrics pm = new PixelMetrics();
        pm.add(new float[] {0.9f, 0f, 0f, 0f, 0.8f,
                            0f, 0.05f, 0f, 0.85f, 0f},
               mask(1, 0, 0, 0, 1,
                    0, 1, 0, 0, 0), 5, 2);
        assertEquals(2, pm.regions());
        // Curve: (0,.25)@.9 (1/7,.25)@.85 (1/7,.75)@.8 (1/7,1)@.05 (1,1)@0
        // area to 0.3 = .25/7 + (0.3 - 1/7); with 4-connectivity it would be 1 - 20/63.
        assertEquals(4.5 / 7, pm.aupro(), 1e-12);
    }

    @Test
    void perfectMapScoresOneAndInvertedMapZero() {
        PixelMetrics perfect = new PixelMetrics();
        PixelMetrics inverted = new PixelMetrics();
        Random rnd = new Random(2);
        for (int img = 0; img < 3; img++) {
            int w = 20;
            int h = 15;
            boolean[] m = randomMask(rnd, w, h, 0.2);
            float[] good = new float[w * h];
            float[] bad = new float[w * h];
            for (int i = 0; i < w * h; i++) {
                good[i] = m[i] ? 1 + rnd.nextFloat() : rnd.nextFloat();
                bad[i] = -good[i];
            }
            perfect.add(new AnomalyMap(good, w, h), m);
            inverted.add(new AnomalyMap(bad, w, h), m);
        }
        assertEquals(1.0, perfect.aupro(), 1e-12);
        assertEquals(1.0, perfect.pixelAuroc(), 0);
        assertEquals(0.0, inverted.aupro(), 1e-12);
        assertEquals(0.0, inverted.pixelAuroc(), 0);
    }

    @Test
    void matchesBruteForceDefinitionOnRandomImages() {
        Random rnd = new Random(13);
        for (int round = 0; round < 8; round++) {
            PixelMetrics pm = new PixelMetrics();
            List<float[]> maps = new ArrayList<>();
            List<boolean[]> masks = new ArrayList<>();
            List<int[]> sizes = new ArrayList<>();
            for (int img = 0; img < 4; img++) {
                int w = 6 + rnd.nextInt(10);
                int h = 5 + rnd.nextInt(10);
                boolean[] m = img == 3 ? new boolean[w * h] : randomMask(rnd, w, h, 0.3);
                float[] v = new float[w * h];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (rnd.nextInt(12) + (m[i] ? 4 : 0)) / 8f; // coarse: many ties across classes
                }
                pm.add(v, m, w, h);
                maps.add(v);
                masks.add(m);
                sizes.add(new int[] {w, h});
            }
            for (double maxFpr : new double[] {0.05, 0.3, 1.0}) {
                assertEquals(bruteForceAupro(maps, masks, sizes, maxFpr), pm.aupro(maxFpr), 1e-9, "round " + round);
            }
            int n = 0;
            for (float[] v : maps) {
                n += v.length;
            }
            double[] all = new double[n];
            boolean[] lab = new boolean[n];
            int k = 0;
            for (int img = 0; img < maps.size(); img++) {
                for (int i = 0; i < maps.get(img).length; i++) {
                    all[k] = maps.get(img)[i];
                    lab[k++] = masks.get(img)[i];
                }
            }
            assertEquals(RocCurve.of(all, lab).auc(), pm.pixelAuroc(), 1e-12);
        }
    }

    private static boolean[] randomMask(Random rnd, int w, int h, double density) {
        boolean[] m = new boolean[w * h];
        for (int i = 0; i < m.length; i++) {
            m[i] = rnd.nextDouble() < density;
        }
        m[rnd.nextInt(m.length)] = true;
        return m;
    }

    /** PRO by definition at every distinct value, regions by naive union-find. */
    private static double bruteForceAupro(List<float[]> maps, List<boolean[]> masks, List<int[]> sizes, double maxFpr) {
        List<List<Integer>> regions = new ArrayList<>(); // encoded as img * 1_000_000 + pixel
        TreeSet<Float> values = new TreeSet<>();
        long normals = 0;
        for (int img = 0; img < maps.size(); img++) {
            int w = sizes.get(img)[0];
            int h = sizes.get(img)[1];
            boolean[] m = masks.get(img);
            int[] parent = new int[w * h];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
                values.add(maps.get(img)[i]);
                if (!m[i]) {
                    normals++;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if (nx >= 0 && ny >= 0 && nx < w && ny < h && m[y * w + x] && m[ny * w + nx]) {
                                parent[find(parent, y * w + x)] = find(parent, ny * w + nx);
                            }
                        }
                    }
                }
            }
            java.util.Map<Integer, List<Integer>> byRoot = new java.util.HashMap<>();
            for (int i = 0; i < parent.length; i++) {
                if (m[i]) {
                    byRoot.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(img * 1_000_000 + i);
                }
            }
            regions.addAll(byRoot.values());
        }
        double x0 = 0;
        double y0 = 0;
        double area = 0;
        for (float t : values.descendingSet()) {
            // flag value >= t (i.e. > the next lower value)
            long fp = 0;
            for (int img = 0; img < maps.size(); img++) {
                for (int i = 0; i < maps.get(img).length; i++) {
                    if (!masks.get(img)[i] && maps.get(img)[i] >= t) {
                        fp++;
                    }
                }
            }
            double pro = 0;
            for (List<Integer> r : regions) {
                int hit = 0;
                for (int code : r) {
                    if (maps.get(code / 1_000_000)[code % 1_000_000] >= t) {
                        hit++;
                    }
                }
                pro += (double) hit / r.size();
            }
            pro /= regions.size();
            double x1 = (double) fp / normals;
            if (x1 >= maxFpr) {
                double y = x1 == x0 ? pro : y0 + (pro - y0) * (maxFpr - x0) / (x1 - x0);
                return (area + (maxFpr - x0) * (y0 + y) / 2) / maxFpr;
            }
            area += (x1 - x0) * (y0 + pro) / 2;
            x0 = x1;
            y0 = pro;
        }
        throw new AssertionError();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    @Test
    void noDefectPixelsIsAClearError() {
        PixelMetrics pm = new PixelMetrics();
        pm.add(new float[] {0.1f, 0.2f}, new boolean[2], 2, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, pm::aupro);
        assertTrue(e.getMessage().contains("no defect pixels"), e.getMessage());
        assertThrows(IllegalStateException.class, pm::pixelAuroc);
        PixelMetrics empty = new PixelMetrics();
        assertThrows(IllegalStateException.class, empty::pixelAuroc);
    }

    @Test
    void noNormalPixelsIsAClearError() {
        PixelMetrics pm = new PixelMetrics();
        pm.add(new float[] {0.1f, 0.2f}, mask(1, 1), 2, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pm.aupro(0.3));
        assertTrue(e.getMessage().contains("no normal pixels"), e.getMessage());
    }

    @Test
    void rejectsBadInput() {
        PixelMetrics pm = new PixelMetrics();
        assertThrows(IllegalArgumentException.class, () -> pm.add(new float[3], new boolean[4], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> pm.add(new float[4], new boolean[4], 3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pm.add(new float[] {0, Float.NaN}, mask(1, 0), 2, 1));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        pm.add(new float[] {0.7f, 0.2f}, mask(1, 0), 2, 1);
        assertThrows(IllegalArgumentException.class, () -> pm.aupro(0));
        assertThrows(IllegalArgumentException.class, () -> pm.aupro(1.5));
        assertThrows(IllegalArgumentException.class, () -> pm.aupro(Double.NaN));
    }

    @Test
    void addingAfterAMetricResortsAndUpdates() {
        PixelMetrics pm = new PixelMetrics();
        pm.add(new float[] {0.9f, 0.1f}, mask(1, 0), 2, 1);
        assertEquals(1.0, pm.pixelAuroc(), 0);
        pm.add(new float[] {0.0f, 0.5f}, mask(1, 0), 2, 1);
        // positives .9 .0 vs negatives .1 .5: 2 + 0 of 4
        assertEquals(0.5, pm.pixelAuroc(), 0);
    }

    @Test
    void fullSizeBenchmarkScaleIsFast() {
        // 83 images of 256x256 (5.4 M pixels), as for MVTec AD bottle's test set.
        PixelMetrics pm = new PixelMetrics();
        Random rnd = new Random(4);
        int w = 256;
        for (int img = 0; img < 83; img++) {
            float[] v = new float[w * w];
            boolean[] m = new boolean[w * w];
            int cx = 30 + rnd.nextInt(190);
            int cy = 30 + rnd.nextInt(190);
            for (int y = 0; y < w; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    m[i] = img % 3 != 0 && (x - cx) * (x - cx) + (y - cy) * (y - cy) < 400;
                    v[i] = (float) (rnd.nextGaussian() + (m[i] ? 2 : 0));
                }
            }
            pm.add(v, m, w, w);
        }
        long t0 = System.nanoTime();
        double auroc = pm.pixelAuroc();
        double aupro = pm.aupro();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(83L * w * w, pm.normalPixels() + pm.defectPixels());
        // Gaussian shift of 2: AUROC = Phi(2 / sqrt 2) = 0.921
        assertEquals(0.921, auroc, 0.005);
        assertTrue(aupro > 0.2 && aupro < 0.9, "aupro " + aupro);
        assertTrue(seconds < 20, "took " + seconds + " s");
    }
}
