package org.ssaeinspector.model;

import java.util.List;
import org.ssaeinspector.dataset.SkippedFile;

/**
 * The outcome of {@link SsaeTrainer#train}: a calibrated model (also after a cancel, when at
 * least one step was done), the files that were skipped and a summary.
 */
public record TrainingResult(SsaeModel model, List<SkippedFile> skipped, TrainingSummary summary) {
    public boolean cancelled() {
        return summary.cancelled();
    }
}
