package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ssaeinspector.app.service.EngineService;
import org.ssaeinspector.app.service.ImageScore;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.app.task.BackgroundRunner;
import org.ssaeinspector.app.task.Lane;
import org.ssaeinspector.app.task.WorkContext;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.dataset.MaskLoader;
import org.ssaeinspector.evaluation.PixelMetrics;

/**
 * Scores images in the background on the engine lane and hands results to the project in
 * batches (a few per second), so the gallery fills in while the window stays responsive. Then
 * computes the pixel AUROC where ground-truth masks exist.
 */
public final class ScoringViewModel {
    /** Side of the maps kept for the pixel AUROC (only for images whose masks are known). */
    public static final int PIXEL_SIDE = 64;
    private static final long BATCH_NANOS = 250_000_000L;
    /** Images per engine call: the network scores them as one batch. */
    private static final int ENGINE_BATCH = 8;

    private final Project project;
    private final EngineService engine;
    private final BackgroundRunner runner;
    private final ThresholdViewModel threshold;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper lastMessage = new ReadOnlyStringWrapper(this, "lastMessage", "");
    private final java.util.concurrent.atomic.AtomicBoolean stopRequested = new java.util.concurrent.atomic.AtomicBoolean();
    private ImageSet rerun;

    public ScoringViewModel(Project project, EngineService engine, BackgroundRunner runner,
                            ThresholdViewModel threshold) {
        this.project = project;
        this.engine = engine;
        this.runner = runner;
        this.threshold = threshold;
    }

    /** True when there is a model and a readable image of the set without a score. */
    public boolean hasWork(ImageSet set) {
        return project.model() != null && !unscored(set).isEmpty();
    }

    /** The images of the set that scoring would take: no score yet, not known to be unreadable. */
    private List<ImageItem> unscored(ImageSet set) {
        return project.items(set).stream().filter(i -> !i.isScored() && i.problemProperty().get() == null).toList();
    }

    /**
     * Scores the images of {@code set} that have no score yet.
     *
     * @param onError receives a one-line message when scoring cannot start or fails as a whole
     */
    public void scoreUnscored(ImageSet set, Consumer<String> onError) {
        score(set, onError, new Run(0, 0, false, false));
    }

    /** Scores what is left of {@code set}; {@code before} counts what a yielded run already did. */
    private void score(ImageSet set, Consumer<String> onError, Run before) {
        ModelHandle model = project.model();
        if (model == null) {
            onError.accept("Open or train a model first.");
            return;
        }
        if (running.get()) {
            // New images arrived while scoring: score them when this run ends.
            rerun = set;
            return;
        }
        List<ImageItem> todo = unscored(set);
        if (todo.isEmpty()) {
            if (before.yielded()) {
                finish(before, onError);
            }
            return;
        }
        boolean masksKnown = project.items(ImageSet.TEST).stream().anyMatch(i -> i.mask().isPresent());
        running.set(true);
        stopRequested.set(false);
        runner.submit(Lane.ENGINE, "Scoring " + todo.size() + " images", ctx -> {
            List<Project.ScoredItem> batch = new ArrayList<>();
            long lastFlush = System.nanoTime();
            int done = 0;
            int failed = 0;
            boolean yielded = false;
            for (int start = 0; start < todo.size(); start += ENGINE_BATCH) {
                if (ctx.isCancelled() || stopRequested.get()) {
                    break;
                }
                // A short job (the detail view) waits for the engine: let it go first, go on after it.
                if (start > 0 && ctx.othersWaiting()) {
                    yielded = true;
                    break;
                }
                List<ImageItem> chunk = todo.subList(start, Math.min(todo.size(), start + ENGINE_BATCH));
                Map<Path, ImageItem> byPath = new HashMap<>();
                chunk.forEach(i -> byPath.put(i.path(), i));
                for (EngineService.ScoreAttempt a : engine.scoreAll(model, chunk.stream().map(ImageItem::path).toList())) {
                    ImageItem item = byPath.get(a.path());
                    if (a.score() == null) {
                        failed++;
                        ctx.ui(() -> item.setProblem(a.problem()));
                        continue;
                    }
                    ImageScore s = a.score();
                    boolean keepPixels = masksKnown && item.set() == ImageSet.TEST
                            && (item.mask().isPresent() || item.folderLabel() == Label.GOOD);
                    batch.add(new Project.ScoredItem(item, s.score(), MapPreview.of(s.map()),
                            keepPixels ? s.map().resize(PIXEL_SIDE, PIXEL_SIDE).values() : null));
                }
                done += chunk.size();
                ctx.updateProgress(done, todo.size());
                if (System.nanoTime() - lastFlush > BATCH_NANOS) {
                    flush(ctx, model, batch);
                    batch = new ArrayList<>();
                    lastFlush = System.nanoTime();
                }
            }
            flush(ctx, model, batch);
            return new Run(before.done() + done, before.failed() + failed,
                    ctx.isCancelled() || stopRequested.get(), yielded);
        }, run -> {
            running.set(false);
            if (run.yielded() && !run.stopped() && !stopRequested.get()) {
                score(set, onError, run);
            } else {
                finish(run, onError);
            }
        }, e -> {
            running.set(false);
            rerun = null;
            onError.accept("Scoring failed: " + Messages.describe(e));
        });
    }

