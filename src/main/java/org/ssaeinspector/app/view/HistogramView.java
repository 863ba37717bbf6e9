package org.ssaeinspector.app.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.ssaeinspector.app.viewmodel.Format;
import org.ssaeinspector.evaluation.Histogram;

/**
 * Score histogram, good against defective (and unlabelled), with the threshold as a line. Drawn
 * on a canvas: moving the threshold redraws one line, no chart layout.
 */
final class HistogramView extends Region {
    static final Color GOOD = Color.web("#2e9e5b", 0.65);
    static final Color DEFECTIVE = Color.web("#d93a2b", 0.65);
    static final Color UNLABELLED = Color.web("#6b7280", 0.55);
    private final Canvas canvas = new Canvas();
    private Histogram histogram;
    private double threshold = Double.NaN;

    HistogramView() {
        getChildren().add(canvas);
        setMinHeight(64);
        setPrefHeight(130);
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
    }

    void setHistogram(Histogram h) {
        histogram = h;
        draw();
    }

    void setThreshold(double t) {
        threshold = t;
        draw();
    }

    Histogram histogram() {
        return histogram;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (histogram == null || w < 20 || h < 30) {
            return;
        }
        double left = 4;
        double bottom = h - 16;
        double plotW = w - 8;
        double plotH = bottom - 6;
        int max = Math.max(1, histogram.maxCount());
        double bw = plotW / histogram.bins();
        for (int b = 0; b < histogram.bins(); b++) {
            double x = left + b * bw;
            bar(g, x, bw, bottom, plotH * histogram.unknown(b) / max, UNLABELLED);
            bar(g, x, bw, bottom, plotH * histogram.good(b) / max, GOOD);
            bar(g, x, bw, bottom, plotH * histogram.defective(b) / max, DEFECTIVE);
        }
        g.setStroke(Color.web("#9ca3af"));
        g.setLineWidth(1);
        g.strokeLine(left, bottom + 0.5, left + plotW, bottom + 0.5);
        g.setFill(Color.web("#6b7280"));
        g.setFont(Font.font(10));
        g.fillText(lowLabel(), left, h - 3);
        String hi = highLabel();
        g.fillText(hi, left + plotW - 6 * hi.length(), h - 3);
        if (!Double.isNaN(threshold)) {
            double span = histogram.max() - histogram.min();
            double tx = left + plotW * (threshold - histogram.min()) / span;
            tx = Math.max(left, Math.min(left + plotW, tx));
            g.setStroke(Color.web("#111827"));
            g.setLineWidth(2);
            g.setLineDashes(5, 3);
            g.strokeLine(tx, 2, tx, bottom);
            g.setLineDashes();
        }
    }

    /** The axis's left end; "≤" when outliers below it are counted in the first bar. */
    String lowLabel() {
        return (histogram.below() > 0 ? "≤ " : "") + Format.score(histogram.min());
    }

    /** The axis's right end; "≥ 54.2 (+1)" when outliers above it are counted in the last bar. */
    String highLabel() {
        String max = Format.score(histogram.max());
        return histogram.above() > 0 ? "≥ " + max + " (+" + histogram.above() + ")" : max;
    }

    private static void bar(GraphicsContext g, double x, double bw, double bottom, double height, Color c) {
        if (height <= 0) {
            return;
        }
        g.setFill(c);
        g.fillRect(x + 0.5, bottom - height, Math.max(1, bw - 1), height);
    }
}
