package org.ssaeinspector.model;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Trains an SSAE model on good images (method.md): corrupted inputs, clean targets, then
 * calibration on held-out good images and a threshold at the target false-reject rate.
 */
public final class SsaeTrainer {

    /**
     * Runs a training to the end of its budget, or until {@code cancelled} turns true; then the
     * model as of the last step is calibrated and returned (cancelled before the first step:
     * {@link java.util.concurrent.CancellationException}). Unreadable images are skipped and
     * listed in the result. Fails with a {@link org.ssaeinspector.util.UserFacingException} when
     * fewer than 2 usable images remain.
     */
    public TrainingResult train(List<Path> goodImages, TrainingSettings settings, TrainingListener listener,
                                BooleanSupplier cancelled) {
        throw new UnsupportedOperationException("in progress");
    }
}
