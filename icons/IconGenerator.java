import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the SSAE Inspector application icon and writes it in the formats the installers need:
 * PNGs at several sizes (Linux, window icons), a Windows .ico and a macOS .icns.
 *
 * <p>Motif: a magnifying glass over an anomaly heatmap; the lens shows the hot spot enlarged with
 * a defect box around it. Everything is drawn here (no third-party artwork), at each size
 * directly so that small icons keep bold strokes instead of blurring a large picture.
 *
 * <p>Run from the repository root (JDK 11+ runs a single source file): {@code java
 * icons/IconGenerator.java icons}. Output is deterministic for a given JDK.
 */
public final class IconGenerator {
    static final int[] PNG_SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024};
    /** Sizes in the .ico; 256 is stored as PNG, the smaller ones as bitmaps (what old shells read). */
    static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 256};
    static final String BASE = "ssae-inspector";

    // Lens geometry in unit coordinates (0..1 across the icon).
    private static final double LENS_X = 0.42;
    private static final double LENS_Y = 0.42;
    private static final double LENS_R = 0.255;
    private static final double MAGNIFY = 1.8;

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "icons");
        Files.createDirectories(out);
        Map<Integer, BufferedImage> images = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            BufferedImage image = draw(size);
            images.put(size, image);
            Files.write(out.resolve(BASE + "-" + size + ".png"), png(image));
        }
        Files.write(out.resolve(BASE + ".ico"), ico(images));
        Files.write(out.resolve(BASE + ".icns"), icns(images));
        System.out.println("Wrote icons to " + out.toAbsolutePath());
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double s = size;
        // Small icons get a smaller margin and relatively thicker strokes so they stay legible.
        double margin = size <= 32 ? 0.0 : 0.04;
        Shape tile = new RoundRectangle2D.Double(margin * s, margin * s, (1 - 2 * margin) * s,
                (1 - 2 * margin) * s, 0.22 * s, 0.22 * s);

        // Background: the whole heatmap, dimmed, with a faint patch grid.
        g.setPaint(new TexturePaint(heatmap(size, 1.0, 0.45), new Rectangle2D.Double(0, 0, s, s)));
        g.fill(tile);
        if (size >= 64) {
            g.setClip(tile);
            g.setColor(new Color(255, 255, 255, 22));
            g.setStroke(new BasicStroke((float) Math.max(1, s / 256)));
            for (int i = 1; i < 8; i++) {
                double p = i * s / 8;
                g.draw(new Line2D.Double(p, 0, p, s));
                g.draw(new Line2D.Double(0, p, s, p));
            }
            g.setClip(null);
        }

        double ring = Math.max(0.05 * s, 1.6);
        double handle = Math.max(0.095 * s, 3.0);
        double cx = LENS_X * s;
        double cy = LENS_Y * s;
        double r = LENS_R * s;

        // Handle first, so the ring covers its inner end.
        double diag = Math.sqrt(0.5);
        double hx0 = cx + (r + ring / 2) * diag;
        double hy0 = cy + (r + ring / 2) * diag;
        double hx1 = (size <= 32 ? 0.9 : 0.84) * s;
        Shape handleLine = new Line2D.Double(hx0, hy0, hx1, hx1);
        g.setStroke(new BasicStroke((float) (handle + Math.max(1, s / 128)), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x3A2410));
        g.draw(handleLine);
        g.setStroke(new BasicStroke((float) handle, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setPaint(new GradientPaint((float) hx0, (float) hy0, new Color(0xF7B84B), (float) hx1,
                (float) hx1, new Color(0xD9772B)));
        g.draw(handleLine);

        // Lens: the heatmap magnified around the lens centre, at full brightness.
        Shape lens = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        g.setPaint(new TexturePaint(heatmap(size, MAGNIFY, 1.0), new Rectangle2D.Double(0, 0, s, s)));
        g.fill(lens);

        // Defect box around the magnified hot spot, as the app draws found regions.
        if (size >= 48) {
            double[] hot = magnified(HOT_X, HOT_Y);
            double half = 0.095 * s;
            g.setClip(lens);
            g.setColor(new Color(255, 255, 255, 235));
            g.setStroke(new BasicStroke((float) Math.max(1.2, 0.014 * s)));
            g.draw(new RoundRectangle2D.Double(hot[0] * s - half, hot[1] * s - half, 2 * half, 2 * half,
                    0.03 * s, 0.03 * s));
            g.setClip(null);
        }

        // Glass highlight.
        if (size >= 32) {
            g.setColor(new Color(255, 255, 255, 90));
            g.setStroke(new BasicStroke((float) Math.max(1, 0.022 * s), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            double hr = r * 0.78;
            g.draw(new Arc2D.Double(cx - hr, cy - hr, 2 * hr, 2 * hr, 110, 55, Arc2D.OPEN));
        }

        // Ring: a dark edge and a light rim.
        g.setStroke(new BasicStroke((float) (ring + Math.max(1, s / 128))));
        g.setColor(new Color(0x101820));
        g.draw(lens);
        g.setStroke(new BasicStroke((float) ring));
        g.setPaint(new GradientPaint((float) (cx - r), (float) (cy - r), new Color(0xF4F7FA),
                (float) (cx + r), (float) (cy + r), new Color(0x9AA8B6)));
        g.draw(lens);
        g.dispose();
        return image;
    }

    // The anomaly: one hot spot a little off the lens centre, on a gently varying background.
    private static final double HOT_X = 0.455;
    private static final double HOT_Y = 0.445;

    static double field(double x, double y) {
        double dx = x - HOT_X;
        double dy = y - HOT_Y;
        double hot = Math.exp(-(dx * dx / (2 * 0.055 * 0.055) + dy * dy / (2 * 0.045 * 0.045)));
        double texture = 0.13 + 0.07 * Math.sin(9.0 * x + 2.0) * Math.sin(7.0 * y + 1.0)
                + 0.05 * Math.sin(17.0 * (x + y));
        return Math.min(1.0, Math.max(0.0, hot + texture));
    }

    /** Where a unit point lands when magnified about the lens centre. */
    static double[] magnified(double x, double y) {
        return new double[] {LENS_X + (x - LENS_X) * MAGNIFY, LENS_Y + (y - LENS_Y) * MAGNIFY};
    }

    /** The heatmap as pixels, seen through a lens of the given magnification, dimmed by {@code light}. */
    static BufferedImage heatmap(int size, double magnify, double light) {
        int samples = size <= 64 ? 3 : 1;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                double red = 0;
                double green = 0;
                double blue = 0;
                for (int sy = 0; sy < samples; sy++) {
                    for (int sx = 0; sx < samples; sx++) {
                        double x = (px + (sx + 0.5) / samples) / size;
                        double y = (py + (sy + 0.5) / samples) / size;
                        double fx = LENS_X + (x - LENS_X) / magnify;
                        double fy = LENS_Y + (y - LENS_Y) / magnify;
                        double[] c = colour(field(fx, fy));
                        red += c[0];
                        green += c[1];
                        blue += c[2];
                    }
                }
                int n = samples * samples;
                image.setRGB(px, py, 0xFF000000 | channel(red / n, light) << 16
                        | channel(green / n, light) << 8 | channel(blue / n, light));
            }
        }
        return image;
    }

    private static int channel(double value, double light) {
        // Dimming blends toward the navy of the cold end rather than toward black.
        return (int) Math.round(Math.min(255, value * light + 18 * (1 - light)));
    }

    // Colour map from cold navy through teal and green to yellow, orange and red.
    private static final double[] STOPS = {0.0, 0.35, 0.58, 0.74, 0.88, 1.0};
    private static final int[] COLOURS = {0x16244A, 0x21918C, 0x5EC962, 0xFDE725, 0xF58220, 0xDC2828};

    static double[] colour(double v) {
        for (int i = 1; i < STOPS.length; i++) {
            if (v <= STOPS[i]) {
                double t = (v - STOPS[i - 1]) / (STOPS[i] - STOPS[i - 1]);
                int a = COLOURS[i - 1];
                int b = COLOURS[i];
                return new double[] {mix(a >> 16, b >> 16, t), mix(a >> 8, b >> 8, t), mix(a, b, t)};
            }
        }
        int last = COLOURS[COLOURS.length - 1];
        return new double[] {last >> 16 & 0xFF, last >> 8 & 0xFF, last & 0xFF};
    }

    private static double mix(int a, int b, double t) {
        return (a & 0xFF) * (1 - t) + (b & 0xFF) * t;
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Windows icon: a directory of entries, 256 px as PNG and the rest as 32-bit bitmaps. */
    static byte[] ico(Map<Integer, BufferedImage> images) throws IOException {
        byte[][] data = new byte[ICO_SIZES.length][];
        for (int i = 0; i < ICO_SIZES.length; i++) {
            BufferedImage image = images.get(ICO_SIZES[i]);
            data[i] = ICO_SIZES[i] >= 256 ? png(image) : dib(image);
        }
        int offset = 6 + 16 * ICO_SIZES.length;
        int total = offset;
        for (byte[] d : data) {
            total += d.length;
        }
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) ICO_SIZES.length);
        for (int i = 0; i < ICO_SIZES.length; i++) {
            int size = ICO_SIZES[i];
            out.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            out.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            out.putInt(data[i].length).putInt(offset);
            offset += data[i].length;
        }
        for (byte[] d : data) {
            out.put(d);
        }
        return out.array();
    }

    /** A bottom-up 32-bit BGRA bitmap with its (all-opaque) AND mask, as .ico entries store it. */
    private static byte[] dib(BufferedImage image) {
        int size = image.getWidth();
        int maskRow = ((size + 31) / 32) * 4;
        ByteBuffer out = ByteBuffer.allocate(40 + size * size * 4 + maskRow * size)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(40).putInt(size).putInt(2 * size).putShort((short) 1).putShort((short) 32);
        out.putInt(0).putInt(size * size * 4 + maskRow * size).putInt(0).putInt(0).putInt(0).putInt(0);
        for (int y = size - 1; y >= 0; y--) {
            for (int x = 0; x < size; x++) {
                int argb = image.getRGB(x, y);
                out.put((byte) argb).put((byte) (argb >> 8)).put((byte) (argb >> 16)).put((byte) (argb >>> 24));
            }
        }
        // Transparency comes from the alpha channel; the mask stays zero ("draw every pixel").
        out.put(new byte[maskRow * size]);
        return out.array();
    }

    /** macOS icon: PNG entries keyed by type code (plain and Retina sizes). */
    static byte[] icns(Map<Integer, BufferedImage> images) throws IOException {
        String[][] entries = {
            {"icp4", "16"}, {"icp5", "32"}, {"ic11", "32"}, {"ic12", "64"}, {"ic07", "128"},
            {"ic08", "256"}, {"ic13", "256"}, {"ic09", "512"}, {"ic14", "512"}, {"ic10", "1024"},
        };
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        for (String[] entry : entries) {
            byte[] png = png(images.get(Integer.parseInt(entry[1])));
            data.writeBytes(entry[0]);
            data.writeInt(8 + png.length);
            data.write(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + body.size());
        body.writeTo(file);
        return file.toByteArray();
    }
}
