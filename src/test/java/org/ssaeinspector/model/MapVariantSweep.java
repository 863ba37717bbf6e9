package org.ssaeinspector.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.evaluation.Auroc;
import org.ssaeinspector.evaluation.PixelMetrics;
import org.ssaeinspector.evaluation.Thresholds;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.scoring.GaussianSmoothing;
import org.ssaeinspector.scoring.ResidualCalibration;
import org.ssaeinspector.scoring.ResidualMap;

/**
 * A research harness, not part of the product: scores a data set's real test images with one
 * trained network under several map variants (calibration x smoothing x per-image
 * normalisation), with the threshold each variant would get from the held-out images, and prints
 * image AUROC, pixel AUROC, AUPRO and TPR / FPR at that threshold. Run:
 * {@code java -cp target/classes:target/test-classes:target/lib/* org.ssaeinspector.model.MapVariantSweep M.ssae DIR [substring-to-exclude]}
 */
public final class MapVariantSweep {
    enum Norm { NONE, MEDIAN, ROBUST }

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        DataSet data = DataSetScanner.scan(Path.of(args[1]));
        String exclude = args.length > 2 ? args[2] : null;
        try (SsaeModel model = ModelFile.load(modelFile)) {
            ModelHeader h = model.header();
            TrainingSettings settings = h.training().settings();
            List<FloatImage> heldImages = RealTestSet.heldOut(model, data);
            boolean match = Boolean.getBoolean("match");
            double[][] reference = match ? reference(heldImages) : null;
            if (match) {
                List<FloatImage> m = new ArrayList<>();
                for (FloatImage img : heldImages) {
                    m.add(matched(img, reference));
                }
                heldImages = m;
            }
            List<ResidualMap> held = model.residuals(heldImages);
            boolean tta = Boolean.getBoolean("tta");
            if (tta) {
                List<ResidualMap> averaged = new ArrayList<>();
                for (int i = 0; i < held.size(); i++) {
                    averaged.add(withMirror(model, heldImages.get(i), held.get(i)));
                }
                held = averaged;
            }
            boolean contrast = Boolean.getBoolean("contrast");
            double refVar = 0;
            if (contrast) {
                for (FloatImage img : heldImages) {
                    refVar += variance(img) / heldImages.size();
                }
                List<ResidualMap> scaled = new ArrayList<>();
                for (int i = 0; i < held.size(); i++) {
                    scaled.add(scaledBy(held.get(i), refVar / variance(heldImages.get(i))));
                }
                held = scaled;
            }
            double contrastRef = refVar;
            RealTestSet set = RealTestSet.score(model, data, img -> match ? matched(img, reference) : img,
                    (img, r) -> {
                        ResidualMap out = tta ? withMirror(model, img, r) : r;
                        return contrast ? scaledBy(out, contrastRef / variance(img)) : out;
                    });
            List<ResidualMap> test = set.residuals();
            List<boolean[]> masks = set.masks();
            List<Boolean> defective = set.defective();
            List<Boolean> excluded = new ArrayList<>();
            for (ImageSample s : set.samples()) {
                excluded.add(exclude != null && s.path().getFileName().toString().contains(exclude));
            }
            int[] ref = h.geometry().referenceModelSize();
            System.out.println("model: " + h.calibration() + ", smoothing " + h.smoothingSigma() + ", threshold "
                    + h.threshold() + ", held out " + held.size());
            System.out.println("| calibration | norm | smoothing | image AUROC | pixel AUROC | AUPRO | pixel AUROC w/o excl | TPR | FPR |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            String onlyModes = System.getProperty("modes", ""); // e.g. -Dmodes=per-pixel
            String onlyNorms = System.getProperty("norms", ""); // e.g. -Dnorms=NONE
            List<ResidualMap> heldAsScored = held;
            for (String winsor : System.getProperty("winsor", "0").split(",")) {
            int k = Integer.parseInt(winsor.trim());
            held = k == 0 ? heldAsScored : winsorised(heldAsScored, ref[0], ref[1], k);
            for (ResidualCalibration.Mode mode : ResidualCalibration.Mode.values()) {
                if (!onlyModes.isEmpty() && !onlyModes.contains(mode.id())) {
                    continue;
                }
                ResidualCalibration cal = ResidualCalibration.fit(held, ref[0], ref[1], mode);
                List<ResidualCalibration> loo = new ArrayList<>();
                ResidualCalibration.leaveOneOut(held, ref[0], ref[1], mode, (c, i) -> loo.add(c));
                for (Norm norm : Norm.values()) {
                    if (!onlyNorms.isEmpty() && !onlyNorms.contains(norm.name())) {
                        continue;
                    }
                    for (double at128 : CalibrationChooser.SMOOTHING_AT_128) {
                        double sigma = at128 * settings.imageSize() / 128.0;
                        double[] heldScores = new double[held.size()];
                        for (int i = 0; i < held.size(); i++) {
                            heldScores[i] = map(loo.get(i), held.get(i), sigma, norm).max();
                        }
                        double threshold = Thresholds.calibrated(heldScores, settings.targetFalseRejectRate());
                        List<Float> goodScores = new ArrayList<>();
                        List<Float> badScores = new ArrayList<>();
                        PixelMetrics pixels = new PixelMetrics();
                        PixelMetrics kept = new PixelMetrics();
                        int tp = 0;
                        int fp = 0;
                        for (int i = 0; i < test.size(); i++) {
                            AnomalyMap m = map(cal, test.get(i), sigma, norm);
                            boolean flagged = m.max() > threshold;
                            if (defective.get(i)) {
                                badScores.add(m.max());
                                tp += flagged ? 1 : 0;
                            } else {
                                goodScores.add(m.max());
                                fp += flagged ? 1 : 0;
                            }
                            if (masks.get(i) != null) {
                                pixels.add(m.values(), masks.get(i), m.width(), m.height());
                                if (!excluded.get(i)) {
                                    kept.add(m.values(), masks.get(i), m.width(), m.height());
                                }
                            }
                        }
                        System.out.printf(Locale.ROOT, "| %s w%d | %s | %.1f | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f |%n",
                                mode.id(), k, norm, sigma, Auroc.ofGroups(toArray(goodScores), toArray(badScores)),
                                pixels.pixelAuroc(), pixels.aupro(), kept.pixelAuroc(),
                                tp / (double) badScores.size(), fp / (double) goodScores.size());
                    }
                }
            }
            }
        }
    }

