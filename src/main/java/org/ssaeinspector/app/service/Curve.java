package org.ssaeinspector.app.service;

/** A curve as parallel arrays (for a ROC curve: x = FPR, y = TPR). */
public record Curve(double[] x, double[] y) {
    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
    }

    public int size() {
        return x.length;
    }
}
