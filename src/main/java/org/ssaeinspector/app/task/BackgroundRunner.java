package org.ssaeinspector.app.task;

import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * The one way the app runs work off the UI thread. The JavaFX implementation runs each job as a
 * {@code javafx.concurrent.Task}; the test double runs it at once on the calling thread, so view
 * models are tested without waiting.
 */
public interface BackgroundRunner {

    /**
     * Runs {@code work} on {@code lane}; {@code onSuccess} or {@code onFailure} then runs on the UI
     * thread. Work that stops because it was cancelled should throw
     * {@link java.util.concurrent.CancellationException}, which reaches {@code onFailure}.
     */
    <T> BackgroundJob submit(Lane lane, String title, Work<T> work, Consumer<? super T> onSuccess,
                             Consumer<Throwable> onFailure);

    /** Runs a short action on the UI thread. */
    void onUi(Runnable action);

    /** Jobs submitted and not yet finished (UI thread), for the status bar. */
    ObservableList<BackgroundJob> activeJobs();
}
