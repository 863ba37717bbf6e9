package org.ssaeinspector.model;

import java.util.List;
import org.ssaeinspector.evaluation.Thresholds;
import org.ssaeinspector.scoring.ResidualMeasure;

/**
 * The JSON header of a {@code .ssae} model file: what the network is, how it was trained, on
 * what, and how its scores are calibrated.
 *
 * @param formatVersion       file format version ({@link ModelFile#FORMAT_VERSION})
 * @param appVersion          version of SSAE Inspector that wrote the file
 * @param createdAt           ISO-8601 creation time
 * @param imageSize           model pixels along a typical photo's short side (format 1 and 2: the square side)
 * @param channels            1 (gray) or 3 (RGB)
 * @param width               U-Net base width
 * @param patch               pixels per side folded into channels at the network's input (1 in format 1 files)
 * @param kind                object or texture
 * @param calibration         "per-pixel" or "global": how residuals are standardised
 * @param residualBlurSigma   Gaussian sigma (pixels at imageSize) applied to input and reconstruction
 *                            before they are compared
 * @param smoothingSigma      Gaussian sigma (pixels at imageSize) applied to the standardised map
 * @param training            settings and outcome of the training run
 * @param dataFingerprint     SHA-256 over the training files' names and contents
 * @param trainImageCount     images trained on
 * @param heldOutCount        good images held out for calibration
 * @param heldOutScores       leave-one-out scores of the held-out good images
 * @param threshold           default threshold (score quantile at the target false-reject rate)
 * @param targetFalseRejectRate the rate the threshold was chosen for
 * @param geometry            how photos map onto the network (scale; format 3). Absent from format 1
 *                            and 2 files, whose models squash every photo to {@code imageSize} squared
 * @param calibrationChoice   how the calibration and smoothing were chosen, with the figures of every
 *                            candidate (format 3; null before)
 * @param dataTraits          what training read off the good images (their light) and did about it
 *                            (format 4; null before: images are used as they are)
 * @param lineage             the models this one was made from, oldest first (empty for a model trained
 *                            from scratch; older files have none)
 * @param residual            how an image and its reconstruction are compared ({@link ResidualMeasure}
 *                            id, measured at calibration time; format 5); absent before: "squared"
 */
public record ModelHeader(
        int formatVersion,
        String appVersion,
        String createdAt,
        int imageSize,
        int channels,
        int width,
        int patch,
        PartKind kind,
        String calibration,
        double residualBlurSigma,
        double smoothingSigma,
        TrainingSummary training,
        String dataFingerprint,
        int trainImageCount,
        int heldOutCount,
        List<Double> heldOutScores,
        double threshold,
        double targetFalseRejectRate,
        ImageGeometry geometry,
        CalibrationChoice calibrationChoice,
        DataTraits dataTraits,
        List<LineageStep> lineage,
        String residual) {

    public ModelHeader {
        residual = formatVersion < 5 ? ResidualMeasure.SQUARED.id() // before format 5: always the squared difference
                : ResidualMeasure.of(residual).id();
        lineage = lineage == null ? List.of() : List.copyOf(lineage);
        patch = patch == 0 ? 1 : patch; // format 1 files do not name it: their networks had none
        geometry = geometry == null ? ImageGeometry.squash(imageSize) : geometry;
        dataTraits = formatVersion < 4 ? null : dataTraits; // earlier formats used images as they are
    }

    /** How this model compares an image with its reconstruction. */
    public ResidualMeasure residualMeasure() {
        return ResidualMeasure.of(residual);
    }

    /**
     * The threshold the held-out good images give for another false-reject rate, by the rule
     * training uses ({@link Thresholds#calibrated}); the header's own threshold when it holds no
     * held-out scores.
     */
    public double thresholdFor(double falseRejectRate) {
        if (heldOutScores.isEmpty()) {
            return threshold;
        }
        return Thresholds.calibrated(heldOutScoreArray(), falseRejectRate);
    }

    /**
     * What drew this threshold from the held-out scores at the target rate, in words ("a normal
     * estimate ..."); empty when the threshold is not what the current rule draws from them (set
     * by hand, by an earlier rule) or there are no scores.
     */
    public java.util.Optional<String> thresholdBasis() {
        if (heldOutScores.isEmpty()) {
            return java.util.Optional.empty();
        }
        Thresholds.Calibrated c = Thresholds.calibratedWithBasis(heldOutScoreArray(), targetFalseRejectRate);
        return Math.abs(c.value() - threshold) <= 1e-6 * Math.max(1, Math.abs(threshold))
                ? java.util.Optional.of(c.basis()) : java.util.Optional.empty();
    }

    /** What {@link #thresholdFor} draws the threshold for another rate from, in words; empty without scores. */
    public java.util.Optional<String> thresholdBasisFor(double falseRejectRate) {
        return heldOutScores.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(Thresholds.calibratedWithBasis(heldOutScoreArray(), falseRejectRate).basis());
    }

    /** The held-out images' leave-one-out scores, in the held-out images' order. */
    public double[] heldOutScoreArray() {
        return heldOutScores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** How many held-out good images (their leave-one-out scores) a threshold would reject. */
    public int heldOutRejectedAt(double threshold) {
        int n = 0;
        for (double s : heldOutScores) {
            n += s > threshold ? 1 : 0;
        }
        return n;
    }

    public ModelHeader withThreshold(double newThreshold) {
        return new ModelHeader(formatVersion, appVersion, createdAt, imageSize, channels, width, patch, kind, calibration,
                residualBlurSigma, smoothingSigma, training, dataFingerprint, trainImageCount, heldOutCount, heldOutScores, newThreshold,
                targetFalseRejectRate, geometry, calibrationChoice, dataTraits, lineage, residual);
    }

    /**
     * The header of a model made from this one: the held-out figures and threshold replaced, one
     * lineage step appended, a new creation time.
     */
    public ModelHeader recalibrated(int newHeldOutCount, List<Double> newHeldOutScores, double newThreshold,
                                    LineageStep step, String now) {
        List<LineageStep> steps = new java.util.ArrayList<>(lineage);
        steps.add(step);
        return new ModelHeader(formatVersion, org.ssaeinspector.util.AppInfo.version(), now, imageSize, channels, width,
                patch, kind, calibration, residualBlurSigma, smoothingSigma, training, dataFingerprint, trainImageCount,
                newHeldOutCount, newHeldOutScores, newThreshold, targetFalseRejectRate, geometry, calibrationChoice,
                dataTraits, steps, residual);
    }
}
