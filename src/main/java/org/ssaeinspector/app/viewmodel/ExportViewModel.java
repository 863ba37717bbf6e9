package org.ssaeinspector.app.viewmodel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.ssaeinspector.app.service.EngineService;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.app.task.BackgroundRunner;
import org.ssaeinspector.app.task.Lane;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.export.CsvReport;
import org.ssaeinspector.export.HeatmapFiles;
import org.ssaeinspector.export.ReportRow;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.scoring.InspectionResult;

/**
 * Exports the test images (flagged ones, or all) to a CSV report with the command line's
 * columns, and optionally a heatmap PNG per image in a folder beside it.
 */
public final class ExportViewModel {
    /** Which images go into the report. */
    public enum Scope {
        FLAGGED("Flagged images only"), ALL("All test images");

        private final String title;

        Scope(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private final Project project;
    private final EngineService engine;
    private final GalleryViewModel gallery;
    private final BackgroundRunner runner;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    public ExportViewModel(Project project, EngineService engine, GalleryViewModel gallery, BackgroundRunner runner) {
        this.project = project;
        this.engine = engine;
        this.gallery = gallery;
        this.runner = runner;
    }

    /** The folder the heatmap PNGs go to: {@code <csv name>-heatmaps} beside the CSV. */
    public static Path heatmapFolder(Path csv) {
        String n = csv.getFileName() == null ? "report" : csv.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String folder = (dot > 0 ? n.substring(0, dot) : n) + "-heatmaps";
        return csv.getFileName() == null ? csv.resolve(folder) : csv.resolveSibling(folder);
    }

    public List<ImageItem> chosen(Scope scope) {
        return project.items(ImageSet.TEST).stream()
                .filter(i -> scope == Scope.ALL || i.isFlagged()).toList();
    }

    /**
     * Runs the export on the engine lane.
     *
     * @param onDone  a one-line summary for the status bar
     * @param onError a one-line message for an error dialog
     */
    public void export(Path csv, Scope scope, boolean withHeatmaps, Consumer<String> onDone, Consumer<String> onError) {
        ModelHandle model = project.model();
        if (model == null) {
            onError.accept("Open or train a model first: the report needs scores.");
            return;
        }
        // Labels are read here, on the UI thread: the user may relabel while the export runs.
        List<org.ssaeinspector.dataset.ImageSample> items = chosen(scope).stream().map(ImageItem::toSample).toList();
        if (items.isEmpty()) {
            onError.accept(scope == Scope.FLAGGED ? "No image is flagged at this threshold." : "There are no test images.");
            return;
        }
        double t = project.thresholdProperty().get();
        Path folder = heatmapFolder(csv);
        Path modelFile = project.modelFileProperty().get();
        // The heatmaps look as they do in the gallery: same opacity.
        double opacity = gallery.overlayOpacityProperty().get();
        running.set(true);
        runner.submit(Lane.ENGINE, "Exporting " + items.size() + " images", ctx -> {
            String modelSha = modelFile != null && Files.isRegularFile(modelFile) ? DataFingerprint.sha256(modelFile) : "";
            HeatmapFiles.Namer names = withHeatmaps ? new HeatmapFiles.Namer(folder) : null;
            List<ReportRow> rows = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            for (int k = 0; k < items.size(); k++) {
                if (ctx.isCancelled()) {
                    throw new java.util.concurrent.CancellationException();
                }
                org.ssaeinspector.dataset.ImageSample item = items.get(k);
                try {
                    FloatImage photo = ImageLoader.load(item.path());
                    InspectionResult r = engine.inspect(model, item.path(), photo, t);
                    Path png = null;
                    if (names != null && t > 0) {
                        png = names.next(item.path());
                        HeatmapFiles.writeOverlay(png, photo.toBufferedImage(), r.fullSizeMap(), t, opacity);
                    }
                    rows.add(ReportRow.scored(item, r, modelSha, png, "")); // r was judged against t
                } catch (ImageLoadException e) {
                    unreadable.add(e.getMessage());
                }
                ctx.updateProgress(k + 1, items.size());
            }
            CsvReport.write(csv, rows);
            return "Exported " + rows.size() + " images to " + csv.getFileName()
                    + (withHeatmaps ? " with heatmaps in " + folder.getFileName() : "")
                    + (unreadable.isEmpty() ? "." : "; " + unreadable.size() + " unreadable skipped.");
        }, msg -> {
            running.set(false);
            onDone.accept(msg);
        }, e -> {
            running.set(false);
            onError.accept("Export failed: " + Messages.describe(e));
        });
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
