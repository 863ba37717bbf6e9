package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;

/**
 * The open project: good training images, test images, the model and the threshold. All
 * changes happen on the UI thread. {@link #revisionProperty()} counts changes to scores, labels
 * and membership, so the threshold panel knows when to rebuild its statistics.
 */
public final class Project {
    private final ObservableList<ImageItem> items = FXCollections.observableArrayList();
    private final Set<Path> trainingPaths = new HashSet<>();
    private final Set<Path> testPaths = new HashSet<>();
    private final ReadOnlyObjectWrapper<ModelHandle> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ObjectProperty<Path> modelFile = new SimpleObjectProperty<>(this, "modelFile");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty name = new SimpleStringProperty(this, "name", "Untitled");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", Double.NaN);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyIntegerWrapper trainingCount = new ReadOnlyIntegerWrapper(this, "trainingCount");
    private final ReadOnlyIntegerWrapper testCount = new ReadOnlyIntegerWrapper(this, "testCount");
    private final ReadOnlyIntegerWrapper scoredTestCount = new ReadOnlyIntegerWrapper(this, "scoredTestCount");
    private final ReadOnlyIntegerWrapper flaggedTestCount = new ReadOnlyIntegerWrapper(this, "flaggedTestCount");
    private final InvalidationListener labelChanged = o -> changed();

    /** Scored items sorted by score, so a threshold move re-judges only the items it passes. */
    private ImageItem[] byScore;
    private double[] sortedScores;
    private double judgedAt = Double.NaN;

    public Project() {
        threshold.addListener(o -> judge());
    }

    public ObservableList<ImageItem> items() {
        return items;
    }

