package org.ssaeinspector.app.viewmodel;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.StringBinding;
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
 * demand (photo decoding on IO, the model's view on the engine lane; re-judging at a new
 * threshold on IO).
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

    /** Shown for a photo of another shape than the training photos (ScoredImage.pooledStatistics). */
    static final String ANOTHER_SHAPE = "This photo has another shape than the training photos, so the map compares "
            + "each place with the whole part's usual residuals, not that place's: it is inspected less closely. "
            + "Train with photos of this shape among the good ones to inspect it as closely.";

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
    /** What the user should know about how this image was scored (null: nothing). */
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ObjectProperty<Layer> layer = new SimpleObjectProperty<>(this, "layer", Layer.HEATMAP);
    private final BooleanProperty showMask = new SimpleBooleanProperty(this, "showMask", true);
    private final BooleanProperty showRegions = new SimpleBooleanProperty(this, "showRegions", true);
    /** Counts the images shown; work started for an earlier count is stale. Read by the lanes. */
    private final AtomicInteger generation = new AtomicInteger();

    public DetailViewModel(Project project, GalleryViewModel gallery, EngineService engine, BackgroundRunner runner) {
        this.project = project;
        this.gallery = gallery;
        this.engine = engine;
        this.runner = runner;
        item.addListener((o, a, b) -> load());
        project.thresholdProperty().addListener(o -> rejudge());
    }

    /**
     * Shows the photo as soon as it is decoded (IO lane), then the model's view of it (engine
     * lane). Each step supersedes the last: work for an image no longer shown is skipped
     * before it starts, and late results are dropped, so quick stepping leaves no queue.
     */
    private void load() {
        ImageItem current = item.get();
        int gen = generation.incrementAndGet();
        images.set(null);
        heat.set(null);
        regions.set(List.of());
        problem.set(null);
        notice.set(null);
        if (current == null) {
            loading.set(false);
            return;
        }
        gallery.selectedProperty().set(current);
        loading.set(true);
        ModelHandle model = project.model();
        runner.submit(Lane.IO, "Opening " + current.name(), ctx -> {
            skipIfSuperseded(gen);
            FloatImage photo = ImageLoader.load(current.path());
            int[] outline = current.mask().isPresent()
                    ? MaskOutline.load(current.mask().get(), photo.width(), photo.height()) : null;
            return new Photo(photo, new DetailImages(photo.width(), photo.height(), argb(photo.toBufferedImage()),
                    0, 0, null, null, outline));
        }, p -> {
            if (gen != generation.get()) {
                return;
            }
            images.set(p.images());
            if (model == null) {
                loading.set(false);
            } else {
                inspect(gen, current, p, model);
            }
        }, e -> failed(gen, e));
    }

    private void inspect(int gen, ImageItem current, Photo p, ModelHandle model) {
        double t = project.thresholdProperty().get();
        runner.submit(Lane.ENGINE, "Inspecting " + current.name(), ctx -> {
            skipIfSuperseded(gen);
            InspectionResult r = engine.inspect(model, current.path(), p.photo(), t);
            FloatImage recon = r.scored().reconstruction();
            AnomalyMap full = r.fullSizeMap();
            DetailImages d = p.images();
            return new Loaded(new DetailImages(d.width(), d.height(), d.original(), recon.width(), recon.height(),
                    argb(recon.toBufferedImage()), full, d.maskOutline()), heat(full, t), r.regions(),
                    r.scored().pooledStatistics());
        }, loaded -> {
            if (gen != generation.get()) {
                return;
            }
            loading.set(false);
            images.set(loaded.images());
            heat.set(loaded.heat());
            regions.set(loaded.regions());
            notice.set(loaded.pooledStatistics() ? ANOTHER_SHAPE : null);
            // The threshold may have moved while the engine worked.
            if (project.thresholdProperty().get() != t) {
                rejudge();
            }
        }, e -> failed(gen, e));
    }

    private void skipIfSuperseded(int gen) {
        if (gen != generation.get()) {
            throw new CancellationException("another image is shown");
        }
    }

    private void failed(int gen, Throwable e) {
        if (gen == generation.get() && !(e instanceof CancellationException)) {
            loading.set(false);
            problem.set(Messages.describe(e));
        }
    }

    /** The decoded photo (for the engine) and what can be shown of it already. */
    private record Photo(FloatImage photo, DetailImages images) {
    }

    /** New threshold: new regions and heat colours, computed off the UI thread. */
    private void rejudge() {
        DetailImages d = images.get();
        if (d == null || d.map() == null) {
            return;
        }
        int gen = generation.get();
        double t = project.thresholdProperty().get();
        runner.submit(Lane.IO, "Re-judging", ctx -> new Loaded(d, heat(d.map(), t),
                RegionFinder.find(d.map(), (float) t), false), loaded -> {
                    if (gen == generation.get()) {
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

    private record Loaded(DetailImages images, int[] heat, List<DefectRegion> regions, boolean pooledStatistics) {
    }

    private static int[] argb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** "3 / 16": where the shown image is in the gallery's current order (empty when not in it). */
    public StringBinding positionBinding() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            int i = item.get() == null ? -1 : gallery.visibleItems().indexOf(item.get());
            return i < 0 ? "" : (i + 1) + " / " + gallery.visibleItems().size();
        }, item, gallery.visibleItems());
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

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
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
