package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ssaeinspector.app.service.EngineService;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.app.task.BackgroundRunner;
import org.ssaeinspector.app.task.Lane;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.evaluation.ModelComparison;
import org.ssaeinspector.evaluation.RocCurve;

/**
 * Compare before you switch (issue "Learning from the inspector's verdicts"): the project's test
 * images scored with the current model and with a candidate, each at its own threshold, the two
 * ROC curves, and the images whose verdict changes. The owner decides what happens to the
 * candidate ({@code onUse}, {@code onKeep}); this view model only measures.
 */
public final class ComparisonViewModel {
    public enum State { SCORING, READY, FAILED, DECIDED }

    /**
     * One model on the test images.
     *
     * @param threshold its own threshold
     * @param auroc     image AUROC on the labelled images (NaN without both labels)
     * @param tpr       share of the defective images flagged (NaN without any)
     * @param fpr       share of the good images flagged (NaN without any)
     * @param flagged   images flagged of {@code scored}
     * @param scored    images it could score
     * @param roc       its ROC curve on the labelled images (null without both labels)
     */
    public record Figures(double threshold, double auroc, double tpr, double fpr, int flagged, int scored, RocCurve roc) {
    }

    private final EngineService engine;
    private final BackgroundRunner runner;
    private final ModelHandle current;
    private final double currentThreshold;
    private final ModelHandle candidate;
    private final String candidateOrigin;
    private final List<ImageSample> samples;
    private final Runnable onUse;
    private final Runnable onKeep;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.SCORING);
    private final ReadOnlyObjectWrapper<Figures> currentFigures = new ReadOnlyObjectWrapper<>(this, "currentFigures");
    private final ReadOnlyObjectWrapper<Figures> candidateFigures = new ReadOnlyObjectWrapper<>(this, "candidateFigures");
    private final ObservableList<ModelComparison.VerdictChange> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /**
     * @param candidateOrigin how the candidate was made, in words (shown above the figures)
     * @param onUse           switches to the candidate (UI thread)
     * @param onKeep          keeps the current model and lets the candidate go (UI thread)
     */
    public ComparisonViewModel(Project project, EngineService engine, BackgroundRunner runner, ModelHandle candidate,
                               String candidateOrigin, Runnable onUse, Runnable onKeep) {
        this.engine = engine;
        this.runner = runner;
        this.current = project.model();
        this.currentThreshold = project.thresholdProperty().get();
        this.candidate = candidate;
        this.candidateOrigin = candidateOrigin;
        this.samples = project.items(ImageSet.TEST).stream().map(ImageItem::toSample).toList();
        this.onUse = onUse;
        this.onKeep = onKeep;
    }

    /** Scores the test images with both models on the engine lane (both: the same images, the same moment). */
    public void start() {
        List<Path> paths = samples.stream().map(ImageSample::path).toList();
        runner.submit(Lane.ENGINE, "Comparing models", ctx -> {
            double[] before = scores(engine.scoreAll(current, paths), paths);
            double[] after = scores(engine.scoreAll(candidate, paths), paths);
            return new double[][] {before, after};
        }, r -> {
            double candidateThreshold = candidate.header().threshold();
            currentFigures.set(figures(r[0], currentThreshold));
            candidateFigures.set(figures(r[1], candidateThreshold));
            changes.setAll(ModelComparison.changes(samples, r[0], currentThreshold, r[1], candidateThreshold));
            state.set(State.READY);
        }, e -> {
            error.set("Could not score the test images: " + Messages.describe(e));
            state.set(State.FAILED);
        });
    }

    /** Scores in the order of {@code paths}; NaN for an image that could not be scored. */
    private static double[] scores(List<EngineService.ScoreAttempt> attempts, List<Path> paths) {
        java.util.Map<Path, Double> byPath = new java.util.HashMap<>();
        for (EngineService.ScoreAttempt a : attempts) {
            byPath.put(a.path(), a.score() == null ? Double.NaN : a.score().score());
        }
        return paths.stream().mapToDouble(p -> byPath.getOrDefault(p, Double.NaN)).toArray();
    }

    private Figures figures(double[] scores, double threshold) {
        List<Double> labelled = new ArrayList<>();
        List<Boolean> defective = new ArrayList<>();
        int flagged = 0;
        int scored = 0;
        long tp = 0;
        long fp = 0;
        long positives = 0;
        long negatives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                continue;
            }
            scored++;
            boolean flag = scores[i] > threshold;
            flagged += flag ? 1 : 0;
            Label label = samples.get(i).label();
            if (label != Label.UNKNOWN) {
                boolean bad = label == Label.DEFECTIVE;
                labelled.add(scores[i]);
                defective.add(bad);
                positives += bad ? 1 : 0;
                negatives += bad ? 0 : 1;
                tp += bad && flag ? 1 : 0;
                fp += !bad && flag ? 1 : 0;
            }
        }
        RocCurve roc = null;
        if (positives > 0 && negatives > 0) {
            boolean[] pos = new boolean[defective.size()];
            for (int i = 0; i < pos.length; i++) {
                pos[i] = defective.get(i);
            }
            roc = RocCurve.of(labelled.stream().mapToDouble(Double::doubleValue).toArray(), pos);
        }
        return new Figures(threshold, roc == null ? Double.NaN : roc.auc(),
                positives == 0 ? Double.NaN : tp / (double) positives, negatives == 0 ? Double.NaN : fp / (double) negatives,
                flagged, scored, roc);
    }

    /** Switches to the candidate. */
    public void useCandidate() {
        if (state.get() != State.DECIDED) {
            state.set(State.DECIDED);
            onUse.run();
        }
    }

    /** Keeps the current model (also when the comparison is closed without a choice). */
    public void keepCurrent() {
        if (state.get() != State.DECIDED) {
            state.set(State.DECIDED);
            onKeep.run();
        }
    }

    public String candidateOrigin() {
        return candidateOrigin;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Figures> currentFiguresProperty() {
        return currentFigures.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Figures> candidateFiguresProperty() {
        return candidateFigures.getReadOnlyProperty();
    }

    public ObservableList<ModelComparison.VerdictChange> changes() {
        return changes;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
