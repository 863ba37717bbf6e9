package org.ssaeinspector.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.dataset.Label;

class OperatingPointsTest {
    private static final Label G = Label.GOOD;
    private static final Label D = Label.DEFECTIVE;
    private static final Label U = Label.UNKNOWN;

    @Test
    void handCountsWithUnknownsAndTheStrictFlagRule() {
        OperatingPoints op = OperatingPoints.of(new double[] {0.1, 0.5, 0.5, 0.9, 0.7, 0.3},
                new Label[] {G, G, D, D, U, null});
        assertEquals(2, op.goodCount());
        assertEquals(2, op.defectiveCount());
        assertEquals(2, op.unknownCount());
        assertEquals(6, op.size());
        // At 0.5 the two 0.5 scores are not flagged (score > threshold).
        assertEquals(new ConfusionCounts(1, 0, 2, 1), op.countsAt(0.5));
        assertEquals(2, op.flaggedAt(0.5)); // 0.9 and the unknown 0.7
        assertEquals(1, op.unknownFlaggedAt(0.5));
        assertEquals(new ConfusionCounts(2, 1, 1, 0), op.countsAt(Math.nextDown(0.5)));
        assertEquals(new ConfusionCounts(2, 2, 0, 0), op.countsAt(Double.NEGATIVE_INFINITY));
        assertEquals(new ConfusionCounts(0, 0, 2, 2), op.countsAt(0.9));
        assertEquals(0.1, op.minScore());
        assertEquals(0.9, op.maxScore());
    }

    @Test
    void countsMatchBruteForceOnRandomData() {
        Random rnd = new Random(17);
        int n = 3000;
        double[] s = new double[n];
        Label[] l = new Label[n];
        for (int i = 0; i < n; i++) {
            l[i] = Label.values()[rnd.nextInt(3)];
            s[i] = rnd.nextInt(200) / 10.0 + (l[i] == D ? 3 : 0);
        }
        OperatingPoints op = OperatingPoints.of(s, l);
        for (int q = 0; q < 400; q++) {
            double t = q % 2 == 0 ? s[rnd.nextInt(n)] : rnd.nextDouble() * 26 - 1;
            long tp = 0;
            long fp = 0;
            long tn = 0;
            long fn = 0;
            long all = 0;
            for (int i = 0; i < n; i++) {
                boolean f = s[i] > t;
                all += f ? 1 : 0;
                if (l[i] == D) {
                    tp += f ? 1 : 0;
                    fn += f ? 0 : 1;
                } else if (l[i] == G) {
                    fp += f ? 1 : 0;
                    tn += f ? 0 : 1;
                }
            }
            assertEquals(new ConfusionCounts(tp, fp, tn, fn), op.countsAt(t), "threshold " + t);
            assertEquals(all, op.flaggedAt(t));
        }
    }

    @Test
    void rocAndThresholdsAgreeWithTheStandaloneClasses() {
        Random rnd = new Random(8);
        int n = 800;
        double[] s = new double[n];
        boolean[] d = new boolean[n];
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextInt(4) == 0;
            s[i] = rnd.nextInt(50) + (d[i] ? 10 : 0);
        }
        OperatingPoints op = OperatingPoints.of(s, d);
        RocCurve expected = RocCurve.of(s, d);
        assertArrayEquals(expected.fpr(), op.roc().fpr(), 0);
        assertArrayEquals(expected.tpr(), op.roc().tpr(), 0);
        assertArrayEquals(expected.thresholds(), op.roc().thresholds(), 0);
        assertEquals(expected.auc(), op.roc().auc(), 0);
        assertEquals(Thresholds.f1Optimal(s, d), op.f1Optimal());
        double[] good = java.util.stream.IntStream.range(0, n).filter(i -> !d[i]).mapToDouble(i -> s[i]).toArray();
        assertEquals(Thresholds.forFalseRejectRate(good, 0.05), op.thresholdForFalseRejectRate(0.05), 0);
        ConfusionCounts at = op.countsAt(op.thresholdForFalseRejectRate(0.05));
        assertTrue(at.falseRejectRate() <= 0.05);
    }

    @Test
    void sliderSpeedOnTenThousandImages() {
        Random rnd = new Random(1);
        int n = 10_000;
        double[] s = new double[n];
        Label[] l = new Label[n];
        for (int i = 0; i < n; i++) {
            l[i] = rnd.nextInt(10) == 0 ? D : G;
            s[i] = rnd.nextGaussian();
        }
        OperatingPoints op = OperatingPoints.of(s, l);
        long sum = 0;
        long t0 = System.nanoTime();
        for (int q = 0; q < 100_000; q++) {
            sum += op.countsAt(q * 1e-4 - 5).tp();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        assertTrue(sum > 0);
        assertTrue(ms < 2000, "100k threshold queries took " + ms + " ms");
    }

    @Test
    void emptySetAndBadInput() {
        OperatingPoints empty = OperatingPoints.of(new double[0], new Label[0]);
        assertEquals(new ConfusionCounts(0, 0, 0, 0), empty.countsAt(1));
        assertTrue(Double.isNaN(empty.minScore()));
        assertThrows(IllegalArgumentException.class, empty::roc);
        assertThrows(IllegalArgumentException.class, () -> OperatingPoints.of(new double[1], new Label[2]));
        assertThrows(IllegalArgumentException.class, () -> OperatingPoints.of(new double[] {Double.NaN}, new Label[] {G}));
        OperatingPoints one = OperatingPoints.of(new double[] {1}, new Label[] {G});
        assertThrows(IllegalArgumentException.class, () -> one.countsAt(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, one::f1Optimal);
        assertTrue(e.getMessage().contains("no positive"), e.getMessage());
    }
}
