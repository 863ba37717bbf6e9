package org.ssaeinspector.app.viewmodel;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.ssaeinspector.app.service.Confusion;
import org.ssaeinspector.app.service.Curve;
import org.ssaeinspector.app.service.MetricsService;
import org.ssaeinspector.app.service.ScoreAnalysis;
import org.ssaeinspector.dataset.Label;

/**
 * The threshold and what it means on the labelled test images: ROC curve with the operating
 * point, confusion counts and rates, score histogram. Statistics are rebuilt when scores or
 * labels change; a threshold move only asks the prepared analysis (O(log n)).
 */
public final class ThresholdViewModel {
    /** More points make the chart slow to lay out (engineering notes: 100k points, 1.6 s). */
    public static final int MAX_ROC_POINTS = 2000;
    public static final int HISTOGRAM_BINS = 40;

    private final Project project;
    private final MetricsService metrics;
    private final ReadOnlyObjectWrapper<Curve> roc = new ReadOnlyObjectWrapper<>(this, "roc");
    private final ReadOnlyDoubleWrapper auroc = new ReadOnlyDoubleWrapper(this, "auroc", Double.NaN);
    private final ReadOnlyDoubleWrapper pixelAuroc = new ReadOnlyDoubleWrapper(this, "pixelAuroc", Double.NaN);
    private final ReadOnlyObjectWrapper<Confusion> confusion = new ReadOnlyObjectWrapper<>(this, "confusion",
            new Confusion(0, 0, 0, 0));
    private final ReadOnlyDoubleWrapper operatingFpr = new ReadOnlyDoubleWrapper(this, "operatingFpr", Double.NaN);
    private final ReadOnlyDoubleWrapper operatingTpr = new ReadOnlyDoubleWrapper(this, "operatingTpr", Double.NaN);
    private final ReadOnlyObjectWrapper<ScoreHistogram> histogram = new ReadOnlyObjectWrapper<>(this, "histogram");
    private final ReadOnlyBooleanWrapper hasDefects = new ReadOnlyBooleanWrapper(this, "hasDefects");
    private final ReadOnlyIntegerWrapper goodCount = new ReadOnlyIntegerWrapper(this, "goodCount");
    private final ReadOnlyIntegerWrapper defectiveCount = new ReadOnlyIntegerWrapper(this, "defectiveCount");
    private final ReadOnlyDoubleWrapper rangeMin = new ReadOnlyDoubleWrapper(this, "rangeMin", 0);
    private final ReadOnlyDoubleWrapper rangeMax = new ReadOnlyDoubleWrapper(this, "rangeMax", 1);
    private ScoreAnalysis analysis;

    public ThresholdViewModel(Project project, MetricsService metrics) {
        this.project = project;
        this.metrics = metrics;
        project.revisionProperty().addListener(o -> rebuild());
        project.thresholdProperty().addListener(o -> update());
        project.modelProperty().addListener(o -> pixelAuroc.set(Double.NaN));
        rebuild();
    }

