package org.ssaeinspector.imageio;

/**
 * A photo as it was decoded: its pixels, possibly only every {@code step}-th one in each
 * direction (a model working at a small scale does not need the rest), and the photo's own
 * upright size.
 *
 * @param image  the decoded pixels ({@code ceil(width / step)} x {@code ceil(height / step)})
 * @param width  the photo's width in its own pixels
 * @param height the photo's height
 * @param step   photo pixels per decoded pixel along each side (1: every pixel)
 */
public record DecodedImage(FloatImage image, int width, int height, int step) {
    public DecodedImage {
        if (step < 1) {
            throw new IllegalArgumentException("step must be at least 1, was " + step);
        }
    }

    /** An image decoded in full. */
    public static DecodedImage whole(FloatImage image) {
        return new DecodedImage(image, image.width(), image.height(), 1);
    }

    /** Chooses the step for a photo of this upright size. */
    @FunctionalInterface
    public interface Step {
        /** Every pixel. */
        Step WHOLE = (width, height) -> 1;

        int forPhoto(int width, int height);
    }
}
