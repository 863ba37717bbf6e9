package org.ssaeinspector.app.viewmodel;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.ssaeinspector.dataset.Label;

/**
 * What the gallery shows: one image set, filtered and sorted, with the heatmap overlay settings.
 * Sorting sits below filtering, so moving the threshold only re-filters (one pass, no re-sort).
 */
public final class GalleryViewModel {
    private final Project project;
    private final ObjectProperty<ImageSet> shownSet = new SimpleObjectProperty<>(this, "shownSet", ImageSet.TEST);
    private final ObjectProperty<GalleryFilter> filter = new SimpleObjectProperty<>(this, "filter", GalleryFilter.ALL);
    private final ObjectProperty<GallerySort> sort = new SimpleObjectProperty<>(this, "sort", GallerySort.SCORE_DESC);
    private final DoubleProperty overlayOpacity = new SimpleDoubleProperty(this, "overlayOpacity", 0.6);
    private final BooleanProperty overlayVisible = new SimpleBooleanProperty(this, "overlayVisible", true);
    private final ObjectProperty<ImageItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final SortedList<ImageItem> sorted;
    private final FilteredList<ImageItem> visible;
    private final ObjectBinding<ColourScale> colourScale;

    public GalleryViewModel(Project project) {
        this.project = project;
        sorted = new SortedList<>(project.items(), sort.get().comparator());
        visible = new FilteredList<>(sorted);
        refilter();
        sort.addListener(o -> resort());
        filter.addListener(o -> refilter());
        shownSet.addListener(o -> refilter());
        project.thresholdProperty().addListener(o -> {
            if (filter.get().dependsOnThreshold()) {
                refilter();
            }
        });
        project.revisionProperty().addListener(o -> {
            if (sort.get() != GallerySort.NAME) {
                resort();
            }
            if (filter.get() != GalleryFilter.ALL) {
                refilter();
            }
        });
        colourScale = Bindings.createObjectBinding(() -> {
            return ColourScale.of(project.thresholdProperty().get());
        }, project.thresholdProperty());
    }

    private void resort() {
        sorted.setComparator(sort.get().comparator());
    }

    private void refilter() {
        ImageSet set = shownSet.get();
        GalleryFilter f = filter.get();
        visible.setPredicate(i -> i.set() == set && f.test(i));
    }

    /** The images on screen, in order. */
    public ObservableList<ImageItem> visibleItems() {
        return visible;
    }

    public Optional<ImageItem> next(ImageItem from, int step) {
        int i = visible.indexOf(from);
        if (i < 0) {
            return visible.isEmpty() ? Optional.empty() : Optional.of(visible.get(0));
        }
        int j = i + step;
        return j < 0 || j >= visible.size() ? Optional.empty() : Optional.of(visible.get(j));
    }

    /** Labels the image by hand (null puts back the folder's label). */
    public void markSelected(Label label) {
        ImageItem item = selected.get();
        if (item != null) {
            project.setLabel(item, label);
        }
    }

    /** Takes the selected image out of the project (the file stays); selects its neighbour. */
    public void removeSelected() {
        ImageItem item = selected.get();
        if (item == null) {
            return;
        }
        Optional<ImageItem> neighbour = next(item, 1).or(() -> next(item, -1));
        project.remove(java.util.List.of(item));
        selected.set(neighbour.orElse(null));
    }

    public ObjectProperty<ImageSet> shownSetProperty() {
        return shownSet;
    }

    public ObjectProperty<GalleryFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<GallerySort> sortProperty() {
        return sort;
    }

    public DoubleProperty overlayOpacityProperty() {
        return overlayOpacity;
    }

    public BooleanProperty overlayVisibleProperty() {
        return overlayVisible;
    }

    public ObjectProperty<ImageItem> selectedProperty() {
        return selected;
    }

    /** Heatmap colours for the current threshold; null before there is a model. */
    public ObservableValue<ColourScale> colourScaleProperty() {
        return colourScale;
    }

    public Project project() {
        return project;
    }
}
