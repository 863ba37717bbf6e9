package org.ssaeinspector.app.service;

/** Confusion counts at one threshold; defective is the positive class, flagged the prediction. */
public record Confusion(long tp, long fp, long tn, long fn) {
    public double tpr() {
        return ratio(tp, tp + fn);
    }

    public double fpr() {
        return ratio(fp, fp + tn);
    }

    public double precision() {
        return ratio(tp, tp + fp);
    }

    public double recall() {
        return tpr();
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
