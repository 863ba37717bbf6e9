package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ssaeinspector.app.service.EngineService;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.app.service.Thumbnail;
import org.ssaeinspector.app.service.ThumbnailLoader;
import org.ssaeinspector.app.task.BackgroundRunner;
import org.ssaeinspector.app.task.Lane;
import org.ssaeinspector.line.FolderWatch;
import org.ssaeinspector.util.UserFacingException;

/**
 * The live view (issue 13): watches a folder with the engine's {@link FolderWatch} (the same
 * settling as the {@code watch} command), scores each file that has settled once, with the
 * project's current model and threshold, on the engine lane, and keeps the rows newest first,
 * the counters and the last flagged part.
 *
 * <p>Threads: the watching runs on its own daemon thread (it only waits for the folder); arrivals
 * go to the UI thread, where they wait in a queue; the queue is scored in batches of up to
 * {@link #ENGINE_BATCH} on {@link Lane#ENGINE}, one batch at a time. While paused, arrivals are
 * queued and not scored; {@link #stop()} ends the watching thread and drops results that come
 * after it. The files themselves are never moved or changed.
 */
public final class LiveViewModel {
    /** Images per engine call. */
    public static final int ENGINE_BATCH = 8;
    /** Rows kept (the oldest go; the counters keep counting). */
    public static final int MAX_ROWS = 500;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Path folder;
    private final EngineService engine;
    private final BackgroundRunner runner;
    private final Supplier<ModelHandle> model;
    private final DoubleSupplier threshold;
    private final FolderWatch watch;
    private final ThumbnailLoader thumbnails = new ThumbnailLoader(LiveRow.THUMBNAIL_SIDE);
    private final ThumbnailLoader large = new ThumbnailLoader(LiveRow.LARGE_SIDE);
    private final ObservableList<LiveRow> rows = FXCollections.observableArrayList();
    private final Deque<FolderWatch.Arrival> queue = new ArrayDeque<>();
    private final Deque<Long> recent = new ArrayDeque<>();
    private final ReadOnlyIntegerWrapper inspected = new ReadOnlyIntegerWrapper(this, "inspected");
    private final ReadOnlyIntegerWrapper flagged = new ReadOnlyIntegerWrapper(this, "flagged");
    private final ReadOnlyIntegerWrapper problems = new ReadOnlyIntegerWrapper(this, "problems");
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private final ReadOnlyIntegerWrapper perMinute = new ReadOnlyIntegerWrapper(this, "perMinute");
    private final ReadOnlyObjectWrapper<LiveRow> lastFlagged = new ReadOnlyObjectWrapper<>(this, "lastFlagged");
    private final ReadOnlyObjectWrapper<Thumbnail> lastFlaggedImage = new ReadOnlyObjectWrapper<>(this, "lastFlaggedImage");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper(this, "watching");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private volatile boolean stopped;
    private boolean scoring;
    private Thread watcher;

    /**
     * @param settle how long a file must stay unchanged before it is scored
     */
    public LiveViewModel(Path folder, EngineService engine, BackgroundRunner runner, Supplier<ModelHandle> model,
                         DoubleSupplier threshold, Duration settle) {
        this.folder = folder;
        this.engine = engine;
        this.runner = runner;
        this.model = model;
        this.threshold = threshold;
        this.watch = new FolderWatch(folder, Set.of(), Duration.ofMillis(100), Duration.ofSeconds(5), settle,
                problem -> runner.onUi(() -> message.set(problem)));
        paused.addListener((o, was, now) -> {
            if (!now) {
                pump();
            }
        });
    }

