package org.ssaeinspector.model;

/**
 * How a training run went (stored in the model header).
 *
 * @param settings       the settings it ran with
 * @param steps          optimisation steps done
 * @param epochs         epochs started
 * @param seconds        wall time of training
 * @param finalLoss      smoothed loss at the end
 * @param cancelled      true when the user stopped it early (the model is the last good state)
 * @param device         the device it ran on, in words
 */
public record TrainingSummary(TrainingSettings settings, long steps, int epochs, double seconds,
                              double finalLoss, boolean cancelled, String device) {
}
