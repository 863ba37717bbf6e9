package org.ssaeinspector.imageio;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.ssaeinspector.dataset.SkippedFile;

/**
 * Reads image files (PNG, JPEG, BMP, TIFF; 8 or 16 bit; gray, gray+alpha, RGB, RGBA, palette,
 * CMYK JPEG) into {@link FloatImage}s. Alpha is dropped. Gray images (and palettes that hold only
 * grays) stay one channel, everything else becomes RGB. JPEGs are turned upright according to
 * their EXIF orientation.
 *
 * <p>Every failure is an {@link ImageLoadException} with a short problem text. Truncated files
 * are reported rather than decoded into a half-grey picture: PNGs are checked for a complete
 * chunk list, and JPEG decoder warnings about a premature end or corrupt data are errors.
 */
public final class ImageLoader {
    /** Larger images are refused: decoding them would take gigabytes of memory. */
    public static final long MAX_PIXELS = 100_000_000L;


    private ImageLoader() {
    }

    public static FloatImage load(Path path) throws ImageLoadException {
        return load(path, DecodedImage.Step.WHOLE).image();
    }

    /**
     * Decodes every {@code step}-th pixel of each row and column, the step chosen from the photo's
     * upright size (a model at a small scale needs no more): a 36-megapixel photo then never
     * exists in memory at full size. A photo that does not fit the heap even so is an
     * {@link ImageLoadException} ({@code too large to decode in the available memory: W x H}).
     */
    public static DecodedImage load(Path path, DecodedImage.Step step) throws ImageLoadException {
        return decode(path, readFile(path), step);
    }

    /**
     * Decodes an image held in memory (an HTTP request body) exactly as {@link #load} decodes a
     * file; {@code path} only names it in the problem text.
     */
    public static FloatImage decode(Path path, byte[] bytes) throws ImageLoadException {
        return decode(path, bytes, DecodedImage.Step.WHOLE).image();
    }

    /** {@link #decode(Path, byte[])} at a step, as {@link #load(Path, DecodedImage.Step)}. */
    public static DecodedImage decode(Path path, byte[] bytes, DecodedImage.Step step) throws ImageLoadException {
        if (bytes.length == 0) {
            throw new ImageLoadException(path, "empty (0 bytes)");
        }
        ImageFormat format = ImageFormat.sniff(bytes);
        if (format == ImageFormat.PNG) {
            String problem = PngStructure.problem(bytes);
            if (problem != null) {
                throw new ImageLoadException(path, problem);
            }
        }
        int orientation = format == ImageFormat.JPEG ? ExifOrientation.read(bytes) : ExifOrientation.NORMAL;
        return read(path, bytes, format, orientation, step);
    }

    /**
     * Whether the bytes start like a format this loader reads (PNG, JPEG, BMP, TIFF): tells a body
     * that is no image of ours at all from a damaged one.
     */
    public static boolean isSupportedFormat(byte[] bytes) {
        ImageFormat f = ImageFormat.sniff(bytes);
        return f != ImageFormat.UNKNOWN && f != ImageFormat.GIF;
    }