    public List<ImageItem> items(ImageSet set) {
        List<ImageItem> out = new ArrayList<>();
        for (ImageItem i : items) {
            if (i.set() == set) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Adds samples to a set, skipping files already in it.
     *
     * @return the number added
     */
    public int add(Collection<ImageSample> samples, ImageSet set) {
        Set<Path> known = paths(set);
        List<ImageItem> added = new ArrayList<>();
        for (ImageSample s : samples) {
            if (known.add(key(s.path()))) {
                ImageItem item = new ImageItem(s, set);
                item.labelProperty().addListener(labelChanged);
                added.add(item);
            }
        }
        if (!added.isEmpty()) {
            invalidateIndex();
            items.addAll(added);
            recount();
            changed();
        }
        return added.size();
    }

    public void remove(Collection<ImageItem> toRemove) {
        for (ImageItem i : toRemove) {
            paths(i.set()).remove(key(i.path()));
            i.labelProperty().removeListener(labelChanged);
        }
        invalidateIndex();
        items.removeAll(new HashSet<>(toRemove));
        recount();
        changed();
    }

    /**
     * Puts back items taken out by {@link #remove} (undo), with their labels; with their scores
     * (judged at today's threshold) when {@code keepScores}, else unscored. An item whose file was
     * added to its set again meanwhile is not doubled.
     *
     * @return the items put back
     */
    public List<ImageItem> restore(Collection<ImageItem> back, boolean keepScores) {
        List<ImageItem> restored = new ArrayList<>();
        for (ImageItem i : back) {
            if (paths(i.set()).add(key(i.path()))) {
                i.labelProperty().addListener(labelChanged);
                if (!keepScores) {
                    i.clearScore();
                }
                restored.add(i);
            }
        }
        if (!restored.isEmpty()) {
            invalidateIndex();
            items.addAll(restored);
            judgeAll();
            recount();
            changed();
        }
        return restored;
    }

    /** The files of a set, by {@link #key}: a file is in a set once. */
    private Set<Path> paths(ImageSet set) {
        return set == ImageSet.TRAINING ? trainingPaths : testPaths;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Empties the project (the caller closes the old model on the engine lane). */
    public void clear() {
        remove(new ArrayList<>(items));
        model.set(null);
        modelFile.set(null);
        file.set(null);
        name.set("Untitled");
        threshold.set(Double.NaN);
        dirty.set(false);
    }

    /** Sets the model; scores of the previous model no longer apply and are cleared. */
    public void setModel(ModelHandle handle, Path fromFile, double newThreshold) {
        for (ImageItem i : items) {
            i.clearScore();
        }
        invalidateIndex();
        model.set(handle);
        modelFile.set(fromFile);
        threshold.set(newThreshold);
        recount();
        changed();
    }

    /** Stores a batch of scores (one revision for the whole batch). */
    public void applyScores(List<ScoredItem> scored) {
        double t = threshold.get();
        for (ScoredItem s : scored) {
            s.item().setScored(s.score(), s.preview(), s.pixelMap(), t);
        }
        invalidateIndex();
        recount();
        revision.set(revision.get() + 1);
    }

    /** Test images the inspector labelled good by hand: the confirmed good parts (issue "Learning from the inspector's verdicts"). */
    public List<java.nio.file.Path> confirmedGood() {
        return items(ImageSet.TEST).stream().filter(i -> i.manualLabelProperty().get() == Label.GOOD)
                .map(ImageItem::path).toList();
    }

    public void setLabel(ImageItem item, Label label) {
        item.manualLabelProperty().set(label == item.folderLabel() ? null : label);
    }

    /** One scored image, ready to store. */
    public record ScoredItem(ImageItem item, double score, MapPreview preview, float[] pixelMap) {
    }

    private void judge() {
        double t = threshold.get();
        if (byScore == null || Double.isNaN(t) || Double.isNaN(judgedAt)) {
            judgeAll();
        } else {
            // Only scores between the old and the new threshold change their verdict.
            double lo = Math.min(judgedAt, t);
            double hi = Math.max(judgedAt, t);
            int from = firstAbove(lo);
            int to = firstAbove(hi);
            int delta = 0;
            for (int k = from; k < to; k++) {
                ImageItem i = byScore[k];
                boolean was = i.isFlagged();
                i.judge(t);
                if (i.set() == ImageSet.TEST && was != i.isFlagged()) {
                    delta += i.isFlagged() ? 1 : -1;
                }
            }
            flaggedTestCount.set(flaggedTestCount.get() + delta);
            judgedAt = t;
        }
        dirty.set(true);
    }

    private void judgeAll() {
        double t = threshold.get();
        int flagged = 0;
        for (ImageItem i : items) {
            i.judge(t);
            if (i.set() == ImageSet.TEST && i.isFlagged()) {
                flagged++;
            }
        }
        flaggedTestCount.set(flagged);
        indexScores();
        judgedAt = t;
    }

    private void indexScores() {
        byScore = items.stream().filter(ImageItem::isScored)
                .sorted(java.util.Comparator.comparingDouble(ImageItem::score)).toArray(ImageItem[]::new);
        sortedScores = new double[byScore.length];
        for (int k = 0; k < byScore.length; k++) {
            sortedScores[k] = byScore[k].score();
        }
    }

    /** Index of the first sorted score strictly above {@code v}. */
    private int firstAbove(double v) {
        int lo = 0;
        int hi = sortedScores.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedScores[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void invalidateIndex() {
        byScore = null;
        judgedAt = Double.NaN;
    }

    private void recount() {
        int train = 0;
        int test = 0;
        int scored = 0;
        int flagged = 0;
        for (ImageItem i : items) {
            if (i.set() == ImageSet.TRAINING) {
                train++;
            } else {
                test++;
                scored += i.isScored() ? 1 : 0;
                flagged += i.isFlagged() ? 1 : 0;
            }
        }
        trainingCount.set(train);
        testCount.set(test);
        scoredTestCount.set(scored);
        flaggedTestCount.set(flagged);
    }

    private void changed() {
        dirty.set(true);
        revision.set(revision.get() + 1);
    }

    public ReadOnlyObjectProperty<ModelHandle> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ModelHandle model() {
        return model.get();
    }

    public ObjectProperty<Path> modelFileProperty() {
        return modelFile;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty trainingCountProperty() {
        return trainingCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty testCountProperty() {
        return testCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty scoredTestCountProperty() {
        return scoredTestCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty flaggedTestCountProperty() {
        return flaggedTestCount.getReadOnlyProperty();
    }
}
