package org.ssaeinspector.app.interim;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ssaeinspector.app.service.ColourScale;
import org.ssaeinspector.app.service.HeatmapService;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.util.AtomicFiles;

/** Interim heatmap: transparent below half the threshold, blue to yellow at it, red at twice it. */
public final class InterimHeatmapService implements HeatmapService {

    @Override
    public ColourScale scale(double threshold) {
        double t = threshold > 0 ? threshold : 1e-6;
        return new ColourScale() {
            @Override
            public int argb(float value) {
                double r = value / t;
                if (r <= 0.5) {
                    return 0;
                }
                if (r < 1) {
                    double f = (r - 0.5) / 0.5;
                    return pack(0.25 + 0.65 * f, lerp(0x30, 0xFF, f), lerp(0x60, 0xE0, f), lerp(0xFF, 0x30, f));
                }
                double f = Math.min(1, r - 1);
                return pack(0.9, 0xFF, lerp(0xE0, 0x10, f), lerp(0x30, 0x10, f));
            }

            @Override
            public double low() {
                return 0.5 * t;
            }

            @Override
            public double threshold() {
                return t;
            }

            @Override
            public double high() {
                return 2 * t;
            }
        };
    }

    @Override
    public void writeOverlayPng(InspectionResult result, BufferedImage photo, Path png) throws IOException {
        AnomalyMap map = result.fullSizeMap();
        int[] colours = scale(result.threshold()).paint(map.values());
        BufferedImage out = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int c = colours[y * map.width() + x];
                double a = (c >>> 24) / 255.0;
                int p = photo.getRGB(x, y);
                int r = (int) ((1 - a) * ((p >> 16) & 0xFF) + a * ((c >> 16) & 0xFF));
                int g = (int) ((1 - a) * ((p >> 8) & 0xFF) + a * ((c >> 8) & 0xFF));
                int b = (int) ((1 - a) * (p & 0xFF) + a * (c & 0xFF));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        AtomicFiles.write(png, o -> ImageIO.write(out, "png", o));
    }

    private static int lerp(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static int pack(double alpha, int r, int g, int b) {
        return ((int) Math.round(alpha * 255) << 24) | (r << 16) | (g << 8) | b;
    }
}
