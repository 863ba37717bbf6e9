package org.ssaeinspector.model;

import java.util.List;
import org.ssaeinspector.scoring.ResidualCalibration;

/**
 * Hard limits on what a model header may claim, checked before anything is allocated for it: a
 * hostile or damaged header must not size the network, the calibration grid or the scoring
 * buffers. The limits are the ones training itself keeps ({@link TrainingSettings}).
 */
final class ModelHeaderCheck {
    /** Largest photo side a geometry may refer to (photos are decoded well below this anyway). */
    static final int MAX_PHOTO_SIDE = 1 << 17;
    /** Largest side of the reference photo at the model's scale: wide line scans, 16 squares of 1024. */
    static final int MAX_MODEL_SIDE = 16 * TrainingSettings.MAX_IMAGE_SIZE;
    static final double MAX_SIGMA = 64;
    static final int MAX_HELD_OUT = 1_000_000;

    private ModelHeaderCheck() {
    }

    /** The first problem found, in words, or null when the header is within every limit. */
    static String problem(ModelHeader h) {
        if (h.channels() != 1 && h.channels() != 3) {
            return "channels must be 1 or 3, was " + h.channels();
        }
        if (h.width() < 4 || h.width() > TrainingSettings.MAX_WIDTH) {
            return "network width must be from 4 to " + TrainingSettings.MAX_WIDTH + ", was " + h.width();
        }
        if (h.patch() != 1 && h.patch() != 2 && h.patch() != 4) {
            return "patch must be 1, 2 or 4, was " + h.patch();
        }
        int multiple = UNetBlock.sideMultiple(h.patch());
        if (h.imageSize() < 32 || h.imageSize() > TrainingSettings.MAX_IMAGE_SIZE || h.imageSize() % multiple != 0) {
            return "model side must be a multiple of " + multiple + " from 32 to " + TrainingSettings.MAX_IMAGE_SIZE
                    + ", was " + h.imageSize();
        }
        if (h.kind() == null) {
            return "no part kind";
        }
        try {
            ResidualCalibration.Mode.of(h.calibration());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!sigma(h.residualBlurSigma()) || !sigma(h.smoothingSigma())) {
            return "blur and smoothing sigmas must be from 0 to " + MAX_SIGMA + ", were " + h.residualBlurSigma()
                    + " and " + h.smoothingSigma();
        }
        if (!Double.isFinite(h.threshold())) {
            return "threshold must be a finite number, was " + h.threshold();
        }
        if (!(h.targetFalseRejectRate() >= 0 && h.targetFalseRejectRate() <= 1)) {
            return "false-reject rate must be from 0 to 1, was " + h.targetFalseRejectRate();
        }
        if (h.training() == null || h.training().settings() == null) {
            return "no training settings";
        }
        if (h.trainImageCount() < 0 || h.heldOutCount() < 0 || h.heldOutCount() > MAX_HELD_OUT) {
            return "image counts out of range";
        }
        String scores = heldOutScoresProblem(h.heldOutScores());
        return scores != null ? scores : geometryProblem(h);
    }

    private static String heldOutScoresProblem(List<Double> scores) {
        if (scores == null) {
            return null;
        }
        if (scores.size() > MAX_HELD_OUT) {
            return "too many held-out scores (" + scores.size() + ")";
        }
        for (Double s : scores) {
            if (s == null || !Double.isFinite(s)) {
                return "held-out scores must be finite numbers, one was " + s;
            }
        }
        return null;
    }

    private static String geometryProblem(ModelHeader h) {
        ImageGeometry g = h.geometry();
        if (g.scale() > TrainingSettings.MAX_SCALE) {
            return "scale must be at most " + TrainingSettings.MAX_SCALE + ", was " + g.scale();
        }
        if (g.squareSide() != h.imageSize()) {
            return "geometry side " + g.squareSide() + " differs from the model side " + h.imageSize();
        }
        if (g.referenceWidth() < 1 || g.referenceHeight() < 1 || g.referenceWidth() > MAX_PHOTO_SIDE
                || g.referenceHeight() > MAX_PHOTO_SIDE) {
            return "reference photo size " + g.referenceWidth() + " x " + g.referenceHeight() + " out of range";
        }
        int[] m = g.referenceModelSize();
        if (m[0] > MAX_MODEL_SIDE || m[1] > MAX_MODEL_SIDE || (long) m[0] * m[1] > ResidualCalibration.MAX_GRID_CELLS) {
            return "the reference photo at the model's scale (" + m[0] + " x " + m[1] + ") is too large";
        }
        return null;
    }

    private static boolean sigma(double s) {
        return s >= 0 && s <= MAX_SIGMA;
    }
}
