package org.ssaeinspector.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.ssaeinspector.evaluation.Auroc;
import org.ssaeinspector.evaluation.PixelMetrics;
import org.ssaeinspector.evaluation.Thresholds;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.scoring.ResidualCalibration;
import org.ssaeinspector.scoring.ResidualMap;
import org.ssaeinspector.scoring.ResidualMeasure;

/**
 * Chooses a model's calibration (per pixel, coarse grid, global) and map smoothing from the data,
 * without real defects: the held-out good images are scored clean and with faint synthetic
 * defects pasted in (the training corruptions at 0.5-20 % of the image, blended in at 20-60 %
 * opacity), each out of sample (the
 * calibration left out the image's clean self), and the candidate that separates them best (mean
 * of image AUROC, pixel AUROC and AUPRO) is kept; among candidates of its calibration within
 * {@link #TIE_TOLERANCE} of it, the one with the most smoothing.
 */
final class CalibrationChooser {
    /** Candidate smoothing sigmas, in model pixels at a 128-px short side. */
    static final double[] SMOOTHING_AT_128 = {1, 2, 4, 6};
    /** Synthetic defects wanted in all; small held-out sets get several per image (up to 4). */
    static final int SYNTHETIC_WANTED = 40;
    /** Objectives closer than this to the best count as a tie (noise of a few dozen held-out images). */
    static final double TIE_TOLERANCE = 0.005;
    static final double MIN_DEFECT_COVERAGE = 0.005;
    static final double MAX_DEFECT_COVERAGE = 0.2;
    /**
     * Synthetic defects are blended in faintly: at full opacity the network, trained to repair
     * exactly such corruptions, leaves crisp residuals that favour the least smoothing, while
     * real defects leave weaker, patchier ones (measured, docs/method.md).
     */
    static final double MIN_DEFECT_OPACITY = 0.2;
    static final double MAX_DEFECT_OPACITY = 0.6;

    /** The choice, and what it implies for the threshold. */
    record Outcome(ResidualMeasure measure, ResidualCalibration.Mode mode, double sigma, double[] heldOutScores,
                   List<ResidualMap> heldOutResiduals, CalibrationChoice choice) {
    }

    /**
     * The network's side of the measurement: its reconstructions of images at the model's scale,
     * compared with them by each candidate residual measure.
     *
     * @param reconstruct the network's reconstructions of a list of images at the model's scale
     * @param measures    candidate residual measures, in order of preference (ties keep the earlier)
     * @param blurSigma   the squared residual's blur ({@link ResidualMeasure#residual})
     */
    record Residuals(Function<List<FloatImage>, List<FloatImage>> reconstruct, List<ResidualMeasure> measures,
                     double blurSigma) {

        /** For each measure, the residual maps of the images. */
        List<List<ResidualMap>> of(List<FloatImage> images) {
            List<FloatImage> recon = reconstruct.apply(images);
            List<List<ResidualMap>> out = new ArrayList<>();
            for (ResidualMeasure m : measures) {
                List<ResidualMap> maps = new ArrayList<>(images.size());
                for (int i = 0; i < images.size(); i++) {
                    maps.add(m.residual(images.get(i), recon.get(i), blurSigma));
                }
                out.add(maps);
            }
            return out;
        }
    }

    private CalibrationChooser() {
    }

    /**
     * @param heldOut   held-out good images at the model's scale (3 or more for a real measurement)
     * @param residuals the model's raw residual maps of a list of images at the model's scale
     * @param refWidth  the reference photo at the model's scale (the calibration grid)
     * @param modes     candidate calibrations, in order of preference (ties keep the earlier)
     * @param sideAt128 the model's short side over 128: scales the candidate sigmas
     */
    static Outcome choose(List<FloatImage> heldOut, Residuals residuals,
                          int refWidth, int refHeight, List<ResidualCalibration.Mode> modes, double sideAt128,
                          double falseRejectRate, String forcedBy, long seed) {
        return choose(heldOut, residuals, refWidth, refHeight, modes, sideAt128, falseRejectRate, forcedBy, seed,
                MIN_DEFECT_COVERAGE, MAX_DEFECT_COVERAGE, MIN_DEFECT_OPACITY, MAX_DEFECT_OPACITY);
    }

