package org.ssaeinspector.imageio;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Builds image files of known content for the loader tests. */
public final class TestImages {
    private TestImages() {
    }

    /** An RGB image whose pixel (x, y) is {@code (x*7 % 256, y*13 % 256, (x+y)*5 % 256)}. */
    public static BufferedImage rgbPattern(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, 0xFF000000 | (x * 7 % 256) << 16 | (y * 13 % 256) << 8 | ((x + y) * 5 % 256));
            }
        }
        return img;
    }

    /** A 16-bit image with {@code bands} bands (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA), samples from {@code sample}. */
    public static BufferedImage sixteenBit(int w, int h, int bands, SampleFunction sample) {
        boolean gray = bands <= 2;
        boolean alpha = bands == 2 || bands == 4;
        ColorSpace cs = ColorSpace.getInstance(gray ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ColorModel cm = new ComponentColorModel(cs, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < bands; b++) {
                    raster.setSample(x, y, b, sample.at(x, y, b));
                }
            }
        }
        return new BufferedImage(cm, raster, false, null);
    }

    /** An 8-bit gray + alpha image (gray = x + y, alpha = 40). */
    public static BufferedImage grayAlpha8(int w, int h) {
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, (x + y) % 256);
                raster.setSample(x, y, 1, 40);
            }
        }
        return new BufferedImage(cm, raster, false, null);
    }

    @FunctionalInterface
    public interface SampleFunction {
        int at(int x, int y, int band);
    }

    public static Path write(BufferedImage img, String format, Path file) throws IOException {
        if (!ImageIO.write(img, format, file.toFile())) {
            throw new IOException("no writer for " + format + " and " + img);
        }
        return file;
    }

    public static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Inserts an EXIF APP1 segment holding only the Orientation tag right after the JPEG's SOI
     * marker, where cameras put it. Built by hand (big-endian TIFF header, one IFD entry).
     */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8, // header, IFD0 at offset 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, count 1
            0, 0, 0, 0, // no next IFD
        };
        byte[] id = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + id.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(id);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    public static Path writeBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    public static int rgbAt(FloatImage img, int x, int y) {
        int r = Math.round(img.get(0, x, y) * 255f);
        int g = Math.round(img.get(img.channels() == 3 ? 1 : 0, x, y) * 255f);
        int b = Math.round(img.get(img.channels() == 3 ? 2 : 0, x, y) * 255f);
        return (r << 16) | (g << 8) | b;
    }
}