    /** The end of a run, after all its yields: the message, the pixel AUROC, a queued set. */
    private void finish(Run run, Consumer<String> onError) {
        boolean stopped = run.stopped() || stopRequested.get();
        int scored = run.done() - run.failed();
        lastMessage.set("Scored " + scored + (scored == 1 ? " image" : " images")
                + (run.failed() > 0 ? ", " + run.failed() + " unreadable" : "")
                + (stopped ? " (stopped)" : "") + ".");
        updatePixelAuroc();
        ImageSet again = rerun;
        rerun = null;
        if (again != null && !stopped) {
            scoreUnscored(again, onError);
        }
    }

    private record Run(int done, int failed, boolean stopped, boolean yielded) {
    }

    private void flush(WorkContext ctx, ModelHandle model, List<Project.ScoredItem> batch) {
        if (batch.isEmpty()) {
            return;
        }
        ctx.ui(() -> {
            // A model swapped during scoring makes these scores stale.
            if (project.model() == model) {
                project.applyScores(batch);
            }
        });
    }

    public void cancel() {
        stopRequested.set(true);
    }

    /** Pixel AUROC over test images with known masks (and good ones, all normal), at 64 px. */
    public void updatePixelAuroc() {
        List<float[]> maps = new ArrayList<>();
        List<Path> masks = new ArrayList<>();
        boolean anyMask = false;
        for (ImageItem i : project.items(ImageSet.TEST)) {
            if (i.pixelMap() != null && (i.mask().isPresent() || i.folderLabel() == Label.GOOD)) {
                maps.add(i.pixelMap());
                masks.add(i.mask().orElse(null));
                anyMask |= i.mask().isPresent();
            }
        }
        if (!anyMask) {
            threshold.setPixelAuroc(Double.NaN);
            return;
        }
        runner.submit(Lane.IO, "Pixel AUROC", ctx -> {
            PixelMetrics pixels = new PixelMetrics();
            for (int i = 0; i < maps.size(); i++) {
                Path m = masks.get(i);
                pixels.add(maps.get(i), m == null ? new boolean[PIXEL_SIDE * PIXEL_SIDE]
                        : MaskLoader.load(m, PIXEL_SIDE, PIXEL_SIDE), PIXEL_SIDE, PIXEL_SIDE);
            }
            return pixels.pixelAuroc();
        }, threshold::setPixelAuroc, e -> threshold.setPixelAuroc(Double.NaN));
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastMessageProperty() {
        return lastMessage.getReadOnlyProperty();
    }
}