    /** Recomputes everything that depends on scores and labels. */
    public void rebuild() {
        List<ImageItem> scored = project.items(ImageSet.TEST).stream().filter(ImageItem::isScored).toList();
        int nGood = 0;
        int nBad = 0;
        int nUnknown = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ImageItem i : scored) {
            lo = Math.min(lo, i.score());
            hi = Math.max(hi, i.score());
            switch (i.label()) {
                case GOOD -> nGood++;
                case DEFECTIVE -> nBad++;
                default -> nUnknown++;
            }
        }
        double[] labelledScores = new double[nGood + nBad];
        boolean[] defective = new boolean[nGood + nBad];
        double[] good = new double[nGood];
        double[] bad = new double[nBad];
        double[] unknown = new double[nUnknown];
        int k = 0;
        int g = 0;
        int b = 0;
        int u = 0;
        for (ImageItem i : scored) {
            if (i.label() == Label.UNKNOWN) {
                unknown[u++] = i.score();
                continue;
            }
            labelledScores[k] = i.score();
            defective[k++] = i.label() == Label.DEFECTIVE;
            if (i.label() == Label.GOOD) {
                good[g++] = i.score();
            } else {
                bad[b++] = i.score();
            }
        }
        goodCount.set(nGood);
        defectiveCount.set(nBad);
        hasDefects.set(nBad > 0);
        analysis = metrics.analyse(labelledScores, defective);
        roc.set(nGood > 0 && nBad > 0 ? analysis.roc(MAX_ROC_POINTS) : null);
        auroc.set(analysis.auroc());
        setRange(lo, hi);
        if (scored.isEmpty()) {
            histogram.set(null);
        } else {
            double l = rangeMin.get();
            double h = rangeMax.get();
            histogram.set(new ScoreHistogram(l, h, metrics.histogram(good, l, h, HISTOGRAM_BINS),
                    metrics.histogram(bad, l, h, HISTOGRAM_BINS), metrics.histogram(unknown, l, h, HISTOGRAM_BINS)));
        }
        update();
    }

    private void setRange(double lo, double hi) {
        double t = project.thresholdProperty().get();
        if (!Double.isNaN(t)) {
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        if (!(lo < hi)) {
            double c = Double.isFinite(lo) ? lo : (Double.isNaN(t) ? 0.5 : t);
            double half = Math.max(Math.abs(c) * 0.5, 0.5);
            lo = c - half;
            hi = c + half;
        }
        double pad = 0.04 * (hi - lo);
        rangeMin.set(lo - pad);
        rangeMax.set(hi + pad);
    }

    private void update() {
        double t = project.thresholdProperty().get();
        if (Double.isNaN(t) || analysis == null) {
            confusion.set(new Confusion(0, 0, 0, 0));
            operatingFpr.set(Double.NaN);
            operatingTpr.set(Double.NaN);
            return;
        }
        if (t < rangeMin.get() || t > rangeMax.get()) {
            double pad = 0.04 * (rangeMax.get() - rangeMin.get());
            rangeMin.set(Math.min(rangeMin.get(), t - pad));
            rangeMax.set(Math.max(rangeMax.get(), t + pad));
        }
        Confusion c = analysis.countsAt(t);
        confusion.set(c);
        operatingFpr.set(c.fpr());
        operatingTpr.set(c.tpr());
    }

    /**
     * Sets the threshold from typed text.
     *
     * @return false (threshold unchanged) when the text is not a finite number
     */
    public boolean commitText(String text) {
        try {
            double v = Double.parseDouble(text.trim().replace(',', '.'));
            if (!Double.isFinite(v)) {
                return false;
            }
            project.thresholdProperty().set(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The threshold as the text field shows it. */
    public static String format(double threshold) {
        if (Double.isNaN(threshold)) {
            return "";
        }
        return String.format(Locale.ROOT, Math.abs(threshold) >= 100 ? "%.1f" : "%.4f", threshold);
    }

    /** Puts the threshold where the given share of labelled good test images is rejected. */
    public void setFalseRejectRate(double rate) {
        double[] good = project.items(ImageSet.TEST).stream()
                .filter(i -> i.isScored() && i.label() == Label.GOOD).mapToDouble(ImageItem::score).toArray();
        if (good.length > 0) {
            project.thresholdProperty().set(metrics.thresholdForFalseRejectRate(good, rate));
        }
    }

    /** Share of labelled good images above the threshold. */
    public double falseRejectRate() {
        return confusion.get().fpr();
    }

    public DoubleProperty thresholdProperty() {
        return project.thresholdProperty();
    }

    public ReadOnlyObjectProperty<Curve> rocProperty() {
        return roc.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty aurocProperty() {
        return auroc.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty pixelAurocProperty() {
        return pixelAuroc.getReadOnlyProperty();
    }

    void setPixelAuroc(double value) {
        pixelAuroc.set(value);
    }

    public ReadOnlyObjectProperty<Confusion> confusionProperty() {
        return confusion.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty operatingFprProperty() {
        return operatingFpr.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty operatingTprProperty() {
        return operatingTpr.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScoreHistogram> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasDefectsProperty() {
        return hasDefects.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty goodCountProperty() {
        return goodCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty defectiveCountProperty() {
        return defectiveCount.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rangeMinProperty() {
        return rangeMin.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rangeMaxProperty() {
        return rangeMax.getReadOnlyProperty();
    }
}
