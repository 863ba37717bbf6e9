package org.ssaeinspector.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes the sample pictures: the files ship in the repository, so their size matters. */
final class ImageEncoder {
    /** Quality of the metal photos: the grinding streaks survive, a photo stays under 100 kB. */
    static final float CAMERA_QUALITY = 0.85f;

    private ImageEncoder() {
    }

    /** PNG with the strongest deflate setting. */
    static void png(BufferedImage image, OutputStream out) throws IOException {
        write(image, "png", 0f, out); // 0 = smallest file (deflate level 9)
    }

    /** JPEG, as industrial cameras write wide photos (a 2400 × 800 PNG of the metal is 2 MB). */
    static void jpeg(BufferedImage image, OutputStream out) throws IOException {
        write(image, "jpeg", CAMERA_QUALITY, out);
    }

    private static void write(BufferedImage image, String format, float quality, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("no " + format.toUpperCase(java.util.Locale.ROOT) + " writer available");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