    /** As above, with synthetic defects covering between {@code minCoverage} and {@code maxCoverage} of an image. */
    static Outcome choose(List<FloatImage> heldOut, Residuals residuals,
                          int refWidth, int refHeight, List<ResidualCalibration.Mode> modes, double sideAt128,
                          double falseRejectRate, String forcedBy, long seed, double minCoverage, double maxCoverage,
                          double minOpacity, double maxOpacity) {
        List<List<ResidualMap>> cleanByMeasure = residuals.of(heldOut);
        int n = heldOut.size();
        if (n < 3) {
            // Too few to measure anything out of sample: the first candidate, the most smoothing.
            ResidualMeasure measure = residuals.measures().get(0);
            List<ResidualMap> clean = cleanByMeasure.get(0);
            ResidualCalibration.Mode mode = modes.get(0);
            double sigma = SMOOTHING_AT_128[SMOOTHING_AT_128.length - 1] * sideAt128;
            double[] scores = ResidualCalibration.leaveOneOutScores(clean, refWidth, refHeight, mode, sigma);
            return new Outcome(measure, mode, sigma, scores, clean, new CalibrationChoice(mode.id(), sigma, n, 0,
                    forcedBy == null ? "too few held-out images to measure" : forcedBy, List.of(), measure.id()));
        }
        Synthetic synthetic = synthesize(heldOut, seed, minCoverage, maxCoverage, minOpacity, maxOpacity);
        List<List<ResidualMap>> defectiveByMeasure = residuals.of(synthetic.images);
        List<CalibrationChoice.Candidate> candidates = new ArrayList<>();
        List<ResidualCalibration.Mode> candidateModes = new ArrayList<>();
        List<Integer> candidateMeasures = new ArrayList<>();
        List<double[]> scoresByCandidate = new ArrayList<>();
        int best = 0;
        for (int mi = 0; mi < residuals.measures().size(); mi++) {
            ResidualMeasure measure = residuals.measures().get(mi);
            List<ResidualMap> clean = cleanByMeasure.get(mi);
            for (ResidualCalibration.Mode mode : modes) {
                List<ResidualCalibration> loo = new ArrayList<>();
                ResidualCalibration.leaveOneOut(clean, refWidth, refHeight, mode, (cal, i) -> loo.add(cal));
                for (double at128 : SMOOTHING_AT_128) {
                    double[] cleanScores = new double[n];
                    CalibrationChoice.Candidate c = measure(measure, mode, at128 * sideAt128, loo, clean,
                            defectiveByMeasure.get(mi), synthetic, falseRejectRate, cleanScores);
                    candidates.add(c);
                    candidateModes.add(mode);
                    candidateMeasures.add(mi);
                    scoresByCandidate.add(cleanScores);
                    if (c.objective() > candidates.get(best).objective()) {
                        best = candidates.size() - 1;
                    }
                }
            }
        }
        // Within the measurement's noise, the smoother map: held-out sets of a few dozen images
        // cannot tell neighbouring sigmas apart, and on real defects the larger one gave clearly
        // better maps on bottle at no cost on bsdata (docs/method.md).
        int kept = best;
        for (int k = 0; k < candidates.size(); k++) {
            CalibrationChoice.Candidate c = candidates.get(k);
            if (candidateModes.get(k) == candidateModes.get(best)
                    && candidateMeasures.get(k).equals(candidateMeasures.get(best))
                    && c.objective() >= candidates.get(best).objective() - TIE_TOLERANCE
                    && c.smoothingSigma() > candidates.get(kept).smoothingSigma()) {
                kept = k;
            }
        }
        CalibrationChoice.Candidate chosen = candidates.get(kept);
        int measure = candidateMeasures.get(kept);
        return new Outcome(residuals.measures().get(measure), candidateModes.get(kept), chosen.smoothingSigma(),
                scoresByCandidate.get(kept), cleanByMeasure.get(measure),
                new CalibrationChoice(chosen.calibration(), chosen.smoothingSigma(), n, synthetic.images.size(), forcedBy,
                        List.copyOf(candidates), chosen.residual()));
    }

