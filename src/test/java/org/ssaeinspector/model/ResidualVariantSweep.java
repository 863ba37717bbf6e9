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
            // -Dfusions=mean,max,w0.75 (w: the last part's weight) and -Dscores=max,top0.001 (mean of the top share)
            String[] fusions = System.getProperty("fusions", "mean").split(",");
            String[] scores = System.getProperty("scores", "max").split(",");
            String smoothings = System.getProperty("sigmas", "");
            for (String variant : variants.split(","))
            for (String fusion : fusions)
            for (String scoreRule : scores) {
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
                    tailScale.clear();
                    if (fusion.equals("tail")) {
                        for (ResidualMeasure m : parts) {
                            double[] maxima = new double[held.size()];
                            for (int i = 0; i < held.size(); i++) {
                                maxima[i] = cals.get(parts.indexOf(m)).anomalyMap(heldBy.get(m).get(i), 0).max();
                            }
                            java.util.Arrays.sort(maxima);
                            tailScale.put(m, maxima[maxima.length / 2]);
                        }
                        System.out.println("tail scales " + tailScale);
                    }
                    for (double at128 : CalibrationChooser.SMOOTHING_AT_128) {
                        if (!smoothings.isEmpty() && !java.util.Arrays.asList(smoothings.split(",")).contains(String.valueOf((int) at128))) {
                            continue;
                        }
                        double sigma = at128 * settings.imageSize() / 128.0;
                        double[] heldScores = new double[held.size()];
                        for (int i = 0; i < held.size(); i++) {
                            final int k = i;
                            heldScores[i] = score(combined(parts, m -> loos.get(parts.indexOf(m)).get(k), heldBy, i, sigma, fusion), scoreRule);
                        }
                        double threshold = Thresholds.calibrated(heldScores, settings.targetFalseRejectRate());
                        List<Float> good = new ArrayList<>();
                        List<Float> bad = new ArrayList<>();
                        PixelMetrics pixels = new PixelMetrics();
                        PixelMetrics kept = new PixelMetrics();
                        int tp = 0;
                        int fp = 0;
                        for (int i = 0; i < test.size(); i++) {
                            AnomalyMap m = combined(parts, x -> cals.get(parts.indexOf(x)), testBy, i, sigma, fusion);
                            float imageScore = (float) score(m, scoreRule);
                            boolean flagged = imageScore > threshold;
                            if (defective.get(i)) {
                                bad.add(imageScore);
                                tp += flagged ? 1 : 0;
                            } else {
                                good.add(imageScore);
                                fp += flagged ? 1 : 0;
                            }
                            if (masks.get(i) != null) {
                                pixels.add(m.values(), masks.get(i), m.width(), m.height());
                                if (!excluded.get(i)) {
                                    kept.add(m.values(), masks.get(i), m.width(), m.height());
                                }
                            }
                        }
                        System.out.printf(Locale.ROOT, "| %s %s %s | %s | %.1f | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f |%n",
                                variant, fusion, scoreRule, mode.id(), sigma, Auroc.ofGroups(toArray(good), toArray(bad)),
                                pixels.pixelAuroc(), pixels.aupro(), kept.pixelAuroc(),
                                tp / (double) bad.size(), fp / (double) good.size());
                    }
                }
            }
        }
    }

    private static final java.util.Map<ResidualMeasure, Double> tailScale = new java.util.EnumMap<>(ResidualMeasure.class);

    /** The image score: the map's maximum, or the mean of its highest share of pixels ("top0.001"). */
    private static double score(AnomalyMap m, String rule) {
        if (rule.equals("max")) {
            return m.max();
        }
        float[] v = m.values().clone();
        java.util.Arrays.sort(v);
        int n = Math.max(1, (int) Math.round(v.length * Double.parseDouble(rule.substring(3))));
        double sum = 0;
        for (int k = v.length - n; k < v.length; k++) {
            sum += v[k];
        }
        return sum / n;
    }

    /** The parts' calibrated maps (unsmoothed) fused (mean, max, or weighted with the last part's weight), then smoothed. */
    private static AnomalyMap combined(List<ResidualMeasure> parts,
                                       java.util.function.Function<ResidualMeasure, ResidualCalibration> cal,
                                       java.util.Map<ResidualMeasure, List<ResidualMap>> maps, int i, double sigma,
                                       String fusion) {
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
            boolean first = sum == null;
            if (first) {
                sum = new float[a.values().length];
            }
            boolean last = m == parts.get(parts.size() - 1);
            for (int k = 0; k < sum.length; k++) {
                float v = a.values()[k];
                if (fusion.equals("tail")) {
                    sum[k] += (float) (v / tailScale.get(m) / parts.size());
                } else if (fusion.equals("max")) {
                    sum[k] = first ? v : Math.max(sum[k], v);
                } else if (fusion.startsWith("w")) {
                    double wl = Double.parseDouble(fusion.substring(1));
                    sum[k] += (float) (v * (last ? wl : (1 - wl) / (parts.size() - 1)));
                } else {
                    sum[k] += v / parts.size();
                }
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
