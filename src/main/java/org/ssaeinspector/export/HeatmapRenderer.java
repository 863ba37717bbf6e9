package org.ssaeinspector.export;

import java.awt.image.BufferedImage;
import java.util.List;
import org.ssaeinspector.scoring.AnomalyMap;

/**
 * Colours anomaly maps so that a colour means the same evidence on every image: the scale is
 * anchored to the model's threshold, not stretched to each map's own maximum.
 *
 * <ul>
 * <li>value ≤ {@value #TRANSPARENT_AT} × threshold: fully transparent (nothing to see);</li>
 * <li>value = threshold: always the same orange-red, {@value #THRESHOLD_POSITION} of the way up
 *     the inferno scale, at {@value #ALPHA_AT_THRESHOLD} opacity;</li>
 * <li>value ≥ {@value #SATURATE_AT} × threshold: the top of the scale (pale yellow), opaque.</li>
 * </ul>
 * Between these points the position on the scale is linear in the value. Opacity grows with the
 * square of the position below the threshold, so weak evidence stays see-through over the photo.
 * Pixels are non-premultiplied ARGB ints (what JavaFX's {@code PixelFormat.getIntArgbInstance()}
 * takes), row-major. Pure AWT: no JavaFX here.
 */
public final class HeatmapRenderer {
    /** Opacity of the heatmap over the photo in the files and responses the command line writes. */
    public static final double OVERLAY_OPACITY = 0.6;
    /** At or below this multiple of the threshold, the map is fully transparent. */
    public static final double TRANSPARENT_AT = 0.5;
    /** At or above this multiple of the threshold, the colour is the top of the scale. */
    public static final double SATURATE_AT = 2.0;
    /** Position of the threshold on the colour scale (0 = bottom, 1 = top). */
    public static final double THRESHOLD_POSITION = 0.6;
    /** Opacity at the threshold; full opacity is reached at {@link #SATURATE_AT}. */
    public static final double ALPHA_AT_THRESHOLD = 0.8;

    private HeatmapRenderer() {
    }

    /** Where {@code value} sits on the colour scale, in [0, 1]. */
    public static double scalePosition(double value, double threshold) {
        requireThreshold(threshold);
        if (Double.isNaN(value)) {
            return 0;
        }
        double t = value / threshold;
        if (t <= TRANSPARENT_AT) {
            return 0;
        }
        if (t < 1) {
            return THRESHOLD_POSITION * (t - TRANSPARENT_AT) / (1 - TRANSPARENT_AT);
        }
        if (t < SATURATE_AT) {
            return THRESHOLD_POSITION + (1 - THRESHOLD_POSITION) * (t - 1) / (SATURATE_AT - 1);
        }
        return 1;
    }

    /** Opacity in [0, 1] for a scale position. */
    static double alpha(double position) {
        if (position <= 0) {
            return 0;
        }
        if (position < THRESHOLD_POSITION) {
            double f = position / THRESHOLD_POSITION;
            return ALPHA_AT_THRESHOLD * f * f;
        }
        return ALPHA_AT_THRESHOLD + (1 - ALPHA_AT_THRESHOLD) * (position - THRESHOLD_POSITION) / (1 - THRESHOLD_POSITION);
    }

    /** The non-premultiplied ARGB colour of one map value. */
    public static int argb(double value, double threshold) {
        double s = scalePosition(value, threshold);
        int a = (int) Math.round(alpha(s) * 255);
        return (a << 24) | Inferno.rgb(s);
    }

    /** The whole map as ARGB pixels, row-major (width x height of the map). */
    public static int[] toArgb(AnomalyMap map, double threshold) {
        requireThreshold(threshold);
        float[] values = map.values();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = argb(values[i], threshold);
        }
        return out;
    }

    /** The map as a translucent image (TYPE_INT_ARGB), e.g. for a PNG layer. */
    public static BufferedImage toImage(AnomalyMap map, double threshold) {
        BufferedImage img = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, map.width(), map.height(), toArgb(map, threshold), 0, map.width());
        return img;
    }

    /**
     * The photo with the heatmap blended over it (the map is resized to the photo first).
     *
     * @param opacity overall strength of the heatmap layer, 0 (photo only) to 1
     * @return an opaque RGB image the size of the photo
     */
    public static BufferedImage overlay(BufferedImage photo, AnomalyMap map, double threshold, double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1], was " + opacity);
        }
        int w = photo.getWidth();
        int h = photo.getHeight();
        int[] heat = toArgb(map.resize(w, h), threshold);
        int[] rgb = photo.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            int c = heat[i];
            double a = ((c >>> 24) / 255.0) * opacity;
            int p = rgb[i];
            rgb[i] = 0xFF000000
                    | blend((p >> 16) & 0xFF, (c >> 16) & 0xFF, a) << 16
                    | blend((p >> 8) & 0xFF, (c >> 8) & 0xFF, a) << 8
                    | blend(p & 0xFF, c & 0xFF, a);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }

    /** One labelled colour of the legend. */
    public record LegendEntry(double value, double timesThreshold, int argb, String label) {
    }

    /** Legend stops: ½×, ¾×, 1×, 1.5× and 2× the threshold, with the values and colours they get. */
    public static List<LegendEntry> legend(double threshold) {
        requireThreshold(threshold);
        double[] multiples = {TRANSPARENT_AT, 0.75, 1.0, 1.5, SATURATE_AT};
        String[] labels = {"½× threshold (transparent below)", "¾× threshold", "threshold", "1.5× threshold",
            "2× threshold (saturated above)"};
        LegendEntry[] entries = new LegendEntry[multiples.length];
        for (int i = 0; i < multiples.length; i++) {
            double v = multiples[i] * threshold;
            entries[i] = new LegendEntry(v, multiples[i], argb(v, threshold), labels[i]);
        }
        return List.of(entries);
    }

    private static int blend(int under, int over, double a) {
        return (int) Math.round(under + (over - under) * a);
    }

    private static void requireThreshold(double threshold) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a positive number, was " + threshold);
        }
    }
}
