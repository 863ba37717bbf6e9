package org.ssaeinspector.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.evaluation.Thresholds;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.scoring.ResidualCalibration;
import org.ssaeinspector.scoring.ResidualMap;
import org.ssaeinspector.util.UserFacingException;

/**
 * Recalibrates a model with good images the inspector confirmed (seconds, no training): their
 * residuals join the calibration statistics as if they had been held out at training, their
 * out-of-sample scores join the held-out scores, and the threshold is drawn again at the model's
 * false-reject target by the training's rule. The network is the parent's. What this fixes is a
 * good part that looks a little different (new light, a new batch) and is flagged for it; what
 * the network never learned to reconstruct needs {@code train --from}.
 */
public final class Recalibration {
    /** Images decoded and prepared at a time: the full-resolution photo is dropped right after. */
    private static final int CHUNK = SsaeModel.INFERENCE_BATCH;

    /**
     * @param model    the recalibrated model (its own copy of the parent's network)
     * @param skipped  unreadable images, with the reason
     * @param added    images that joined the calibration
     * @param addedRejectedBefore how many of them the parent's threshold flagged
     * @param addedRejectedAfter  how many of them the new threshold flags (out of sample)
     */
    public record Outcome(SsaeModel model, List<SkippedFile> skipped, int added, int addedRejectedBefore,
                          int addedRejectedAfter) {
    }

    private Recalibration() {
    }

    /**
     * @param parent     the model to start from (left as it is)
     * @param parentFile its file, for the lineage's SHA-256; null when it was never saved
     * @param goodImages confirmed good images
     * @param cancelled  polled between chunks of images; a cancel throws {@link CancellationException}
     */
    public static Outcome recalibrate(SsaeModel parent, Path parentFile, List<Path> goodImages, Consumer<String> messages,
                                      BooleanSupplier cancelled) {
        ModelHeader h = parent.header();
        if (h.formatVersion() < 3) {
            throw new UserFacingException("this model was made by an older version (model format " + h.formatVersion()
                    + ") and cannot be recalibrated; train a new one");
        }
        List<SkippedFile> skipped = new ArrayList<>();
        List<Path> used = new ArrayList<>();
        List<ResidualMap> residuals = new ArrayList<>();
        double[] before = new double[goodImages.size()];
        int n = 0;
        for (int start = 0; start < goodImages.size(); start += CHUNK) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Recalibration was cancelled.");
            }
            List<FloatImage> prepared = new ArrayList<>();
            for (Path p : goodImages.subList(start, Math.min(goodImages.size(), start + CHUNK))) {
                try {
                    // Decoded as scoring decodes them, so the new statistics describe what scoring sees.
                    prepared.add(parent.prepare(ImageLoader.load(p, parent::decodeStep)));
                    used.add(p);
                } catch (ImageLoadException e) {
                    skipped.add(new SkippedFile(p, e.problem()));
                } catch (RuntimeException e) {
                    skipped.add(new SkippedFile(p, "unreadable image (" + e.getMessage() + ")"));
                }
            }
            for (ResidualMap r : parent.residuals(prepared)) {
                residuals.add(r);
                before[n++] = parent.calibration().anomalyMap(r, h.smoothingSigma()).max();
            }
            messages.accept("Scored " + (start + Math.min(CHUNK, goodImages.size() - start)) + " of " + goodImages.size()
                    + " images");
        }
        if (residuals.isEmpty()) {
            throw new UserFacingException("none of the " + goodImages.size() + " good image(s) could be read"
                    + (skipped.isEmpty() ? "" : " (first: " + skipped.get(0) + ")"));
        }
        int[] ref = h.geometry().referenceModelSize();
        double[] addedScores = new double[residuals.size()];
        ResidualCalibration calibration = parent.calibration().including(residuals, h.heldOutScores().size(), ref[0],
                ref[1], (cal, i) -> addedScores[i] = cal.anomalyMap(residuals.get(i), h.smoothingSigma()).max());
        List<Double> scores = new ArrayList<>(h.heldOutScores());
        for (double s : addedScores) {
            scores.add(s);
        }
        double threshold = Thresholds.calibrated(scores.stream().mapToDouble(Double::doubleValue).toArray(),
                h.targetFalseRejectRate());
        LineageStep step = new LineageStep(LineageStep.RECALIBRATED, parentFile == null ? null : DataFingerprint.sha256(parentFile),
                h.createdAt(), residuals.size(), DataFingerprint.of(used), Instant.now().toString());
        ModelHeader header = h.recalibrated(h.heldOutCount() + residuals.size(), scores, threshold, step, Instant.now().toString());
        int rejectedBefore = 0;
        int rejectedAfter = 0;
        for (int i = 0; i < residuals.size(); i++) {
            rejectedBefore += before[i] > h.threshold() ? 1 : 0;
            rejectedAfter += addedScores[i] > threshold ? 1 : 0;
        }
        SsaeModel model = ModelFile.withCalibration(parent, header, calibration);
        return new Outcome(model, List.copyOf(skipped), residuals.size(), rejectedBefore, rejectedAfter);
    }
}
