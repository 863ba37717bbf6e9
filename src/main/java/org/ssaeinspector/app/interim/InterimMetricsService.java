package org.ssaeinspector.app.interim;

import java.util.Arrays;
import java.util.List;
import org.ssaeinspector.app.service.Confusion;
import org.ssaeinspector.app.service.Curve;
import org.ssaeinspector.app.service.MetricsService;
import org.ssaeinspector.app.service.ScoreAnalysis;

/** Interim metrics: sorted score arrays and binary search. */
public final class InterimMetricsService implements MetricsService {

    @Override
    public ScoreAnalysis analyse(double[] scores, boolean[] defective) {
        int np = 0;
        for (boolean d : defective) {
            np += d ? 1 : 0;
        }
        double[] pos = new double[np];
        double[] neg = new double[scores.length - np];
        for (int i = 0, a = 0, b = 0; i < scores.length; i++) {
            if (defective[i]) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        return new Sorted(pos, neg);
    }

    @Override
    public double thresholdForFalseRejectRate(double[] goodScores, double rate) {
        double[] s = goodScores.clone();
        Arrays.sort(s);
        int keep = (int) Math.ceil((1 - rate) * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, keep))];
    }

    @Override
    public double pixelAuroc(List<float[]> maps, List<boolean[]> masks) {
        int n = 0;
        for (float[] m : maps) {
            n += m.length;
        }
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        int k = 0;
        for (int i = 0; i < maps.size(); i++) {
            float[] m = maps.get(i);
            boolean[] g = masks.get(i);
            for (int j = 0; j < m.length; j++, k++) {
                scores[k] = m[j];
                labels[k] = g[j];
            }
        }
        return analyse(scores, labels).auroc();
    }

    @Override
    public long[] histogram(double[] values, double lo, double hi, int bins) {
        long[] counts = new long[bins];
        double width = (hi - lo) / bins;
        for (double v : values) {
            int b = width <= 0 ? 0 : (int) Math.floor((v - lo) / width);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return counts;
    }

    private record Sorted(double[] pos, double[] neg) implements ScoreAnalysis {
        @Override
        public double auroc() {
            if (pos.length == 0 || neg.length == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (double p : pos) {
                sum += below(neg, p) + 0.5 * (atOrBelow(neg, p) - below(neg, p));
            }
            return sum / ((double) pos.length * neg.length);
        }

        @Override
        public Curve roc(int maxPoints) {
            double[] all = new double[pos.length + neg.length];
            System.arraycopy(pos, 0, all, 0, pos.length);
            System.arraycopy(neg, 0, all, pos.length, neg.length);
            Arrays.sort(all);
            int n = Math.min(maxPoints - 2, all.length);
            double[] x = new double[n + 2];
            double[] y = new double[n + 2];
            x[0] = 1;
            y[0] = 1;
            for (int i = 0; i < n; i++) {
                double t = all[(int) ((long) i * all.length / Math.max(1, n))];
                Confusion c = countsAt(t);
                x[i + 1] = neg.length == 0 ? 0 : c.fpr();
                y[i + 1] = pos.length == 0 ? 0 : c.tpr();
            }
            return new Curve(x, y);
        }

        @Override
        public Confusion countsAt(double threshold) {
            long fn = atOrBelow(pos, threshold);
            long tn = atOrBelow(neg, threshold);
            return new Confusion(pos.length - fn, neg.length - tn, tn, fn);
        }

        private static int atOrBelow(double[] sorted, double t) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private static int below(double[] sorted, double t) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
