package org.ssaeinspector.app.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * Runs jobs as {@link Task}s: the engine lane on one dedicated thread (every DJL call of the app
 * happens there), the IO lane on a small pool. {@code Task} coalesces progress updates.
 */
public final class FxBackgroundRunner implements BackgroundRunner, AutoCloseable {
    /** One thread, and a queue the running job can look at ({@link WorkContext#othersWaiting()}). */
    private final ThreadPoolExecutor engine = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), daemon("ssae-engine"));
    private final ExecutorService io = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1)), daemon("ssae-io"));
    private final ObservableList<BackgroundJob> active = FXCollections.observableArrayList();

    @Override
    public <T> BackgroundJob submit(Lane lane, String title, Work<T> work, Consumer<? super T> onSuccess,
                                    Consumer<Throwable> onFailure) {
        JobState state = new JobState(title);
        JobTask<T> task = new JobTask<>(work, state,
                lane == Lane.ENGINE ? () -> !engine.getQueue().isEmpty() : () -> false);
        task.progressProperty().addListener((o, a, b) -> state.progress.set(b.doubleValue()));
        task.messageProperty().addListener((o, a, b) -> state.message.set(b));
        task.setOnSucceeded(e -> {
            finish(state);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish(state);
            onFailure.accept(task.getException());
        });
        onUi(() -> active.add(state));
        try {
            (lane == Lane.ENGINE ? engine : io).execute(task);
        } catch (RejectedExecutionException e) {
            // Shut down: the app is closing and nobody waits for this work.
            onUi(() -> finish(state));
        }
        return state;
    }

    private void finish(JobState state) {
        state.running.set(false);
        active.remove(state);
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public ObservableList<BackgroundJob> activeJobs() {
        return active;
    }

    /** Stops taking work and interrupts what runs (the threads are daemons either way). */
    @Override
    public void close() {
        engine.shutdownNow();
        io.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A Task that is also the context its work sees. */
    private static final class JobTask<T> extends Task<T> implements WorkContext {
        private final Work<T> work;
        private final JobState state;
        private final java.util.function.BooleanSupplier waiting;

        JobTask(Work<T> work, JobState state, java.util.function.BooleanSupplier waiting) {
            this.work = work;
            this.state = state;
            this.waiting = waiting;
        }

        @Override
        public boolean othersWaiting() {
            return waiting.getAsBoolean();
        }

        @Override
        protected T call() throws Exception {
            return work.run(this);
        }

        @Override
        public boolean isCancelled() {
            return state.isCancelRequested() || super.isCancelled();
        }

        @Override
        public void updateProgress(double done, double total) {
            super.updateProgress(done, total);
        }

        @Override
        public void updateMessage(String message) {
            super.updateMessage(message);
        }

        @Override
        public void ui(Runnable action) {
            Platform.runLater(action);
        }
    }
}