    /**
     * Starts watching (UI thread): the files already in the folder are scored first, then those
     * that arrive.
     *
     * @throws UserFacingException when the folder cannot be watched
     */
    public void start() {
        watch.open();
        watching.set(true);
        message.set("Watching " + folder);
        watcher = new Thread(this::watchLoop, "ssae-live-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watchLoop() {
        try {
            while (!stopped) {
                watch.step(a -> {
                    runner.onUi(() -> arrived(a));
                    return true;
                });
                watch.awaitChanges();
            }
        } catch (RuntimeException e) {
            runner.onUi(() -> {
                message.set("Watching stopped: " + e.getMessage());
                watching.set(false);
            });
        } finally {
            watch.close();
        }
    }

    private void arrived(FolderWatch.Arrival a) {
        if (stopped) {
            return;
        }
        queue.add(a);
        waiting.set(queue.size());
        pump();
    }

    /** Scores the next batch when nothing is being scored and the view is not paused. */
    private void pump() {
        if (stopped || scoring || paused.get() || queue.isEmpty()) {
            return;
        }
        ModelHandle m = model.get();
        if (m == null) {
            message.set("No model: open or train one; " + queue.size() + " image(s) wait.");
            return;
        }
        double t = threshold.getAsDouble();
        List<FolderWatch.Arrival> batch = new ArrayList<>();
        while (batch.size() < ENGINE_BATCH && !queue.isEmpty()) {
            batch.add(queue.poll());
        }
        scoring = true;
        runner.submit(Lane.ENGINE, "Live view: scoring " + batch.size() + " image(s)",
                ctx -> stopped ? List.<EngineService.ScoreAttempt>of()
                        : engine.scoreAll(m, batch.stream().map(FolderWatch.Arrival::path).toList()),
                attempts -> {
                    scoring = false;
                    // The engine may answer in another order (unreadable files first): match by path.
                    java.util.Map<Path, FolderWatch.Arrival> byPath = new java.util.HashMap<>();
                    batch.forEach(a -> byPath.put(a.path(), a));
                    for (EngineService.ScoreAttempt attempt : attempts) {
                        FolderWatch.Arrival a = byPath.get(attempt.path());
                        if (a != null && !stopped) {
                            add(a, attempt, t);
                        }
                    }
                    waiting.set(queue.size());
                    pump();
                },
                e -> {
                    scoring = false;
                    String problem = e.getMessage() != null ? e.getMessage() : e.toString();
                    for (FolderWatch.Arrival a : batch) {
                        if (!stopped) {
                            add(a, new EngineService.ScoreAttempt(a.path(), null, "not scored: " + problem), t);
                        }
                    }
                    waiting.set(queue.size());
                    pump();
                });
    }

    private void add(FolderWatch.Arrival a, EngineService.ScoreAttempt attempt, double t) {
        watch.finished(a.path(), a.state());
        LiveRow row = attempt.score() == null ? LiveRow.problem(a.path(), attempt.problem())
                : LiveRow.scored(a.path(), attempt.score().score(), t, MapPreview.of(attempt.score().map()));
        rows.add(0, row);
        if (rows.size() > MAX_ROWS) {
            rows.remove(MAX_ROWS, rows.size());
        }
        if (row.problem() != null) {
            problems.set(problems.get() + 1);
            return;
        }
        inspected.set(inspected.get() + 1);
        recent.add(System.nanoTime());
        tick();
        runner.submit(Lane.IO, "Thumbnail", ctx -> thumbnails.load(a.path()), row::setThumbnail, e -> { });
        if (row.flagged()) {
            flagged.set(flagged.get() + 1);
            lastFlagged.set(row);
            runner.submit(Lane.IO, "Last flagged part", ctx -> large.load(a.path()), img -> {
                if (lastFlagged.get() == row) {
                    lastFlaggedImage.set(img);
                }
            }, e -> { });
        }
    }

    /**
     * Every second (the view's timer): the rate, and the waiting files scored once a model is
     * there (files that arrived before the project had one).
     */
    public void refresh() {
        tick();
        pump();
    }

    private void tick() {
        long now = System.nanoTime();
        while (!recent.isEmpty() && now - recent.peekFirst() > MINUTE_NANOS) {
            recent.pollFirst();
        }
        perMinute.set(recent.size());
    }

    /** Stops watching and scoring (UI thread); queued images are dropped, the folder keeps them. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        queue.clear();
        waiting.set(0);
        watching.set(false);
        paused.set(false);
        message.set("Stopped watching " + folder);
        if (watcher != null) {
            watcher.interrupt();
        }
    }

    /** Whether the watching thread still runs (it ends soon after {@link #stop()}). */
    public boolean watcherAlive() {
        return watcher != null && watcher.isAlive();
    }

    public Path folder() {
        return folder;
    }

    /** Newest first. */
    public ObservableList<LiveRow> rows() {
        return rows;
    }

    /** Images scored. */
    public ReadOnlyIntegerProperty inspectedProperty() {
        return inspected.getReadOnlyProperty();
    }

    /** Of those, flagged. */
    public ReadOnlyIntegerProperty flaggedProperty() {
        return flagged.getReadOnlyProperty();
    }

    /** Files that could not be scored. */
    public ReadOnlyIntegerProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Settled files waiting to be scored (all of them while paused). */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** Images scored in the last minute. */
    public ReadOnlyIntegerProperty perMinuteProperty() {
        return perMinute.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LiveRow> lastFlaggedProperty() {
        return lastFlagged.getReadOnlyProperty();
    }

    /** The last flagged part at {@link LiveRow#LARGE_SIDE} px, once loaded. */
    public ReadOnlyObjectProperty<Thumbnail> lastFlaggedImageProperty() {
        return lastFlaggedImage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty watchingProperty() {
        return watching.getReadOnlyProperty();
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }
}
