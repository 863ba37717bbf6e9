package org.ssaeinspector.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.dataset.MaskLoader;
import org.ssaeinspector.evaluation.Auroc;
import org.ssaeinspector.evaluation.PixelMetrics;
import org.ssaeinspector.evaluation.Thresholds;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.scoring.ResidualCalibration;
import org.ssaeinspector.scoring.ResidualMap;
import org.ssaeinspector.scoring.ResidualMeasure;

/**
 * A research harness, not part of the product: one trained network, its reconstructions of the
 * held-out good images and of the real test images computed once, then several residual
 * measures ({@link ResidualMeasure}) each calibrated and smoothed like the product's map, with the
 * threshold each would get from the held-out images. Prints image AUROC, pixel AUROC, AUPRO
 * (also without test photos whose name contains the optional substring) and TPR / FPR.
 * {@code java -cp target/classes:target/test-classes:target/lib/* org.ssaeinspector.model.ResidualVariantSweep M.ssae DIR [exclude]}
 */
public final class ResidualVariantSweep {

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        DataSet data = DataSetScanner.scan(Path.of(args[1]));
        String exclude = args.length > 2 ? args[2] : null;
        String only = System.getProperty("modes", "");
        try (SsaeModel model = ModelFile.load(modelFile)) {
            ModelHeader h = model.header();
            TrainingSettings settings = h.training().settings();
            List<FloatImage> held = RealTestSet.heldOut(model, data);
            List<FloatImage> heldRecon = model.reconstructAll(held);
            List<FloatImage> test = new ArrayList<>();
            List<FloatImage> testRecon = new ArrayList<>();
            List<boolean[]> masks = new ArrayList<>();
            List<Boolean> defective = new ArrayList<>();
            List<Boolean> excluded = new ArrayList<>();
            for (ImageSample s : data.test()) {
                FloatImage prepared = model.prepare(ImageLoader.load(s.path()));
                test.add(prepared);
                testRecon.add(model.reconstructAll(List.of(prepared)).get(0));
                boolean bad = s.label() == Label.DEFECTIVE;
                masks.add(bad && s.mask().isPresent() ? MaskLoader.load(s.mask().get(), prepared.width(), prepared.height())
                        : bad ? null : new boolean[prepared.width() * prepared.height()]);
                defective.add(bad);
                excluded.add(exclude != null && s.path().getFileName().toString().contains(exclude));
            }
            int[] ref = h.geometry().referenceModelSize();
            double blur = h.residualBlurSigma();
            System.out.println("model: " + h.calibration() + ", smoothing " + h.smoothingSigma() + ", threshold "
                    + h.threshold() + ", held out " + held.size() + ", test " + test.size());
            System.out.println("| residual | calibration | smoothing | image AUROC | pixel AUROC | AUPRO | pixel AUROC w/o excl | TPR | FPR |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            java.util.Map<ResidualMeasure, List<ResidualMap>> heldBy = new java.util.EnumMap<>(ResidualMeasure.class);
            java.util.Map<ResidualMeasure, List<ResidualMap>> testBy = new java.util.EnumMap<>(ResidualMeasure.class);
            for (ResidualMeasure measure : ResidualMeasure.values()) {
                List<ResidualMap> hm = new ArrayList<>();
                for (int i = 0; i < held.size(); i++) {
                    hm.add(measure.residual(held.get(i), heldRecon.get(i), blur));
                }
                List<ResidualMap> tm = new ArrayList<>();
                for (int i = 0; i < test.size(); i++) {
                    tm.add(measure.residual(test.get(i), testRecon.get(i), blur));
                }
                heldBy.put(measure, hm);
                testBy.put(measure, tm);
            }
            // -Dvariants=SQUARED,STRUCTURAL,GRADIENT,SQUARED+STRUCTURAL: a '+' averages the calibrated maps
            String variants = System.getProperty("variants", "SQUARED,STRUCTURAL,GRADIENT,SQUARED+STRUCTURAL");
            for (String variant : variants.split(",")) {
                List<ResidualMeasure> parts = new ArrayList<>();
                for (String p : variant.split("\\+")) {
                    parts.add(ResidualMeasure.valueOf(p));
                }
                for (ResidualCalibration.Mode mode : ResidualCalibration.Mode.values()) {
                    if (!only.isEmpty() && !only.contains(mode.id())) {
                        continue;
                    }
                    List<ResidualCalibration> cals = new ArrayList<>();
                    List<List<ResidualCalibration>> loos = new ArrayList<>();
                    for (ResidualMeasure m : parts) {
                        cals.add(ResidualCalibration.fit(heldBy.get(m), ref[0], ref[1], mode));
                        List<ResidualCalibration> loo = new ArrayList<>();
                        ResidualCalibration.leaveOneOut(heldBy.get(m), ref[0], ref[1], mode, (c, i) -> loo.add(c));
                        loos.add(loo);
                    }
                    for (double at128 : CalibrationChooser.SMOOTHING_AT_128) {
                        double sigma = at128 * settings.imageSize() / 128.0;
                        double[] heldScores = new double[held.size()];
                        for (int i = 0; i < held.size(); i++) {
                            final int k = i;
                            heldScores[i] = combined(parts, m -> loos.get(parts.indexOf(m)).get(k), heldBy, i, sigma).max();
                        }
                        double threshold = Thresholds.calibrated(heldScores, settings.targetFalseRejectRate());
                        List<Float> good = new ArrayList<>();
                        List<Float> bad = new ArrayList<>();
                        PixelMetrics pixels = new PixelMetrics();
                        PixelMetrics kept = new PixelMetrics();
                        int tp = 0;
                        int fp = 0;
                        for (int i = 0; i < test.size(); i++) {
                            AnomalyMap m = combined(parts, x -> cals.get(parts.indexOf(x)), testBy, i, sigma);
                            boolean flagged = m.max() > threshold;
                            if (defective.get(i)) {
                                bad.add(m.max());
                                tp += flagged ? 1 : 0;
                            } else {
                                good.add(m.max());
                                fp += flagged ? 1 : 0;
                            }
                            if (masks.get(i) != null) {
                                pixels.add(m.values(), masks.get(i), m.width(), m.height());
                                if (!excluded.get(i)) {
                                    kept.add(m.values(), masks.get(i), m.width(), m.height());
                                }
                            }
                        }
                        System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f |%n",
                                variant, mode.id(), sigma, Auroc.ofGroups(toArray(good), toArray(bad)),
                                pixels.pixelAuroc(), pixels.aupro(), kept.pixelAuroc(),
                                tp / (double) bad.size(), fp / (double) good.size());
                    }
                }
            }
        }
    }

    /** The mean of the parts' calibrated maps (unsmoothed), then smoothed. */
    private static AnomalyMap combined(List<ResidualMeasure> parts,
                                       java.util.function.Function<ResidualMeasure, ResidualCalibration> cal,
                                       java.util.Map<ResidualMeasure, List<ResidualMap>> maps, int i, double sigma) {
        if (parts.size() == 1) {
            return cal.apply(parts.get(0)).anomalyMap(maps.get(parts.get(0)).get(i), sigma);
        }
        float[] sum = null;
        int w = 0;
        int h = 0;
        for (ResidualMeasure m : parts) {
            AnomalyMap a = cal.apply(m).anomalyMap(maps.get(m).get(i), 0);
            w = a.width();
            h = a.height();
            if (sum == null) {
                sum = new float[a.values().length];
            }
            for (int k = 0; k < sum.length; k++) {
                sum[k] += a.values()[k] / parts.size();
            }
        }
        return new AnomalyMap(org.ssaeinspector.scoring.GaussianSmoothing.blur(sum, w, h, sigma), w, h);
    }

    private static float[] toArray(List<Float> v) {
        float[] a = new float[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }
}
