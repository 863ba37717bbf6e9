package org.ssaeinspector.app.service;

import java.util.List;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.model.TrainingSummary;

/**
 * A finished (or cancelled, with a usable state) training: the model, skipped files, a summary and
 * the training's notes for the user (held-out good images above the threshold, by name).
 */
public record TrainingOutcome(ModelHandle model, List<SkippedFile> skipped, TrainingSummary summary, List<String> notes) {
}
