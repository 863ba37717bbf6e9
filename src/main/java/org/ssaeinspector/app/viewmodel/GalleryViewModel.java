package org.ssaeinspector.app.viewmodel;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.ssaeinspector.app.service.ModelHandle;
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
    private final ReadOnlyObjectWrapper<Removal> lastRemoval = new ReadOnlyObjectWrapper<>(this, "lastRemoval");
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

    /**
     * Takes the selected image out of the project (the file stays); selects its neighbour. The
     * removal can be undone ({@link #undoRemove}) until the next one, or until the project closes.
     */
    public void removeSelected() {
        ImageItem item = selected.get();
        if (item == null) {
            return;
        }
        Optional<ImageItem> neighbour = next(item, 1).or(() -> next(item, -1));
        project.remove(List.of(item));
        selected.set(neighbour.orElse(null));
        lastRemoval.set(new Removal(List.of(item), project.model()));
    }

    /**
     * Puts the images of the last removal back, selected; their scores stay when the model that
     * gave them is still in use (else they are scored again).
     *
     * @return the images put back, none when there was nothing to undo
     */
    public List<ImageItem> undoRemove() {
        Removal r = lastRemoval.get();
        if (r == null) {
            return List.of();
        }
        lastRemoval.set(null);
        List<ImageItem> back = project.restore(r.items(), r.model() == project.model());
        if (!back.isEmpty()) {
            selected.set(back.get(0));
        }
        return back;
    }

    /** Drops the undo (the project it belonged to is closed). */
    public void forgetRemoval() {
        lastRemoval.set(null);
    }

    /** The last removal that can be undone, or null. */
    public ReadOnlyObjectProperty<Removal> lastRemovalProperty() {
        return lastRemoval.getReadOnlyProperty();
    }

    /** Images taken out of the project together, and the model in use then. */
    public record Removal(List<ImageItem> items, ModelHandle model) {
        /** "hole/003.png", or "3 images". */
        public String describe() {
            return items.size() == 1 ? items.get(0).caption() : items.size() + " images";
        }
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
