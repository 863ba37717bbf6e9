package org.ssaeinspector.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegionFinderTest {

    /** A map from rows of characters: '.' = 0, digits = their value. */
    private static AnomalyMap map(String... rows) {
        int w = rows[0].length();
        float[] v = new float[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                v[y * w + x] = c == '.' ? 0 : c - '0';
            }
        }
        return new AnomalyMap(v, w, rows.length);
    }

    @Test
    void diagonalNeighboursAreOneRegion() {
        List<DefectRegion> r = RegionFinder.find(map(
                "5...",
                ".6..",
                "..7.",
                "...8"), 0.5f);
        assertEquals(List.of(new DefectRegion(0, 0, 4, 4, 4, 8f)), r);
    }

    @Test
    void ringWithAHoleIsOneRegionWithoutTheHole() {
        List<DefectRegion> r = RegionFinder.find(map(
                ".....",
                ".333.",
                ".3.3.",
                ".393.",
                "....."), 1f);
        assertEquals(List.of(new DefectRegion(1, 1, 3, 3, 8, 9f)), r);
    }

    @Test
    void separateRegionsLargestFirstTouchingBorders() {
        List<DefectRegion> r = RegionFinder.find(map(
                "22...4",
                "2....4",
                "......",
                "9...44"), 1f);
        // Row 2 is empty, so the right column splits in two; equal areas: higher peak, then top first.
        assertEquals(List.of(
                new DefectRegion(0, 0, 2, 2, 3, 2f),
                new DefectRegion(5, 0, 1, 2, 2, 4f),
                new DefectRegion(4, 3, 2, 1, 2, 4f),
                new DefectRegion(0, 3, 1, 1, 1, 9f)), r);
    }

    @Test
    void equalAreasAreOrderedByPeak() {
        List<DefectRegion> r = RegionFinder.find(map(
                "2.7",
                "2.7"), 1f);
        assertEquals(List.of(new DefectRegion(2, 0, 1, 2, 2, 7f), new DefectRegion(0, 0, 1, 2, 2, 2f)), r);
    }

    @Test
    void onlyStrictlyAboveCountsAndNaNNever() {
        AnomalyMap m = new AnomalyMap(new float[] {2f, Float.NaN, 3f, 1f}, 4, 1);
        assertEquals(List.of(new DefectRegion(2, 0, 1, 1, 1, 3f)), RegionFinder.find(m, 2f));
        assertTrue(RegionFinder.find(m, 3f).isEmpty());
        // 2 and 3 are split by the NaN pixel: two regions, higher peak first.
        assertEquals(List.of(new DefectRegion(2, 0, 1, 1, 1, 3f), new DefectRegion(0, 0, 1, 1, 1, 2f)),
                RegionFinder.find(m, Math.nextDown(2f)));
    }

    @Test
    void wholeLargeMapAboveIsOneRegionWithoutStackOverflow() {
        int w = 900;
        float[] v = new float[w * w];
        java.util.Arrays.fill(v, 1f);
        v[w * 450 + 450] = 2f;
        List<DefectRegion> r = RegionFinder.find(new AnomalyMap(v, w, w), 0f);
        assertEquals(List.of(new DefectRegion(0, 0, w, w, w * w, 2f)), r);
    }

    @Test
    void longSnakeIsOneRegion() {
        // A serpentine path through a 301x301 map: deep for any recursive fill.
        int w = 301;
        float[] v = new float[w * w];
        int area = 0;
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                boolean on = y % 2 == 0 || (y % 4 == 1 && x == w - 1) || (y % 4 == 3 && x == 0);
                if (on) {
                    v[y * w + x] = 1f;
                    area++;
                }
            }
        }
        List<DefectRegion> r = RegionFinder.find(new AnomalyMap(v, w, w), 0.5f);
        assertEquals(List.of(new DefectRegion(0, 0, w, w, area, 1f)), r);
    }

    @Test
    void matchesANaiveLabellingOnRandomMaps() {
        Random rnd = new Random(6);
        for (int round = 0; round < 50; round++) {
            int w = 1 + rnd.nextInt(40);
            int h = 1 + rnd.nextInt(40);
            float[] v = new float[w * h];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextFloat();
            }
            float t = 0.3f + 0.5f * rnd.nextFloat();
            List<DefectRegion> found = RegionFinder.find(new AnomalyMap(v, w, h), t);
            List<DefectRegion> expected = naive(v, w, h, t);
            assertEquals(expected.size(), found.size());
            List<DefectRegion> a = new ArrayList<>(found);
            List<DefectRegion> b = new ArrayList<>(expected);
            java.util.Comparator<DefectRegion> byPos = java.util.Comparator.comparingInt(DefectRegion::y)
                    .thenComparingInt(DefectRegion::x).thenComparingInt(DefectRegion::areaPx);
            a.sort(byPos);
            b.sort(byPos);
            assertEquals(b, a);
            for (int i = 1; i < found.size(); i++) {
                assertTrue(found.get(i - 1).areaPx() >= found.get(i).areaPx());
            }
        }
    }

    /** Repeated relaxation until labels stop changing: slow, obviously correct. */
    private static List<DefectRegion> naive(float[] v, int w, int h, float t) {
        int[] label = new int[w * h];
        for (int i = 0; i < label.length; i++) {
            label[i] = v[i] > t ? i + 1 : 0;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (label[i] == 0) {
                        continue;
                    }
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if (nx >= 0 && ny >= 0 && nx < w && ny < h && label[ny * w + nx] != 0
                                    && label[ny * w + nx] < label[i]) {
                                label[i] = label[ny * w + nx];
                                changed = true;
                            }
                        }
                    }
                }
            }
        }
        java.util.Map<Integer, int[]> box = new java.util.TreeMap<>();
        java.util.Map<Integer, Float> peak = new java.util.HashMap<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = label[y * w + x];
                if (l == 0) {
                    continue;
                }
                int[] b = box.computeIfAbsent(l, k -> new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, 0});
                b[0] = Math.min(b[0], x);
                b[1] = Math.min(b[1], y);
                b[2] = Math.max(b[2], x);
                b[3] = Math.max(b[3], y);
                b[4]++;
                peak.merge(l, v[y * w + x], Math::max);
            }
        }
        List<DefectRegion> out = new ArrayList<>();
        box.forEach((l, b) -> out.add(new DefectRegion(b[0], b[1], b[2] - b[0] + 1, b[3] - b[1] + 1, b[4], peak.get(l))));
        Collections.shuffle(out, new Random(0));
        return out;
    }

    @Test
    void emptyWhenNothingIsAbove() {
        assertTrue(RegionFinder.find(map("123", "321"), 3f).isEmpty());
    }

    @Test
    void labellingNumbersComponentsInScanOrderAndRejectsMismatchedArrays() {
        int[] labels = new int[6];
        int count = ConnectedComponents.label8(new boolean[] {
            false, true, false,
            true, false, true}, 3, 2, labels);
        assertEquals(1, count); // all three touch (1,0) diagonally
        assertEquals(java.util.Arrays.toString(new int[] {0, 1, 0, 1, 0, 1}), java.util.Arrays.toString(labels));
        count = ConnectedComponents.label8(new boolean[] {
            true, false, false,
            false, false, true}, 3, 2, labels);
        assertEquals(2, count);
        assertEquals(java.util.Arrays.toString(new int[] {1, 0, 0, 0, 0, 2}), java.util.Arrays.toString(labels));
        assertThrows(IllegalArgumentException.class, () -> ConnectedComponents.label8(new boolean[4], 2, 3, new int[6]));
        assertThrows(IllegalArgumentException.class, () -> ConnectedComponents.label8(new boolean[0], 0, 0, new int[0]));
    }

    @Test
    void aRegionFoundAtADecodingStepIsGivenInPhotoPixelsAndClippedToThePhoto() {
        // A 41 x 30 photo decoded at step 4 is 11 x 8 pixels; pixel 10 covers photo columns 40 only.
        assertEquals(new DefectRegion(8, 20, 12, 8, 48, 2.5f), new DefectRegion(2, 5, 3, 2, 3, 2.5f).scaled(4, 41, 30));
        assertEquals(new DefectRegion(36, 28, 5, 2, 10, 1f), new DefectRegion(9, 7, 2, 1, 2, 1f).scaled(4, 41, 30));
    }
}
