package org.ssaeinspector.app.service;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes small thumbnails. It asks the decoder to skip pixels (sub-sampling) so a 4,000 px photo
 * never sits in memory whole, then smooths down to the requested size.
 */
public final class ThumbnailLoader {
    private final int maxSide;

    public ThumbnailLoader(int maxSide) {
        this.maxSide = maxSide;
    }

    public int maxSide() {
        return maxSide;
    }

    public Thumbnail load(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Thumbnail.broken("cannot open file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Thumbnail.broken("not an image in a supported format (PNG, JPEG, BMP, TIFF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                int step = Math.max(1, Math.min(w, h) / (2 * maxSide));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return scale(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Thumbnail.broken("unreadable or corrupt image (" + e.getMessage() + ")");
        }
    }

    private Thumbnail scale(BufferedImage img) {
        double s = Math.min(1.0, (double) maxSide / Math.max(img.getWidth(), img.getHeight()));
        int w = Math.max(1, (int) Math.round(img.getWidth() * s));
        int h = Math.max(1, (int) Math.round(img.getHeight() * s));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return new Thumbnail(w, h, out.getRGB(0, 0, w, h, null, 0, w), null);
    }
}
