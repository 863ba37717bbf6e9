package org.ssaeinspector.model;

import java.util.List;
import org.ssaeinspector.dataset.SkippedFile;

/**
 * The outcome of {@link SsaeTrainer#train}: a calibrated model (also after a cancel, when at
 * least one step was done), the files that were skipped, a summary, and notes the user should
 * act on (held-out good images that score above the threshold, by name).
 */
public record TrainingResult(SsaeModel model, List<SkippedFile> skipped, TrainingSummary summary, List<String> notes) {
    public boolean cancelled() {
        return summary.cancelled();
    }
}