    /**
     * One candidate's figures: the clean held-out maps against those with a synthetic defect, each
     * scored with the calibration that left its clean self out; the clean scores go to
     * {@code cleanScores} (what this candidate's threshold would be drawn from).
     */
    private static CalibrationChoice.Candidate measure(ResidualMeasure measure, ResidualCalibration.Mode mode, double sigma,
                                                       List<ResidualCalibration> loo, List<ResidualMap> clean,
                                                       List<ResidualMap> defective, Synthetic synthetic,
                                                       double falseRejectRate, double[] cleanScores) {
        int n = clean.size();
        float[] negatives = new float[n];
        float[] positives = new float[synthetic.images.size()];
        PixelMetrics pixels = new PixelMetrics();
        for (int i = 0; i < n; i++) {
            AnomalyMap map = loo.get(i).anomalyMap(clean.get(i), sigma);
            cleanScores[i] = map.max();
            negatives[i] = map.max();
            pixels.add(map.values(), new boolean[map.values().length], map.width(), map.height());
        }
        for (int j = 0; j < positives.length; j++) {
            AnomalyMap map = loo.get(synthetic.twin[j]).anomalyMap(defective.get(j), sigma);
            positives[j] = map.max();
            pixels.add(map.values(), synthetic.masks.get(j), map.width(), map.height());
        }
        double threshold = Thresholds.calibrated(cleanScores, falseRejectRate);
        int caught = 0;
        for (float p : positives) {
            caught += p > threshold ? 1 : 0;
        }
        double imageAuroc = Auroc.ofGroups(negatives, positives);
        double pixelAuroc = pixels.defectPixels() > 0 ? pixels.pixelAuroc() : 0.5;
        double aupro = pixels.defectPixels() > 0 ? pixels.aupro() : 0;
        return new CalibrationChoice.Candidate(mode.id(), sigma, imageAuroc, pixelAuroc, aupro,
                caught / (double) positives.length, (imageAuroc + pixelAuroc + aupro) / 3, measure.id());
    }

    private record Synthetic(List<FloatImage> images, List<boolean[]> masks, int[] twin) {
    }

    /** Held-out images with one faint synthetic defect each (several per image for small sets). */
    private static Synthetic synthesize(List<FloatImage> heldOut, long seed, double minCoverage, double maxCoverage,
                                        double minOpacity, double maxOpacity) {
        int n = heldOut.size();
        int perImage = Math.max(1, Math.min(4, (SYNTHETIC_WANTED + n - 1) / n));
        CorruptionSynthesizer synthesizer = new CorruptionSynthesizer(0, minCoverage, maxCoverage, minOpacity, maxOpacity);
        Random rng = new Random(seed ^ 0xca1b);
        List<FloatImage> images = new ArrayList<>();
        List<boolean[]> masks = new ArrayList<>();
        int[] twin = new int[n * perImage];
        for (int i = 0; i < n; i++) {
            FloatImage clean = heldOut.get(i);
            FloatImage donor = heldOut.get((i + 1) % n).resize(clean.width(), clean.height());
            for (int k = 0; k < perImage; k++) {
                CorruptionSynthesizer.Corrupted c = synthesizer.corrupt(clean, donor, rng);
                boolean[] mask = new boolean[c.mask().length];
                for (int p = 0; p < mask.length; p++) {
                    mask[p] = c.mask()[p] >= 0.5f;
                }
                twin[images.size()] = i;
                images.add(c.input());
                masks.add(mask);
            }
        }
        return new Synthetic(images, masks, twin);
    }
}
