package org.ssaeinspector.imageio;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * An image as planar floats in [0, 1]: channel-major (C, H, W), the layout the network takes.
 * Immutable by convention: methods return new images; {@link #data()} is exposed for speed and
 * must not be modified by callers that did not create the array.
 */
public final class FloatImage {
    private final int channels;
    private final int width;
    private final int height;
    private final float[] data;

    public FloatImage(int channels, int width, int height, float[] data) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        if (data.length != channels * width * height) {
            throw new IllegalArgumentException("data length " + data.length + " != " + channels + "x" + width + "x" + height);
        }
        this.channels = channels;
        this.width = width;
        this.height = height;
        this.data = data;
    }

    public static FloatImage blank(int channels, int width, int height) {
        return new FloatImage(channels, width, height, new float[channels * width * height]);
    }

    public int channels() { return channels; }
    public int width() { return width; }
    public int height() { return height; }
    public float[] data() { return data; }

    public float get(int c, int x, int y) {
        return data[(c * height + y) * width + x];
    }

    public void set(int c, int x, int y, float v) {
        data[(c * height + y) * width + x] = v;
    }

    public FloatImage copy() {
        return new FloatImage(channels, width, height, Arrays.copyOf(data, data.length));
    }

    /**
     * Converts to the requested channel count: gray to RGB repeats, RGB to gray uses Rec. 601 luma.
     * Luma is summed in double so that equal channels give back their value exactly: a colour photo
     * with equal channels then scores exactly like its grey copy in a grey model (and a grey photo
     * like its colour copy in a colour model, by the repeat).
     */
    public FloatImage withChannels(int target) {
        if (target == channels) {
            return this;
        }
        int n = width * height;
        if (target == 3) {
            float[] out = new float[3 * n];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(data, 0, out, c * n, n);
            }
            return new FloatImage(3, width, height, out);
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (0.299 * data[i] + 0.587 * data[n + i] + 0.114 * data[2 * n + i]);
        }
        return new FloatImage(1, width, height, out);
    }

    /**
     * Resizes with bilinear interpolation; when shrinking by more than 2x it first averages
     * boxes so that thin structures are not aliased away.
     */
    public FloatImage resize(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return this;
        }
        FloatImage src = this;
        for (int i = boxHalvings(width, height, newWidth, newHeight); i > 0; i--) {
            src = src.halve();
        }
        float[] out = new float[channels * newWidth * newHeight];
        PlaneResampler.bilinear(src.data, channels, src.width, src.height, out, newWidth, newHeight);
        return new FloatImage(channels, newWidth, newHeight, out);
    }

    /**
     * How many times {@link #resize} averages 2 x 2 boxes on its way from {@code width} x
     * {@code height} to the new size (it halves while both sides stay at least twice the target).
     */
    public static int boxHalvings(int width, int height, int newWidth, int newHeight) {
        int n = 0;
        for (int w = width, h = height; w >= 2 * newWidth && h >= 2 * newHeight; w /= 2, h /= 2) {
            n++;
        }
        return n;
    }

    private FloatImage halve() {
        int w = width / 2;
        int h = height / 2;
        float[] out = new float[channels * w * h];
        for (int c = 0; c < channels; c++) {
            int inBase = c * width * height;
            int outBase = c * w * h;
            for (int y = 0; y < h; y++) {
                int r0 = inBase + (2 * y) * width;
                int r1 = r0 + width;
                for (int x = 0; x < w; x++) {
                    out[outBase + y * w + x] = 0.25f * (data[r0 + 2 * x] + data[r0 + 2 * x + 1] + data[r1 + 2 * x] + data[r1 + 2 * x + 1]);
                }
            }
        }
        return new FloatImage(channels, w, h, out);
    }

    public FloatImage flipHorizontal() {
        float[] out = new float[data.length];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                int row = (c * height + y) * width;
                for (int x = 0; x < width; x++) {
                    out[row + x] = data[row + width - 1 - x];
                }
            }
        }
        return new FloatImage(channels, width, height, out);
    }

    public FloatImage flipVertical() {
        float[] out = new float[data.length];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(data, (c * height + y) * width, out, (c * height + height - 1 - y) * width, width);
            }
        }
        return new FloatImage(channels, width, height, out);
    }

    /** Rotates 90 degrees clockwise (square images keep their size). */
    public FloatImage rotate90() {
        float[] out = new float[data.length];
        int nw = height;
        int nh = width;
        for (int c = 0; c < channels; c++) {
            int base = c * width * height;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[base + x * nw + (nw - 1 - y)] = data[base + y * width + x];
                }
            }
        }
        return new FloatImage(channels, nw, nh, out);
    }

    /** An 8-bit RGB (or gray) image for display and PNG output. */
    public BufferedImage toBufferedImage() {
        int n = width * height;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            int r = to8(data[i]);
            int g = channels == 3 ? to8(data[n + i]) : r;
            int b = channels == 3 ? to8(data[2 * n + i]) : r;
            argb[i] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        img.setRGB(0, 0, width, height, argb, 0, width);
        return img;
    }

    private static int to8(float v) {
        int i = Math.round(v * 255f);
        return i < 0 ? 0 : Math.min(255, i);
    }
}
