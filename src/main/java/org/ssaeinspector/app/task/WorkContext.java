package org.ssaeinspector.app.task;

/** What running work may use: progress reports, a cancel flag and a way back to the UI thread. */
public interface WorkContext {
    /** True once the user asked to stop; work stops at its next safe point. */
    boolean isCancelled();

    void updateProgress(double done, double total);

    void updateMessage(String message);

    /** Runs a short action on the UI thread (later, in order). */
    void ui(Runnable action);

    /**
     * True when other work waits for this job's lane. Long work may end early at a safe point
     * and submit the rest again, so that short jobs (a detail view) do not wait for all of it.
     */
    default boolean othersWaiting() {
        return false;
    }
}
