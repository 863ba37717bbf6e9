package org.ssaeinspector.model;

import ai.djl.training.tracker.Tracker;
import java.util.function.DoubleSupplier;

/**
 * Learning rate as a function of training progress (0..1) rather than of the step count, so a
 * time-budgeted run whose number of steps is unknown still gets a full warm-up + cosine schedule.
 */
final class ProgressScheduledRate implements Tracker {
    private static final double WARM_UP = 0.03;
    private static final double FINAL_FACTOR = 0.02;

    private final float peak;
    private final DoubleSupplier progress;

    ProgressScheduledRate(float peak, DoubleSupplier progress) {
        this.peak = peak;
        this.progress = progress;
    }

    @Override
    public float getNewValue(int numUpdate) {
        double p = Math.min(1.0, Math.max(0.0, progress.getAsDouble()));
        if (p < WARM_UP) {
            return (float) (peak * (0.1 + 0.9 * p / WARM_UP));
        }
        double t = (p - WARM_UP) / (1 - WARM_UP);
        double cos = 0.5 * (1 + Math.cos(Math.PI * t));
        return (float) (peak * (FINAL_FACTOR + (1 - FINAL_FACTOR) * cos));
    }
}
