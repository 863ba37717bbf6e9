package org.ssaeinspector.model;

import java.util.List;
import java.util.Locale;
import org.ssaeinspector.imageio.FloatImage;

/**
 * What training reads off the good images themselves before the first step, and what it does
 * about it (model format 4; older files have none and score as before): when brightness or
 * contrast varies from photo to photo (a camera's automatic exposure, a lamp that ages, dark and
 * bright tiles), every image is brought to one mean and contrast before the network sees it, in
 * training and in scoring, so that a defect in a dark, flat photo leaves as much residual as in a
 * bright one. Measured: contrast varying 3-fold across the fabric sample's photos took image
 * AUROC to 0.73; with the normalisation 1.00 (docs/benchmarks.md). Photos under steady light
 * (bottle, BSData, the samples: spreads of 0.01-0.05 and 0.01-0.20) are left as they are, so a
 * part that is too dark all over still stands out.
 *
 * <p>Photos under steady light that are flat (dark rubber, a dim tile: typical contrast under a third
 * of {@link #TARGET_CONTRAST}) are all stretched by <em>one</em> gain and offset, the same for
 * every photo (format 6), so that a photo darker than the rest stays darker: the recipe (the loss,
 * the corruptions' contrast, SSIM's constants) was built for photos of ordinary contrast. Measured
 * on the fabric sample darkened to contrast 0.05 and 0.02: image AUROC 0.92 fell to 0.90 and 0.70
 * as they were (docs/benchmarks.md).
 *
 * @param contrastSpread    standard deviation of the log of each photo's contrast (luma standard deviation)
 * @param brightnessSpread  standard deviation of the photos' mean luma over their mean contrast
 * @param lightNormalised   whether every image is normalised to {@link #TARGET_MEAN} and {@link #TARGET_CONTRAST}
 * @param typicalBrightness median of the photos' mean luma (0 in files before format 6)
 * @param typicalContrast   median of the photos' luma standard deviation (0 in files before format 6)
 * @param flatStretched     whether every image is stretched by the one gain that takes the typical
 *                          photo to {@link #TARGET_MEAN} and {@link #TARGET_CONTRAST}
 */
public record DataTraits(double contrastSpread, double brightnessSpread, boolean lightNormalised,
                         double typicalBrightness, double typicalContrast, boolean flatStretched) {
    /** Fewest photos that can show a spread of light. */
    static final int MIN_IMAGES = 4;
    /** Contrast that varies more than this (log standard deviation; about +-16 %) calls for normalisation. */
    static final double MAX_CONTRAST_SPREAD = 0.15;
    /** Brightness that varies more than half the typical contrast calls for normalisation. */
    static final double MAX_BRIGHTNESS_SPREAD = 0.5;
    static final float TARGET_MEAN = 0.5f;
    static final float TARGET_CONTRAST = 0.2f;
    /**
     * Photos whose typical contrast is under this (a third of the target) are stretched, all by one
     * gain. Measured: stretching gained at contrast 0.05 and 0.02 (generated fabric); at 0.097 (the
     * metal sample, gain 2.1) no clear change either way over two seeds (AUPRO 0.79 to 0.69 and
     * 0.535 to 0.524, pixel AUROC -0.003 and +0.012), so the bound stays where it clearly pays.
     */
    static final double MIN_CONTRAST = TARGET_CONTRAST / 3;

    /** Images used as they are: continued training of a parent that predates the measurement (format 3). */
    static final DataTraits NONE = new DataTraits(0, 0, false, 0, 0, false);

    /** Measures a set of good photos from each one's {@link #lumaMoments}, taken at the photo's own resolution. */
    static DataTraits of(List<double[]> photoLuma) {
        int n = photoLuma.size();
        double[] logContrast = new double[n];
        double[] brightness = new double[n];
        double[] contrast = new double[n];
        double contrastSum = 0;
        for (int i = 0; i < n; i++) {
            double[] m = photoLuma.get(i);
            brightness[i] = m[0];
            contrast[i] = m[1];
            logContrast[i] = Math.log(Math.max(1e-4, m[1]));
            contrastSum += m[1];
        }
        double contrastSpread = sd(logContrast);
        double brightnessSpread = n == 0 || contrastSum <= 0 ? 0 : sd(brightness) / (contrastSum / n);
        boolean light = n >= MIN_IMAGES
                && (contrastSpread > MAX_CONTRAST_SPREAD || brightnessSpread > MAX_BRIGHTNESS_SPREAD);
        double typicalBrightness = median(brightness);
        double typicalContrast = median(contrast);
        boolean flat = !light && n >= MIN_IMAGES && typicalContrast < MIN_CONTRAST;
        return new DataTraits(contrastSpread, brightnessSpread, light, typicalBrightness, typicalContrast, flat);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** The images as the network sees them. */
    List<FloatImage> apply(List<FloatImage> images) {
        return lightNormalised || flatStretched ? images.stream().map(this::apply).toList() : images;
    }

    /**
     * The image as the network sees it: normalised when this model's light varies, stretched by the
     * model's one gain when its photos are flat, else itself.
     */
    FloatImage apply(FloatImage image) {
        if (lightNormalised) {
            return normalisedLight(image);
        }
        return flatStretched ? affine(image, typicalBrightness, stretchGain()) : image;
    }

    /** The one gain flat photos are stretched by: the typical photo's contrast to {@link #TARGET_CONTRAST}. */
    double stretchGain() {
        return TARGET_CONTRAST / Math.max(typicalContrast, 1e-3);
    }

    /**
     * The same gain and offset on every channel (colours keep their relations), chosen so that the
     * luma has mean {@link #TARGET_MEAN} and standard deviation {@link #TARGET_CONTRAST}; clipped to [0, 1].
     */
    static FloatImage normalisedLight(FloatImage image) {
        double[] m = lumaMoments(image);
        return affine(image, m[0], TARGET_CONTRAST / Math.max(m[1], 1e-3));
    }

    /** {@code (v - mean) * gain + TARGET_MEAN} on every channel, clipped to [0, 1]. */
    private static FloatImage affine(FloatImage image, double mean, double gain) {
        float[] d = image.data();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) Math.min(1, Math.max(0, (d[i] - mean) * gain + TARGET_MEAN));
        }
        return new FloatImage(image.channels(), image.width(), image.height(), out);
    }

    public String describe() {
        String use = lightNormalised ? "varies, each image normalised"
                : flatStretched ? String.format(Locale.ROOT, "steady but flat (typical contrast %.3f), every image "
                        + "stretched by one gain of %.1f", typicalContrast, stretchGain())
                : "steady, images used as they are";
        return String.format(Locale.ROOT, "light %s (contrast spread %.2f, brightness spread %.2f)", use, contrastSpread,
                brightnessSpread);
    }

    /** {mean, standard deviation} of the image's channel mean over all its pixels. */
    static double[] lumaMoments(FloatImage image) {
        int n = image.width() * image.height();
        int c = image.channels();
        float[] d = image.data();
        double s = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int ch = 0; ch < c; ch++) {
                v += d[ch * n + i];
            }
            v /= c;
            s += v;
            sq += v * v;
        }
        double mean = s / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sq / n - mean * mean))};
    }

    private static double sd(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }
}
