package org.ssaeinspector.model;

import java.nio.file.Path;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.util.UserFacingException;

/**
 * Where a continued training ({@code train --from}) starts: the parent's network, and what of the
 * parent the new model must keep to go on from it (network shape, scale, light handling).
 *
 * @param parent       the parent's header
 * @param parameters   the parent's network parameters
 * @param parentSha256 SHA-256 of the parent's file; null when it was never saved
 */
public record TrainingStart(ModelHeader parent, byte[] parameters, String parentSha256) {
    /**
     * Peak learning rate of a continued training, as a share of the parent's: the network is
     * already near a good solution, and a full-size warm-up would throw part of it away.
     */
    static final double LEARNING_RATE_SHARE = 0.5;

    /** @param parentFile the parent's file, or null when it was never saved */
    public static TrainingStart of(SsaeModel parent, Path parentFile) {
        ModelHeader h = parent.header();
        if (h.formatVersion() < 3) {
            throw new UserFacingException("this model was made by an older version (model format " + h.formatVersion()
                    + ") and cannot be trained further; train a new one");
        }
        return new TrainingStart(h, parent.parameterBytes(), parentFile == null ? null : DataFingerprint.sha256(parentFile));
    }

    /**
     * The settings of the continued training: the network's shape, scale and kind are the
     * parent's; the budget, seed and device are the caller's; the learning rate a share of the
     * parent's ({@link #LEARNING_RATE_SHARE}).
     */
    public TrainingSettings settingsFrom(TrainingSettings asked) {
        TrainingSettings p = parent.training().settings();
        TrainingSettings s = asked.withImageSize(parent.imageSize()).withWidth(parent.width()).withPatch(parent.patch())
                .withKind(parent.kind()).withBatchSize(p.batchSize()).withCropSize(p.cropSide())
                .withTargetFalseRejectRate(parent.targetFalseRejectRate())
                .withLearningRate(p.learningRate() * LEARNING_RATE_SHARE);
        return parent.geometry().squashes() ? s : s.withScale(parent.geometry().scale());
    }
}
