package org.ssaeinspector.model;

/**
 * Receives training progress. Called on the training thread: a GUI hands the values to its
 * own thread (e.g. {@code Task.updateProgress}).
 */
public interface TrainingListener {
    void onProgress(TrainingProgress progress);

    /** A phase change or warning worth showing ("loading images", "calibrating"). */
    default void onMessage(String message) {
    }

    TrainingListener NONE = p -> { };
}
