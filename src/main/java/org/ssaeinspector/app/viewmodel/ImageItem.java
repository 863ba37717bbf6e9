package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;

/**
 * One image of the project as the gallery shows it: where it is, what is known about it (label
 * from its folder, or set by hand), and its score once scored. Thumbnails are not kept here
 * (they live in a bounded cache) so 10,000 items stay small.
 */
public final class ImageItem {
    private final Path path;
    private final String name;
    private final ImageSet set;
    private final Label folderLabel;
    private final String defectType;
    private final Optional<Path> mask;
    private final ObjectProperty<Label> manualLabel = new SimpleObjectProperty<>(this, "manualLabel");
    private final ReadOnlyObjectWrapper<Label> label = new ReadOnlyObjectWrapper<>(this, "label");
    private final ReadOnlyDoubleWrapper score = new ReadOnlyDoubleWrapper(this, "score", Double.NaN);
    private final ReadOnlyBooleanWrapper flagged = new ReadOnlyBooleanWrapper(this, "flagged");
    private final ReadOnlyObjectWrapper<MapPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private float[] pixelMap;

    public ImageItem(ImageSample sample, ImageSet set) {
        this.path = sample.path();
        this.name = sample.path().getFileName().toString();
        this.set = set;
        this.folderLabel = sample.label();
        this.defectType = sample.defectType();
        this.mask = sample.mask();
        label.set(folderLabel);
        manualLabel.addListener((o, a, b) -> label.set(b != null ? b : folderLabel));
    }

    public Path path() {
        return path;
    }

    public String name() {
        return name;
    }

    /**
     * The name with its folder, as the gallery captions it: MVTec names repeat across defect
     * folders (test/crack/000.png, test/good/000.png).
     */
    public String caption() {
        String folder = folderName();
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** The name of the folder the file is in ("" for none). */
    public String folderName() {
        Path parent = path.getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }

    public ImageSet set() {
        return set;
    }

    public Label folderLabel() {
        return folderLabel;
    }

    public String defectType() {
        return defectType;
    }

    public Optional<Path> mask() {
        return mask;
    }

    /** The label set by hand, or null to use the folder's. */
    public ObjectProperty<Label> manualLabelProperty() {
        return manualLabel;
    }

    /** The label in force: by hand if set, else from the folder. */
    public ReadOnlyObjectProperty<Label> labelProperty() {
        return label.getReadOnlyProperty();
    }

    public Label label() {
        return label.get();
    }

    public ReadOnlyDoubleProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    public double score() {
        return score.get();
    }

    public boolean isScored() {
        return !Double.isNaN(score.get());
    }

    public ReadOnlyBooleanProperty flaggedProperty() {
        return flagged.getReadOnlyProperty();
    }

    public boolean isFlagged() {
        return flagged.get();
    }

    public ReadOnlyObjectProperty<MapPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Map values at pixel-metric resolution, kept only for images with a known mask or label. */
    public float[] pixelMap() {
        return pixelMap;
    }

    void setScored(double value, MapPreview map, float[] pixels, double threshold) {
        problem.set(null);
        preview.set(map);
        pixelMap = pixels;
        score.set(value);
        flagged.set(value > threshold);
    }

    void setProblem(String message) {
        problem.set(message);
    }

    void clearScore() {
        score.set(Double.NaN);
        preview.set(null);
        pixelMap = null;
        flagged.set(false);
    }

    void judge(double threshold) {
        flagged.set(score.get() > threshold);
    }

    /** The sample this item was made from, with the label in force (for saving and reports). */
    public ImageSample toSample() {
        return new ImageSample(path, label(), defectType, mask);
    }

    @Override
    public String toString() {
        return name;
    }
}
