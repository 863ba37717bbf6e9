package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.ssaeinspector.app.service.EngineService;
import org.ssaeinspector.app.service.HeatmapService;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.app.service.ReportService;
import org.ssaeinspector.app.task.BackgroundRunner;
import org.ssaeinspector.app.task.Lane;
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
    private final ReportService reports;
    private final HeatmapService heatmaps;
    private final BackgroundRunner runner;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    public ExportViewModel(Project project, EngineService engine, ReportService reports, HeatmapService heatmaps,
                           BackgroundRunner runner) {
        this.project = project;
        this.engine = engine;
        this.reports = reports;
        this.heatmaps = heatmaps;
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
        List<ImageItem> items = chosen(scope);
        if (items.isEmpty()) {
            onError.accept(scope == Scope.FLAGGED ? "No image is flagged at this threshold." : "There are no test images.");
            return;
        }
        double t = project.thresholdProperty().get();
        Path folder = heatmapFolder(csv);
        running.set(true);
        runner.submit(Lane.ENGINE, "Exporting " + items.size() + " images", ctx -> {
            List<ReportService.Entry> entries = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            for (int k = 0; k < items.size(); k++) {
                if (ctx.isCancelled()) {
                    throw new java.util.concurrent.CancellationException();
                }
                ImageItem item = items.get(k);
                try {
                    FloatImage photo = ImageLoader.load(item.path());
                    InspectionResult r = engine.inspect(model, item.path(), photo, t);
                    if (withHeatmaps) {
                        heatmaps.writeOverlayPng(r, photo.toBufferedImage(), folder.resolve(pngName(item.path())));
                    }
                    // Keep only what the report needs: the maps of 10,000 images would not fit.
                    InspectionResult slim = new InspectionResult(r.path(), r.imageWidth(), r.imageHeight(), r.score(),
                            r.threshold(), r.regions(), null);
                    entries.add(new ReportService.Entry(slim, item.label(), item.defectType()));
                } catch (ImageLoadException e) {
                    unreadable.add(e.getMessage());
                }
                ctx.updateProgress(k + 1, items.size());
            }
            reports.writeCsv(csv, entries);
            return "Exported " + entries.size() + " images to " + csv.getFileName()
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

    static String pngName(Path image) {
        String n = image.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String parent = image.getParent() == null || image.getParent().getFileName() == null ? ""
                : image.getParent().getFileName() + "_";
        return parent + (dot > 0 ? n.substring(0, dot) : n) + "_heatmap.png";
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
