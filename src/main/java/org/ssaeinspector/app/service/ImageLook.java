package org.ssaeinspector.app.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a few images of a set look, from small thumbnails: aspect ratio, mean colour and contrast.
 * Enough to notice that a folder holds another product than the project (a fabric among
 * washers) before it is mixed in; not a similarity measure.
 */
public record ImageLook(double aspect, double red, double green, double blue, double contrast) {
    /** How many images of each set are looked at (evenly spread). */
    public static final int SAMPLE = 6;
    private static final ThumbnailLoader LOADER = new ThumbnailLoader(64);
    /** Beyond these the sets differ: 20 % in aspect, 0.15 in a mean channel, contrast 1.8 times. */
    private static final double ASPECT = 1.2;
    private static final double COLOUR = 0.15;
    private static final double CONTRAST = 1.8;

    /** The look of up to {@link #SAMPLE} of the files (their median), or empty when none is readable. */
    public static Optional<ImageLook> of(List<Path> files) {
        List<ImageLook> looks = new java.util.ArrayList<>();
        int n = Math.min(SAMPLE, files.size());
        for (int i = 0; i < n; i++) {
            Thumbnail t = LOADER.load(files.get(i * files.size() / n));
            if (!t.isBroken()) {
                looks.add(of(t));
            }
        }
        if (looks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImageLook(median(looks, ImageLook::aspect), median(looks, ImageLook::red),
                median(looks, ImageLook::green), median(looks, ImageLook::blue), median(looks, ImageLook::contrast)));
    }

    static ImageLook of(Thumbnail t) {
        double r = 0;
        double g = 0;
        double b = 0;
        double sq = 0;
        int n = t.argb().length;
        for (int p : t.argb()) {
            double pr = ((p >> 16) & 255) / 255.0;
            double pg = ((p >> 8) & 255) / 255.0;
            double pb = (p & 255) / 255.0;
            r += pr;
            g += pg;
            b += pb;
            double y = (pr + pg + pb) / 3;
            sq += y * y;
        }
        r /= n;
        g /= n;
        b /= n;
        double mean = (r + g + b) / 3;
        return new ImageLook((double) t.width() / t.height(), r, g, b, Math.sqrt(Math.max(0, sq / n - mean * mean)));
    }

    /** Why {@code other} does not look like this set, or empty when it does. */
    public Optional<String> differenceFrom(ImageLook other) {
        if (Math.max(aspect, other.aspect) / Math.min(aspect, other.aspect) > ASPECT) {
            return Optional.of(String.format(Locale.ROOT, "their shape is %s, the project's %s",
                    shape(other.aspect), shape(aspect)));
        }
        double colour = Math.max(Math.abs(red - other.red), Math.max(Math.abs(green - other.green),
                Math.abs(blue - other.blue)));
        if (colour > COLOUR) {
            return Optional.of(String.format(Locale.ROOT, "their colours differ (mean RGB %s, the project's %s)",
                    rgb(other), rgb(this)));
        }
        double lo = Math.max(1e-3, Math.min(contrast, other.contrast));
        if (Math.max(contrast, other.contrast) / lo > CONTRAST) {
            return Optional.of(String.format(Locale.ROOT, "their contrast differs (%.2f, the project's %.2f)",
                    other.contrast, contrast));
        }
        return Optional.empty();
    }

    private static String shape(double aspect) {
        return String.format(Locale.ROOT, "%.2f : 1", aspect);
    }

    private static String rgb(ImageLook l) {
        return String.format(Locale.ROOT, "%d, %d, %d", Math.round(l.red * 255), Math.round(l.green * 255),
                Math.round(l.blue * 255));
    }

    private static double median(List<ImageLook> looks, java.util.function.ToDoubleFunction<ImageLook> f) {
        double[] v = looks.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