    /** Loads every path it can; the others are added to {@code skipped} with the reason. */
    public static List<LoadedImage> loadAll(List<Path> paths, List<SkippedFile> skipped) {
        List<LoadedImage> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            try {
                out.add(new LoadedImage(p, load(p)));
            } catch (ImageLoadException e) {
                skipped.add(new SkippedFile(p, e.problem()));
            }
        }
        return out;
    }

    private static byte[] readFile(Path path) throws ImageLoadException {
        if (Files.isDirectory(path)) {
            throw new ImageLoadException(path, "is a folder, not an image file");
        }
        if (!Files.exists(path)) {
            throw new ImageLoadException(path, "file not found");
        }
        if (!Files.isRegularFile(path)) {
            throw new ImageLoadException(path, "not a regular file");
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw new ImageLoadException(path, "empty file (0 bytes)");
            }
            if (size > Integer.MAX_VALUE - 16) {
                throw new ImageLoadException(path, "file too large to be read (" + size + " bytes)");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ImageLoadException(path, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new ImageLoadException(path, "permission denied", e);
        } catch (IOException e) {
            throw new ImageLoadException(path, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static DecodedImage read(Path path, byte[] bytes, ImageFormat format, int orientation, DecodedImage.Step step)
            throws ImageLoadException {
        try (ImageInputStream in = inMemory(bytes, 0, bytes.length)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageLoadException(path, ImageFormat.looksLikeText(bytes)
                        ? "not an image (text file?)"
                        : "not an image in a supported format (" + ImageFiles.SUPPORTED + ")");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > MAX_PIXELS) {
                    throw new ImageLoadException(path, "image too large (" + w + "x" + h + " pixels, at most " + MAX_PIXELS + ")");
                }
                boolean turned = ExifOrientation.swapsSides(orientation);
                int width = turned ? h : w;
                int height = turned ? w : h;
                int s = Math.max(1, step.forPhoto(width, height));
                try {
                    ImageReadParam param = reader.getDefaultReadParam();
                    param.setSourceSubsampling(s, s, 0, 0);
                    BufferedImage image = reader.read(0, param);
                    String problem = DecoderWarnings.problem(format, warnings);
                    if (problem != null) {
                        throw new ImageLoadException(path, problem);
                    }
                    return new DecodedImage(ExifOrientation.apply(toFloat(image), orientation), width, height, s);
                } catch (OutOfMemoryError e) {
                    throw ImageLoadException.outOfMemory(path, "decode", width, height, e);
                }
            } finally {
                reader.dispose();
            }
        } catch (ImageLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(path, describeFailure(format, e), e);
        }
    }

    /**
     * An image stream over bytes in memory. {@code ImageIO.createImageInputStream} would copy them
     * into a temporary file first (its default cache): a second write of every photo, and decoding
     * that fails with "File too large" or "No space left" when the temp folder is full.
     */
    static ImageInputStream inMemory(byte[] bytes, int offset, int length) {
        return new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes, offset, length));
    }

    private static String describeFailure(ImageFormat format, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof EOFException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof EOFException || e instanceof EOFException) {
            return "truncated " + format.displayName() + " (file ends early)";
        }
        String detail = root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
        return "truncated or corrupt " + format.displayName() + detail;
    }

    /** Converts any decoded image to floats in [0, 1], keeping 16-bit precision. */
    public static FloatImage toFloat(BufferedImage img) {
        ColorModel cm = img.getColorModel();
        if (isGray(cm)) {
            return grayFromRaster(img);
        }
        if (cm instanceof ComponentColorModel && cm.getColorSpace().isCS_sRGB()
                && img.getRaster().getNumBands() >= 3 && !cm.isAlphaPremultiplied()) {
            return rgbFromRaster(img);
        }
        return rgbFromArgb(img);
    }

    private static boolean isGray(ColorModel cm) {
        if (cm instanceof IndexColorModel icm) {
            return isGrayPalette(icm);
        }
        return cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1;
    }

    private static boolean isGrayPalette(IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            int r = icm.getRed(i);
            if (r != icm.getGreen(i) || r != icm.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    private static FloatImage grayFromRaster(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        ColorModel cm = img.getColorModel();
        float[] out = new float[w * h];
        if (cm instanceof IndexColorModel icm) {
            // A gray palette: the sample is an index, the gray level is the palette entry.
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                img.getRaster().getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = icm.getRed(row[x]) / 255f;
                }
            }
            return new FloatImage(1, w, h, out);
        }
        readBand(img.getRaster(), 0, scaleOf(img, 0), out, 0);
        return new FloatImage(1, w, h, out);
    }

    private static FloatImage rgbFromRaster(BufferedImage img) {
        int n = img.getWidth() * img.getHeight();
        float[] out = new float[3 * n];
        for (int c = 0; c < 3; c++) {
            readBand(img.getRaster(), c, scaleOf(img, c), out, c * n);
        }
        return new FloatImage(3, img.getWidth(), img.getHeight(), out);
    }

    /** 1 / the largest sample value; float rasters are taken to be in [0, 1] already. */
    private static float scaleOf(BufferedImage img, int band) {
        int type = img.getRaster().getDataBuffer().getDataType();
        if (type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE) {
            return 1f;
        }
        int bits = img.getColorModel().getComponentSize(band);
        return (float) (1.0 / ((1L << bits) - 1));
    }

    private static void readBand(Raster raster, int band, float scale, float[] out, int offset) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        float[] row = new float[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, band, row);
            int base = offset + y * w;
            for (int x = 0; x < w; x++) {
                float v = row[x] * scale;
                out[base + x] = v < 0f ? 0f : Math.min(1f, v);
            }
        }
    }

    /** Everything else (palettes, packed RGB, CMYK, custom colour spaces) through Java2D's sRGB conversion. */
    private static FloatImage rgbFromArgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int n = w * h;
        float[] out = new float[3 * n];
        int[] argb = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = argb[x];
                int i = y * w + x;
                out[i] = ((p >> 16) & 0xFF) / 255f;
                out[n + i] = ((p >> 8) & 0xFF) / 255f;
                out[2 * n + i] = (p & 0xFF) / 255f;
            }
        }
        return new FloatImage(3, w, h, out);
    }

    /** A decoded image and where it came from. */
    public record LoadedImage(Path path, FloatImage image) {
    }
}
