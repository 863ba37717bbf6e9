package org.ssaeinspector.model;

import java.time.Duration;

/**
 * Receives calibrated snapshots of a model during training, at chosen training times (the
 * benchmark uses it to measure time-to-quality in one run). The training clock is paused while
 * the listener runs. The snapshot shares the training network: use it inside the call only and do
 * not close it.
 */
@FunctionalInterface
public interface CheckpointListener {
    void onCheckpoint(Duration trainingTime, long steps, SsaeModel snapshot);
}