    /**
     * Winsorised held-out maps ({@code -Dwinsor=0,1,2}): on the reference grid, each pixel's k
     * highest values over the images are lowered to the next highest, so one odd held-out image
     * does not widen the spread at its place. (Leave-one-out thresholds leak slightly: the caps
     * are drawn with every image.)
     */
    static List<ResidualMap> winsorised(List<ResidualMap> maps, int w, int h, int k) {
        int n = maps.size();
        float[][] v = new float[n][];
        for (int i = 0; i < n; i++) {
            v[i] = maps.get(i).resampled(w, h).clone(); // resampled() hands back the map itself at its own size
        }
        float[] column = new float[n];
        for (int p = 0; p < v[0].length; p++) {
            for (int i = 0; i < n; i++) {
                column[i] = v[i][p];
            }
            Arrays.sort(column);
            float cap = column[n - 1 - k];
            for (int i = 0; i < n; i++) {
                v[i][p] = Math.min(v[i][p], cap);
            }
        }
        List<ResidualMap> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ResidualMap(v[i], w, h));
        }
        return out;
    }

    /**
     * Test-time mirroring ({@code -Dtta=true}): the residual averaged with that of the image
     * mirrored left-right (mirrored back), so reconstruction noise that is not in the image itself
     * averages down while a defect, there in both, stays.
     */
    static ResidualMap withMirror(SsaeModel model, FloatImage prepared, ResidualMap r) {
        ResidualMap m = model.residuals(List.of(prepared.flipHorizontal())).get(0);
        float[] mirrored = m.values();
        float[] v = r.values().clone();
        int w = m.width();
        for (int row = 0; row < v.length / w; row++) { // every plane's rows, mirrored back
            for (int x = 0; x < w; x++) {
                v[row * w + x] = 0.5f * (v[row * w + x] + mirrored[row * w + w - 1 - x]);
            }
        }
        return new ResidualMap(v, r.width(), r.height());
    }

    /** Variance of the image's channel mean (luma-like), over all its pixels. */
    static double variance(FloatImage img) {
        double sd = DataTraits.lumaMoments(img)[1];
        return Math.max(1e-8, sd * sd);
    }

    static ResidualMap scaledBy(ResidualMap r, double factor) {
        float[] v = r.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= (float) factor;
        }
        return new ResidualMap(v, r.width(), r.height());
    }

    /** Mean over images of each channel's mean and standard deviation. */
    static double[][] reference(List<FloatImage> images) {
        int c = images.get(0).channels();
        double[][] ref = new double[2][c];
        for (FloatImage img : images) {
            double[][] m = moments(img);
            for (int ch = 0; ch < c; ch++) {
                ref[0][ch] += m[0][ch] / images.size();
                ref[1][ch] += m[1][ch] / images.size();
            }
        }
        return ref;
    }

    static double[][] moments(FloatImage img) {
        int c = img.channels();
        int n = img.width() * img.height();
        double[][] m = new double[2][c];
        for (int ch = 0; ch < c; ch++) {
            double s = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double v = img.data()[ch * n + i];
                s += v;
                sq += v * v;
            }
            m[0][ch] = s / n;
            m[1][ch] = Math.sqrt(Math.max(1e-12, sq / n - m[0][ch] * m[0][ch]));
        }
        return m;
    }

    static FloatImage matched(FloatImage img, double[][] ref) {
        double[][] m = moments(img);
        int n = img.width() * img.height();
        float[] out = new float[img.data().length];
        for (int ch = 0; ch < img.channels(); ch++) {
            double gain = ref[1][ch] / m[1][ch];
            for (int i = 0; i < n; i++) {
                double v = (img.data()[ch * n + i] - m[0][ch]) * gain + ref[0][ch];
                out[ch * n + i] = (float) Math.min(1, Math.max(0, v));
            }
        }
        return new FloatImage(img.channels(), img.width(), img.height(), out);
    }

    static AnomalyMap map(ResidualCalibration cal, ResidualMap r, double sigma, Norm norm) {
        if (norm == Norm.NONE) {
            return cal.anomalyMap(r, sigma);
        }
        float[] z = cal.anomalyMap(r, 0).values();
        float[] sorted = z.clone();
        Arrays.sort(sorted);
        float median = sorted[sorted.length / 2];
        float scale = 1f;
        if (norm == Norm.ROBUST) {
            float[] dev = new float[z.length];
            for (int i = 0; i < z.length; i++) {
                dev[i] = Math.abs(z[i] - median);
            }
            Arrays.sort(dev);
            scale = Math.max(1e-6f, 1.4826f * dev[dev.length / 2]);
        }
        float[] out = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = (z[i] - median) / scale;
        }
        return new AnomalyMap(GaussianSmoothing.blur(out, r.width(), r.height(), sigma), r.width(), r.height());
    }

    private static float[] toArray(List<Float> v) {
        float[] a = new float[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }
}
