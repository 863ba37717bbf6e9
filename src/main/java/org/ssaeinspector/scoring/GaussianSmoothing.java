package org.ssaeinspector.scoring;

/** Separable Gaussian blur of one plane with clamped borders. */
public final class GaussianSmoothing {
    private GaussianSmoothing() {
    }

    public static float[] blur(float[] plane, int w, int h, double sigma) {
        if (sigma <= 0) {
            return plane.clone();
        }
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        float[] tmp = new float[plane.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float acc = 0f;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.min(w - 1, Math.max(0, x + k));
                    acc += kernel[k + radius] * plane[row + xx];
                }
                tmp[row + x] = acc;
            }
        }
        float[] out = new float[plane.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0f;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.min(h - 1, Math.max(0, y + k));
                    acc += kernel[k + radius] * tmp[yy * w + x];
                }
                out[y * w + x] = acc;
            }
        }
        return out;
    }
}
