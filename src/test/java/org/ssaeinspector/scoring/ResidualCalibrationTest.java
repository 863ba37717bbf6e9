package org.ssaeinspector.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidualCalibrationTest {
    private static final int SIZE = 32;

    /** Good residuals: small noise plus a systematic hot edge at column 5 (like a bottle rim). */
    private static List<ResidualMap> goodResiduals(int count, long seed) {
        return goodResiduals(count, seed, 0.001f, 0.005f);
    }

    /** The same with a chosen background noise and spread of the rim's residual. */
    private static List<ResidualMap> goodResiduals(int count, long seed, float noise, float rimSpread) {
        Random rng = new Random(seed);
        List<ResidualMap> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] r = new float[SIZE * SIZE];
            for (int p = 0; p < r.length; p++) {
                r[p] = 0.001f + (float) Math.abs(rng.nextGaussian()) * noise;
                if (p % SIZE == 5) {
                    r[p] += 0.05f + (float) rng.nextGaussian() * rimSpread;
                }
            }
            out.add(new ResidualMap(r, SIZE, SIZE));
        }
        return out;
    }

    private static ResidualMap plus(ResidualMap m, int x0, int y0, int side, float add) {
        float[] v = m.values().clone();
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                v[y * m.width() + x] += add;
            }
        }
        return new ResidualMap(v, m.width(), m.height());
    }

    @Test
    void perPixelStatisticsRemoveSystematicResidualsSoTheDefectStandsOut() {
        List<ResidualMap> good = goodResiduals(20, 1);
        // A defect of 0.02 (weaker than the rim's systematic 0.05) at the centre.
        ResidualMap defective = plus(goodResiduals(1, 99).get(0), 14, 14, 4, 0.02f);
        ResidualMap normal = goodResiduals(1, 98).get(0);

        ResidualCalibration perPixel = ResidualCalibration.fit(good, SIZE, SIZE, ResidualCalibration.Mode.PER_PIXEL);
        AnomalyMap defectMap = perPixel.anomalyMap(defective, 1.0);
        AnomalyMap normalMap = perPixel.anomalyMap(normal, 1.0);
        assertTrue(defectMap.max() > 3 * normalMap.max(),
                "defect " + defectMap.max() + " vs normal " + normalMap.max());
        // The maximum is at the defect, not at the rim.
        assertTrue(defectMap.get(15, 15) == defectMap.max() || defectMap.get(16, 16) >= 0.9f * defectMap.max());

        // Without per-pixel statistics the rim dominates and the two images look alike.
        ResidualCalibration global = ResidualCalibration.fit(good, SIZE, SIZE, ResidualCalibration.Mode.GLOBAL);
        float g1 = global.anomalyMap(defective, 1.0).max();
        float g0 = global.anomalyMap(normal, 1.0).max();
        assertTrue(g1 < 1.5 * g0, "global calibration should not separate these: " + g1 + " vs " + g0);
    }

    /**
     * With only a few held-out images, per-pixel variances are shrunk towards a prior. The prior
     * is the neighbourhood's variance, so a quiet region far from a wildly varying rim keeps its
     * small spread and a modest defect there stands out (an image-wide prior, pulled up by the
     * rim, would hide it).
     */
    @Test
    void fewHeldOutImagesDoNotLendTheRimsSpreadToQuietRegions() {
        List<ResidualMap> good = goodResiduals(4, 5, 0.0006f, 0.02f);
        ResidualMap defective = plus(good.get(0), 20, 14, 4, 0.01f);
        ResidualCalibration c = ResidualCalibration.fit(good, SIZE, SIZE, ResidualCalibration.Mode.PER_PIXEL);
        float defect = c.anomalyMap(defective, 1.0).get(21, 15);
        assertTrue(defect > 6, "a defect of 15 background spreads should stand out: z " + defect);
    }

    @Test
    void leaveOneOutScoresAreNotBiasedLowLikeInSampleScores() {
        List<ResidualMap> good = goodResiduals(15, 2);
        ResidualCalibration all = ResidualCalibration.fit(good, SIZE, SIZE, ResidualCalibration.Mode.PER_PIXEL);
        double[] loo = ResidualCalibration.leaveOneOutScores(good, SIZE, SIZE, ResidualCalibration.Mode.PER_PIXEL, 1.0);
        double inSample = 0;
        double outOfSample = 0;
        for (int i = 0; i < good.size(); i++) {
            inSample += all.anomalyMap(good.get(i), 1.0).max();
            outOfSample += loo[i];
        }
        assertTrue(outOfSample > inSample, "LOO " + outOfSample + " should exceed in-sample " + inSample);
    }

    @Test
    void survivesAWriteReadRoundTrip() throws Exception {
        List<ResidualMap> good = goodResiduals(6, 3);
        ResidualCalibration c = ResidualCalibration.fit(good, SIZE, SIZE, ResidualCalibration.Mode.PER_PIXEL);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.write(new DataOutputStream(bytes), ResidualCalibration.Layout.PLANES);
        ResidualCalibration back = ResidualCalibration.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                ResidualCalibration.Layout.PLANES, SIZE, SIZE, 1);
        ResidualMap probe = goodResiduals(1, 4).get(0);
        assertEquals(c.anomalyMap(probe, 2.0).max(), back.anomalyMap(probe, 2.0).max(), 0f);
        assertEquals(ResidualCalibration.Mode.PER_PIXEL, back.mode());
    }

    /**
     * Two measures in one map: each plane is standardised by its own statistics, whatever its
     * units, and the planes are averaged; the statistics of both survive a write and a read, and
     * the older single-plane layout refuses them rather than dropping one.
     */
    @Test
    void aMapOfTwoPlanesStandardisesEachByItsOwnStatisticsAndAveragesThem() throws Exception {
        List<ResidualMap> first = goodResiduals(8, 11);
        List<ResidualMap> stacked = new java.util.ArrayList<>();
        for (ResidualMap r : first) {
            float[] v = java.util.Arrays.copyOf(r.values(), 2 * r.values().length);
            for (int i = 0; i < r.values().length; i++) {
                v[r.values().length + i] = 1000f * r.values()[i] + 5f; // the same evidence in other units
            }
            stacked.add(new ResidualMap(v, r.width(), r.height()));
        }
        assertEquals(2, stacked.get(0).planes());
        for (ResidualCalibration.Mode mode : ResidualCalibration.Mode.values()) {
            ResidualCalibration one = ResidualCalibration.fit(first, SIZE, SIZE, mode);
            ResidualCalibration two = ResidualCalibration.fit(stacked, SIZE, SIZE, mode);
            assertEquals(2, two.planes());
            ResidualMap probe = goodResiduals(1, 12).get(0);
            float[] pv = java.util.Arrays.copyOf(probe.values(), 2 * probe.values().length);
            for (int i = 0; i < probe.values().length; i++) {
                pv[probe.values().length + i] = 1000f * probe.values()[i] + 5f;
            }
            ResidualMap probe2 = new ResidualMap(pv, SIZE, SIZE);
            float[] a = one.anomalyMap(probe, 1.0).values();
            float[] b = two.anomalyMap(probe2, 1.0).values();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-3f * Math.max(1f, Math.abs(a[i])), mode + " pixel " + i);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            two.write(new DataOutputStream(bytes), ResidualCalibration.Layout.PLANES);
            ResidualCalibration back = ResidualCalibration.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                    ResidualCalibration.Layout.PLANES, SIZE, SIZE, 2);
            assertEquals(two.anomalyMap(probe2, 1.0).max(), back.anomalyMap(probe2, 1.0).max(), 0f);
            java.io.IOException wrongPlanes = assertThrows(java.io.IOException.class, () -> ResidualCalibration.read(
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), ResidualCalibration.Layout.PLANES, SIZE, SIZE, 1));
            assertTrue(wrongPlanes.getMessage().contains("2 planes"), wrongPlanes.getMessage());
            assertThrows(IllegalStateException.class,
                    () -> two.write(new DataOutputStream(new ByteArrayOutputStream()), ResidualCalibration.Layout.GRID));
            assertThrows(IllegalArgumentException.class, () -> two.anomalyMap(probe, 1.0), "one plane for two");
        }
    }

    /** Format 1 and 2 files stored one side of a square grid: they still read as before. */
    @Test
    void readsTheSquareFormatOfOlderModelFiles() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("per-pixel");
        out.writeInt(2);
        out.writeFloat(0f);
        out.writeInt(4);
        for (int i = 0; i < 4; i++) {
            out.writeFloat(i);
            out.writeFloat(1f);
        }
        ResidualCalibration old = ResidualCalibration.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                ResidualCalibration.Layout.SQUARE, 2, 2, 1);
        assertEquals(2, old.gridWidth());
        AnomalyMap z = old.anomalyMap(new ResidualMap(new float[] {0, 1, 2, 3}, 2, 2), 0);
        for (float v : z.values()) {
            assertEquals(0f, v, 1e-6f);
        }
    }

    /** A damaged or hostile statistics block is refused before its claimed grid is allocated. */
    @Test
    void refusesGridsThatDoNotMatchTheModelAndNonFiniteStatistics() throws Exception {
        java.util.function.Function<float[], byte[]> block = values -> {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeUTF("global");
                out.writeInt((int) values[0]);
                out.writeInt((int) values[1]);
                out.writeFloat(values[2]);
                out.writeInt((int) values[3]);
                for (int i = 4; i < values.length; i++) {
                    out.writeFloat(values[i]);
                }
                return bytes.toByteArray();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };
        // A 64 x 32 reference pools to 16 x 8 coarse cells of 4 px; the global mode keeps one pair.
        assertEquals(List.of(16, 8), java.util.Arrays.stream(ResidualCalibration.grid(ResidualCalibration.Mode.COARSE, 64, 32))
                .boxed().toList());
        float[] good = {1, 1, 0.1f, 1, 0, 1};
        assertEquals(1, read(block.apply(good), 16, 8).gridWidth());
        String[][] cases = {
                {"40000,40000,0.1,1600000000", "do not match the model"},
                {"1,1,0.1,-2147479015", "do not match the model"},
                {"1,1,NaN,1,0,1", "non-finite"},
                {"1,1,0.1,1,0,-1", "non-finite or negative"},
                {"1,1,0.1,1,Infinity,1", "non-finite"},
                {"1,1,0.1,1,0,1,7", "unexpected data"},
                {"1,1,0.1,1,0", "EOF"},
        };
        for (String[] c : cases) {
            String[] parts = c[0].split(",");
            float[] v = new float[parts.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = Float.parseFloat(parts[i]);
            }
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> read(block.apply(v), 16, 8), c[0]);
            assertTrue(String.valueOf(e.getMessage()).contains(c[1]) || e instanceof java.io.EOFException, c[0] + ": " + e);
        }
    }

    private static ResidualCalibration read(byte[] bytes, int refWidth, int refHeight) throws java.io.IOException {
        return ResidualCalibration.read(new DataInputStream(new ByteArrayInputStream(bytes)), ResidualCalibration.Layout.GRID,
                refWidth, refHeight, 1);
    }

    /**
     * Unaligned surface under light that falls off towards one side: residuals grow smoothly from
     * left to right, and a defect sits anywhere. A coarse grid follows the fall-off, so a defect on
     * the quiet side stands out as much as one on the bright side; one global statistic lets the
     * bright side's residuals hide it.
     */
    @Test
    void aCoarseGridFollowsLightFallOffThatAGlobalStatisticCannot() {
        int w = 96;
        int h = 32;
        Random rng = new Random(7);
        List<ResidualMap> good = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            good.add(fallOff(w, h, rng));
        }
        ResidualMap quietDefect = plus(fallOff(w, h, rng), 6, 12, 4, 0.01f);
        ResidualMap normal = fallOff(w, h, rng);
        ResidualCalibration coarse = ResidualCalibration.fit(good, w, h, ResidualCalibration.Mode.COARSE);
        ResidualCalibration global = ResidualCalibration.fit(good, w, h, ResidualCalibration.Mode.GLOBAL);
        double coarseMargin = coarse.anomalyMap(quietDefect, 1).max() / coarse.anomalyMap(normal, 1).max();
        double globalMargin = global.anomalyMap(quietDefect, 1).max() / global.anomalyMap(normal, 1).max();
        assertTrue(coarseMargin > 2, "coarse: defect / normal " + coarseMargin);
        assertTrue(coarseMargin > 1.5 * globalMargin, "coarse " + coarseMargin + " against global " + globalMargin);
        assertTrue(coarse.gridWidth() < w && coarse.gridWidth() > 1, "a coarse grid, was " + coarse.gridWidth());
    }

    private static ResidualMap fallOff(int w, int h, Random rng) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float level = 0.001f + 0.05f * x / w;
                v[y * w + x] = level + (float) Math.abs(rng.nextGaussian()) * level * 0.2f;
            }
        }
        return new ResidualMap(v, w, h);
    }

    /**
     * A photo of another shape (a strip among square parts) cannot be framed like the reference:
     * stretched onto it, the per-pixel grid would call its own bright column (where the squares
     * are quiet) fifty spreads off. It is standardised with the grid's pooled statistics instead,
     * and a defect on it still stands out.
     */
    @Test
    void aMapOfAnotherShapeIsScoredWithThePooledStatistics() {
        List<ResidualMap> good = goodResiduals(20, 3);
        ResidualCalibration perPixel = ResidualCalibration.fit(good, SIZE, SIZE, ResidualCalibration.Mode.PER_PIXEL);
        assertTrue(perPixel.sameShape(2 * SIZE, 2 * SIZE) && perPixel.sameShape(SIZE + 1, SIZE));
        assertTrue(!perPixel.sameShape(3 * SIZE, SIZE / 2) && !perPixel.sameShape(SIZE, SIZE + 3));

        int w = 3 * SIZE;
        int h = SIZE / 2;
        Random rng = new Random(4);
        float[] v = new float[w * h];
        for (int p = 0; p < v.length; p++) {
            v[p] = 0.001f + (float) Math.abs(rng.nextGaussian()) * 0.001f + (p % w == 50 ? 0.05f : 0f);
        }
        ResidualMap strip = new ResidualMap(v, w, h);
        float clean = perPixel.anomalyMap(strip, 1.0).max();
        assertTrue(clean < 8, "its own bright column is within the part's usual spread: max z " + clean);
        float defect = perPixel.anomalyMap(plus(strip, 20, 6, 4, 0.05f), 1.0).max();
        assertTrue(defect > 1.5 * clean, "a defect on the strip " + defect + " against its clean max " + clean);

        // Held out among the parts, the strip says nothing about where on a part residuals are
        // usual: the grid is fitted on the parts alone, and the strip is scored left out like any.
        List<ResidualMap> withStrip = new ArrayList<>(good);
        withStrip.add(strip);
        ResidualMap normal = goodResiduals(1, 97).get(0);
        ResidualCalibration fitted = ResidualCalibration.fit(withStrip, SIZE, SIZE, ResidualCalibration.Mode.PER_PIXEL);
        assertEquals(perPixel.anomalyMap(normal, 1.0).max(), fitted.anomalyMap(normal, 1.0).max(), 1e-6);
        double[] leftOut = ResidualCalibration.leaveOneOutScores(withStrip, SIZE, SIZE, ResidualCalibration.Mode.PER_PIXEL, 1.0);
        assertEquals(clean, leftOut[withStrip.size() - 1], 1e-4, "the strip left out: the parts' pooled statistics");
        assertEquals(ResidualCalibration.leaveOneOutScores(good, SIZE, SIZE, ResidualCalibration.Mode.PER_PIXEL, 1.0)[0],
                leftOut[0], 1e-6, "a part left out: the other parts alone");
        // A global calibration pools every map, the strip's too.
        ResidualCalibration global = ResidualCalibration.fit(good, SIZE, SIZE, ResidualCalibration.Mode.GLOBAL);
        ResidualCalibration globalWithStrip = ResidualCalibration.fit(withStrip, SIZE, SIZE, ResidualCalibration.Mode.GLOBAL);
        assertTrue(globalWithStrip.anomalyMap(normal, 1.0).max() != global.anomalyMap(normal, 1.0).max());
    }

    /** Statistics fitted on one size apply to photos of another (relative coordinates). */
    @Test
    void appliesToMapsOfAnotherSizeThanTheReference() {
        List<ResidualMap> good = goodResiduals(10, 11);
        ResidualCalibration perPixel = ResidualCalibration.fit(good, SIZE, SIZE, ResidualCalibration.Mode.PER_PIXEL);
        ResidualMap big = new ResidualMap(good.get(0).resampled(2 * SIZE, 2 * SIZE), 2 * SIZE, 2 * SIZE);
        AnomalyMap map = perPixel.anomalyMap(big, 1.0);
        assertEquals(2 * SIZE, map.width());
        // The rim (column 5 at SIZE, about 10-11 at twice the size) is calibrated away there too.
        assertTrue(map.max() < 6, "the rim stays explained at another size: max z " + map.max());
    }
}
