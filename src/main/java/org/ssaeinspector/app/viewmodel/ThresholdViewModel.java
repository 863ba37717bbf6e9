package org.ssaeinspector.app.viewmodel;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.evaluation.ConfusionCounts;
import org.ssaeinspector.evaluation.Histogram;
import org.ssaeinspector.evaluation.OperatingPoints;
import org.ssaeinspector.evaluation.RocCurve;

/**
 * The threshold and what it means on the labelled test images: ROC curve with the operating
 * point, confusion counts and rates, score histogram. The statistics are rebuilt when scores or
 * labels change; a threshold move only asks the prepared {@link OperatingPoints} (O(log n)).
 */
public final class ThresholdViewModel {
    /** More points make the chart slow to lay out (engineering notes: 100k points, 1.6 s). */
    public static final int MAX_ROC_POINTS = 2000;
    public static final int HISTOGRAM_BINS = 40;
    private static final ConfusionCounts NONE = new ConfusionCounts(0, 0, 0, 0);

    private final Project project;
    private final ReadOnlyObjectWrapper<RocCurve> roc = new ReadOnlyObjectWrapper<>(this, "roc");
    private final ReadOnlyDoubleWrapper auroc = new ReadOnlyDoubleWrapper(this, "auroc", Double.NaN);
    private final ReadOnlyDoubleWrapper pixelAuroc = new ReadOnlyDoubleWrapper(this, "pixelAuroc", Double.NaN);
    private final ReadOnlyObjectWrapper<ConfusionCounts> confusion = new ReadOnlyObjectWrapper<>(this, "confusion", NONE);
    private final ReadOnlyDoubleWrapper operatingFpr = new ReadOnlyDoubleWrapper(this, "operatingFpr", Double.NaN);
    private final ReadOnlyDoubleWrapper operatingTpr = new ReadOnlyDoubleWrapper(this, "operatingTpr", Double.NaN);
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>(this, "histogram");
    private final ReadOnlyBooleanWrapper hasDefects = new ReadOnlyBooleanWrapper(this, "hasDefects");
    private final ReadOnlyIntegerWrapper goodCount = new ReadOnlyIntegerWrapper(this, "goodCount");
    private final ReadOnlyIntegerWrapper defectiveCount = new ReadOnlyIntegerWrapper(this, "defectiveCount");
    private final ReadOnlyDoubleWrapper rangeMin = new ReadOnlyDoubleWrapper(this, "rangeMin", 0);
    private final ReadOnlyDoubleWrapper rangeMax = new ReadOnlyDoubleWrapper(this, "rangeMax", 1);
    private OperatingPoints points = OperatingPoints.of(new double[0], new Label[0]);

    public ThresholdViewModel(Project project) {
        this.project = project;
        project.revisionProperty().addListener(o -> rebuild());
        project.thresholdProperty().addListener(o -> update());
        project.modelProperty().addListener(o -> pixelAuroc.set(Double.NaN));
        rebuild();
    }

    /** Recomputes everything that depends on scores and labels. */
    public void rebuild() {
        List<ImageItem> scored = project.items(ImageSet.TEST).stream().filter(ImageItem::isScored).toList();
        double[] scores = new double[scored.size()];
        Label[] labels = new Label[scored.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scored.get(i).score();
            labels[i] = scored.get(i).label();
        }
        points = OperatingPoints.of(scores, labels);
        goodCount.set(points.goodCount());
        defectiveCount.set(points.defectiveCount());
        hasDefects.set(points.defectiveCount() > 0);
        if (points.goodCount() > 0 && points.defectiveCount() > 0) {
            RocCurve full = points.roc();
            auroc.set(full.auc());
            roc.set(full.thinned(MAX_ROC_POINTS));
        } else {
            auroc.set(Double.NaN);
            roc.set(null);
        }
        setRange(points.minScore(), points.maxScore());
        // The histogram cuts outliers (the slider does not: every score stays reachable).
        double[] bins = Histogram.clippedRange(scores, rangeMin.get(), rangeMax.get());
        histogram.set(scored.isEmpty() ? null : Histogram.of(scores, labels, HISTOGRAM_BINS, bins[0], bins[1]));
        update();
    }

    /**
     * The slider's range: the scores', padded. A threshold outside it does not widen it (a typed
     * 500 would crowd every score at the left end); the slider then sits at its end. Without
     * scores the range is around the threshold.
     */
    private void setRange(double lo, double hi) {
        double t = project.thresholdProperty().get();
        if (Double.isNaN(lo)) {
            lo = Double.isNaN(t) ? 0 : t;
            hi = lo;
        }
        if (!(lo < hi)) {
            double half = Math.max(Math.abs(lo) * 0.5, 0.5);
            lo -= half;
            hi += half;
        }
        double pad = 0.04 * (hi - lo);
        rangeMin.set(lo - pad);
        rangeMax.set(hi + pad);
    }

    private void update() {
        double t = project.thresholdProperty().get();
        if (Double.isNaN(t)) {
            confusion.set(NONE);
            operatingFpr.set(Double.NaN);
            operatingTpr.set(Double.NaN);
            return;
        }
        if (points.size() == 0) {
            setRange(Double.NaN, Double.NaN);
        }
        ConfusionCounts c = points.countsAt(t);
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

    /**
     * The threshold as the text field shows it: four significant digits without trailing zeros
     * ("8.152", "12", "500", "0.05"). The field only writes the threshold back when its text was
     * edited, so this rounding never moves the threshold.
     */
    public static String format(double threshold) {
        if (!Double.isFinite(threshold)) {
            return "";
        }
        return org.ssaeinspector.util.Decimals.significant(threshold, 4);
    }

    /** Puts the threshold where at most the given share of labelled good test images is rejected. */
    public void setFalseRejectRate(double rate) {
        if (points.goodCount() > 0) {
            project.thresholdProperty().set(points.thresholdForFalseRejectRate(rate));
        }
    }

    /** Share of labelled good images above the threshold. */
    public double falseRejectRate() {
        return confusion.get().falseRejectRate();
    }

    /** All test images flagged at the threshold, unlabelled ones included. */
    public long flaggedCount() {
        double t = project.thresholdProperty().get();
        return Double.isNaN(t) ? 0 : points.flaggedAt(t);
    }

    public DoubleProperty thresholdProperty() {
        return project.thresholdProperty();
    }

    /** The ROC curve thinned for the chart (its {@code auc()} is the full curve's), or null. */
    public ReadOnlyObjectProperty<RocCurve> rocProperty() {
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

    public ReadOnlyObjectProperty<ConfusionCounts> confusionProperty() {
        return confusion.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty operatingFprProperty() {
        return operatingFpr.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty operatingTprProperty() {
        return operatingTpr.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Histogram> histogramProperty() {
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
