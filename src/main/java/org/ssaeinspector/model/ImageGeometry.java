package org.ssaeinspector.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssaeinspector.scoring.ResidualCalibration;

/**
 * How photos map onto the network's pixels. A model works at a <em>scale</em> (model pixels per
 * photo pixel) and keeps the aspect ratio, so a thin crack on a 1250-px-long photo is not squashed
 * to a sub-pixel line. The scale is chosen from the training photos: their typical short side
 * becomes {@code shortSide} model pixels (128 by default).
 *
 * <p>When the training photos have one shape (aspect ratio) but several sizes, they are taken as
 * the same view at different resolutions, and each photo is scaled by its own size to the
 * reference view ({@code sameFraming}); otherwise one fixed scale applies to every photo (crops
 * of different sizes from one camera).
 *
 * <p>Model files of format 1 and 2 squashed every photo to a square: {@link #squash(int)}.
 *
 * @param scale           model pixels per photo pixel at the reference size (0: squash to a square)
 * @param referenceWidth  width of the reference (median) training photo, in photo pixels
 * @param referenceHeight height of the reference training photo
 * @param sameFraming     each photo is scaled to the reference view by its own short side
 * @param squareSide      side of the square for squashing models (scale 0); else the model short side
 */
public record ImageGeometry(double scale, int referenceWidth, int referenceHeight, boolean sameFraming,
                            int squareSide) {
    /** Two aspect ratios closer than this (relative) count as one shape. */
    static final double SAME_SHAPE_TOLERANCE = ResidualCalibration.SAME_SHAPE_TOLERANCE; // one notion of one shape, here and in scoring
    /** The reference photo at the model's scale covers at most this many short-side squares. */
    static final double MAX_AREA_IN_SQUARES = 16;

    public ImageGeometry {
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, was " + scale);
        }
        if (squareSide < 1) {
            throw new IllegalArgumentException("model side must be positive, was " + squareSide);
        }
    }

    /** The format 1/2 behaviour: every photo resized to {@code side} x {@code side}. */
    public static ImageGeometry squash(int side) {
        return new ImageGeometry(0, side, side, true, side);
    }

    /**
     * The geometry for photos of these sizes ({@code sizes[i] = {width, height}}): the median
     * photo's short side becomes {@code shortSide} model pixels, unless {@code fixedScale} (> 0) is
     * given.
     */
    public static ImageGeometry choose(List<int[]> sizes, int shortSide, double fixedScale) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("no image sizes");
        }
        List<int[]> sorted = new ArrayList<>(sizes);
        sorted.sort((a, b) -> Long.compare((long) a[0] * a[1], (long) b[0] * b[1]));
        int[] median = sorted.get(sorted.size() / 2);
        boolean sizesDiffer = false;
        boolean oneShape = true;
        double ratio = median[0] / (double) median[1];
        for (int[] s : sizes) {
            sizesDiffer |= s[0] != median[0] || s[1] != median[1];
            oneShape &= Math.abs(s[0] / (double) s[1] / ratio - 1) <= SAME_SHAPE_TOLERANCE;
        }
        double scale = fixedScale > 0 ? fixedScale : shortSide / (double) Math.min(median[0], median[1]);
        // A very elongated photo (a line scan) would otherwise hold training memory hostage.
        double area = median[0] * scale * median[1] * scale;
        double maxArea = MAX_AREA_IN_SQUARES * (double) shortSide * shortSide;
        if (fixedScale <= 0 && area > maxArea) {
            scale *= Math.sqrt(maxArea / area);
        }
        return new ImageGeometry(scale, median[0], median[1], sizesDiffer && oneShape, shortSide);
    }

    public boolean squashes() {
        return scale == 0;
    }

    /** Model pixels per photo pixel for a photo of this size. */
    public double scaleFor(int width, int height) {
        if (squashes()) {
            return squareSide / (double) Math.min(width, height);
        }
        if (!sameFraming) {
            return scale;
        }
        return scale * Math.min(referenceWidth, referenceHeight) / Math.min(width, height);
    }

    /** {width, height} of a photo at the model's scale (at least 1 x 1; not yet padded for the network). */
    public int[] modelSize(int width, int height) {
        if (squashes()) {
            return new int[] {squareSide, squareSide};
        }
        double s = scaleFor(width, height);
        return new int[] {Math.max(1, (int) Math.round(width * s)), Math.max(1, (int) Math.round(height * s))};
    }

    /** The reference photo's size at the model's scale. */
    public int[] referenceModelSize() {
        return modelSize(referenceWidth, referenceHeight);
    }

    /** In words, for the wizard, {@code train} and the model panel. */
    public String describe() {
        if (squashes()) {
            return "every image resized to " + squareSide + " x " + squareSide;
        }
        int[] m = referenceModelSize();
        return String.format(Locale.ROOT, "scale %.3f (%d x %d photos seen as %d x %d)%s", scale, referenceWidth,
                referenceHeight, m[0], m[1], sameFraming ? ", other sizes of the same view scaled to it" : "");
    }
}
