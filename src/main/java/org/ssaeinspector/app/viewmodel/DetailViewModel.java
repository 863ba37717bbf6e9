package org.ssaeinspector.app.viewmodel;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ssaeinspector.app.service.EngineService;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.app.task.BackgroundRunner;
import org.ssaeinspector.app.task.Lane;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.scoring.DefectRegion;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.scoring.RegionFinder;

/**
 * One image in full: photo, reconstruction, heatmap, mask outline and defect regions, loaded on
 * demand (photo decoding and scoring on the engine lane; re-judging at a new threshold on IO).
 */
public final class DetailViewModel {
    /** What the main picture shows. */
    public enum Layer {
        INPUT("Input"), RECONSTRUCTION("Reconstruction"), HEATMAP("Heatmap");

        private final String title;

        Layer(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private final Project project;
    private final GalleryViewModel gallery;
    private final EngineService engine;
    private final BackgroundRunner runner;
    private final ObjectProperty<ImageItem> item = new SimpleObjectProperty<>(this, "item");
    private final ReadOnlyObjectWrapper<DetailImages> images = new ReadOnlyObjectWrapper<>(this, "images");
    private final ReadOnlyObjectWrapper<int[]> heat = new ReadOnlyObjectWrapper<>(this, "heat");
    private final ReadOnlyObjectWrapper<List<DefectRegion>> regions = new ReadOnlyObjectWrapper<>(this, "regions",
            List.of());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ObjectProperty<Layer> layer = new SimpleObjectProperty<>(this, "layer", Layer.HEATMAP);
    private final BooleanProperty showMask = new SimpleBooleanProperty(this, "showMask", true);
    private final BooleanProperty showRegions = new SimpleBooleanProperty(this, "showRegions", true);
    private int generation;

    public DetailViewModel(Project project, GalleryViewModel gallery, EngineService engine, BackgroundRunner runner) {
        this.project = project;
        this.gallery = gallery;
        this.engine = engine;
        this.runner = runner;
        item.addListener((o, a, b) -> load());
        project.thresholdProperty().addListener(o -> rejudge());
    }

    private void load() {
        ImageItem current = item.get();
        int gen = ++generation;
        images.set(null);
        heat.set(null);
        regions.set(List.of());
        problem.set(null);
        if (current == null) {
            loading.set(false);
            return;
        }
        gallery.selectedProperty().set(current);
        loading.set(true);
        ModelHandle model = project.model();
        double t = project.thresholdProperty().get();
        runner.submit(model == null ? Lane.IO : Lane.ENGINE, "Loading " + current.name(), ctx -> {
            FloatImage photo = ImageLoader.load(current.path());
            int w = photo.width();
            int h = photo.height();
            int[] original = argb(photo.toBufferedImage());
            int[] outline = current.mask().isPresent() ? MaskOutline.load(current.mask().get(), w, h) : null;
            if (model == null) {
                return new Loaded(new DetailImages(w, h, original, 0, 0, null, null, outline), null, List.of());
            }
            InspectionResult r = engine.inspect(model, current.path(), photo, t);
            FloatImage recon = r.scored().reconstruction();
            AnomalyMap full = r.fullSizeMap();
            return new Loaded(new DetailImages(w, h, original, recon.width(), recon.height(),
                    argb(recon.toBufferedImage()), full, outline), heat(full, t), r.regions());
        }, loaded -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            images.set(loaded.images());
            heat.set(loaded.heat());
            regions.set(loaded.regions());
        }, e -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            problem.set(Messages.describe(e));
        });
    }

    /** New threshold: new regions and heat colours, computed off the UI thread. */
    private void rejudge() {
        DetailImages d = images.get();
        if (d == null || d.map() == null) {
            return;
        }
        int gen = generation;
        double t = project.thresholdProperty().get();
        runner.submit(Lane.IO, "Re-judging", ctx -> new Loaded(d, heat(d.map(), t),
                RegionFinder.find(d.map(), (float) t)), loaded -> {
                    if (gen == generation) {
                        heat.set(loaded.heat());
                        regions.set(loaded.regions());
                    }
                }, e -> { });
    }

    /** Heatmap colours, or null when the threshold cannot anchor the scale. */
    private static int[] heat(AnomalyMap map, double threshold) {
        ColourScale scale = ColourScale.of(threshold);
        return scale == null ? null : scale.paint(map.values());
    }

    private record Loaded(DetailImages images, int[] heat, List<DefectRegion> regions) {
    }

    private static int[] argb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** Shows the next (+1) or previous (-1) image of the gallery's current order. */
    public boolean step(int direction) {
        ImageItem current = item.get();
        Optional<ImageItem> n = current == null ? Optional.empty() : gallery.next(current, direction);
        n.ifPresent(item::set);
        return n.isPresent();
    }

    /** Labels the shown image by hand. */
    public void mark(Label label) {
        ImageItem i = item.get();
        if (i != null) {
            project.setLabel(i, label);
        }
    }

    public ObjectProperty<ImageItem> itemProperty() {
        return item;
    }

    public ReadOnlyObjectProperty<DetailImages> imagesProperty() {
        return images.getReadOnlyProperty();
    }

    /** Heatmap colours (ARGB, original size) for the current threshold. */
    public ReadOnlyObjectProperty<int[]> heatProperty() {
        return heat.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<DefectRegion>> regionsProperty() {
        return regions.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObjectProperty<Layer> layerProperty() {
        return layer;
    }

    public BooleanProperty showMaskProperty() {
        return showMask;
    }

    public BooleanProperty showRegionsProperty() {
        return showRegions;
    }

    public Project project() {
        return project;
    }
}
