package org.ssaeinspector.model;

import java.time.Duration;

/**
 * A snapshot of a running training, delivered to a {@link TrainingListener} after each step.
 *
 * @param step     steps done so far
 * @param epoch    current epoch (1-based)
 * @param loss     loss of the last step
 * @param avgLoss  smoothed loss (exponential moving average), for charts
 * @param elapsed  wall time since the start of the first step
 * @param eta      estimated time left
 * @param fraction 0..1 of the planned work
 */
public record TrainingProgress(long step, int epoch, double loss, double avgLoss,
                               Duration elapsed, Duration eta, double fraction) {
}
