package org.ssaeinspector.model;

import java.util.List;
import java.util.Locale;
import org.ssaeinspector.scoring.ResidualMeasure;

/**
 * How a model's calibration and map smoothing were chosen (stored in the header, shown on the
 * wizard's last page and by {@code train}): every candidate measured on the held-out good images,
 * clean and with synthetic defects pasted in, and the one kept.
 *
 * @param calibration      the calibration kept ("per-pixel", "coarse" or "global")
 * @param smoothingSigma   the smoothing kept, in model pixels
 * @param heldOutImages    clean held-out good images measured
 * @param syntheticDefects held-out images with a synthetic defect measured
 * @param forcedBy         what fixed the calibration instead of the measurement ("kind object", ...), or null
 * @param candidates       the figures of every candidate, in the order tried
 * @param residual         the residual measure kept ({@link ResidualMeasure} id; "squared" in files that name none)
 */
public record CalibrationChoice(String calibration, double smoothingSigma, int heldOutImages, int syntheticDefects,
                                String forcedBy, List<Candidate> candidates, String residual) {

    public CalibrationChoice {
        residual = residual == null ? ResidualMeasure.SQUARED.id() : residual;
    }

    /**
     * One candidate's figures on held-out images: image AUROC of clean against synthetic-defect
     * images, pixel AUROC and AUPRO against the synthetic masks, the share of synthetic defects
     * flagged at the threshold this candidate would set, and the objective (mean of the three
     * areas) the choice maximises, for one residual measure ("squared" in files that name none).
     */
    public record Candidate(String calibration, double smoothingSigma, double imageAuroc, double pixelAuroc,
                            double aupro, double caughtAtThreshold, double objective, String residual) {
        public Candidate {
            residual = residual == null ? ResidualMeasure.SQUARED.id() : residual;
        }
    }

    /** The kept candidate's figures (null when none was measured). */
    public Candidate chosen() {
        for (Candidate c : candidates) {
            if (c.calibration.equals(calibration) && c.smoothingSigma == smoothingSigma && c.residual.equals(residual)) {
                return c;
            }
        }
        return null;
    }

    /** One line, e.g. for {@code train}'s output and the model panel. */
    public String describe() {
        Candidate c = chosen();
        String figures = c == null ? "" : String.format(Locale.ROOT,
                "; on %d held-out good images and %d synthetic defects: image AUROC %.3f, pixel AUROC %.3f, "
                        + "AUPRO %.3f, %.0f %% of the defects caught at the threshold",
                heldOutImages, syntheticDefects, c.imageAuroc, c.pixelAuroc, c.aupro, 100 * c.caughtAtThreshold);
        return String.format(Locale.ROOT, "residual %s, calibration %s, smoothing %.1f px (%s)%s", residual, calibration,
                smoothingSigma, forcedBy == null ? "measured" : "calibration set by " + forcedBy, figures);
    }
}
