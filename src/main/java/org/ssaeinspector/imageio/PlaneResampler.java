package org.ssaeinspector.imageio;

/** Bilinear resampling of planar float data (pixel centres aligned, edges clamped). */
public final class PlaneResampler {
    private PlaneResampler() {
    }

    public static void bilinear(float[] src, int planes, int sw, int sh, float[] dst, int dw, int dh) {
        float sx = (float) sw / dw;
        float sy = (float) sh / dh;
        int[] x0 = new int[dw];
        int[] x1 = new int[dw];
        float[] fx = new float[dw];
        for (int x = 0; x < dw; x++) {
            float p = Math.max(0f, (x + 0.5f) * sx - 0.5f);
            int i = Math.min((int) p, sw - 1);
            x0[x] = i;
            x1[x] = Math.min(i + 1, sw - 1);
            fx[x] = p - i;
        }
        for (int c = 0; c < planes; c++) {
            int sBase = c * sw * sh;
            int dBase = c * dw * dh;
            for (int y = 0; y < dh; y++) {
                float p = Math.max(0f, (y + 0.5f) * sy - 0.5f);
                int y0 = Math.min((int) p, sh - 1);
                int y1 = Math.min(y0 + 1, sh - 1);
                float fy = p - y0;
                int r0 = sBase + y0 * sw;
                int r1 = sBase + y1 * sw;
                int out = dBase + y * dw;
                for (int x = 0; x < dw; x++) {
                    float top = src[r0 + x0[x]] + (src[r0 + x1[x]] - src[r0 + x0[x]]) * fx[x];
                    float bot = src[r1 + x0[x]] + (src[r1 + x1[x]] - src[r1 + x0[x]]) * fx[x];
                    dst[out + x] = top + (bot - top) * fy;
                }
            }
        }
    }
}
