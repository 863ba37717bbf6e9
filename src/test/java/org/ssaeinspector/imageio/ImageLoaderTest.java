package org.ssaeinspector.imageio;

import org.ssaeinspector.testing.Bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssaeinspector.dataset.SkippedFile;

class ImageLoaderTest {
    @TempDir
    Path dir;

    @Test
    void rgbPngKeepsExactValues() throws Exception {
        BufferedImage src = TestImages.rgbPattern(40, 30, BufferedImage.TYPE_INT_RGB);
        FloatImage img = ImageLoader.load(TestImages.write(src, "png", dir.resolve("a.png")));
        assertEquals(3, img.channels());
        assertEquals(40, img.width());
        assertEquals(30, img.height());
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                assertEquals(src.getRGB(x, y) & 0xFFFFFF, TestImages.rgbAt(img, x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void rgbaPngDropsAlphaWithoutPremultiplying() throws Exception {
        BufferedImage src = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                src.setRGB(x, y, (x * 30) << 24 | 0xC08040);
            }
        }
        FloatImage img = ImageLoader.load(TestImages.write(src, "png", dir.resolve("rgba.png")));
        assertEquals(3, img.channels());
        // Fully transparent pixels (x = 0) keep their colour too.
        assertEquals(0xC08040, TestImages.rgbAt(img, 0, 3));
        assertEquals(0xC08040, TestImages.rgbAt(img, 7, 3));
    }

    @Test
    void grayPngStaysOneChannel() throws Exception {
        BufferedImage src = new BufferedImage(16, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 16; x++) {
            src.getRaster().setSample(x, 1, 0, x * 16);
        }
        FloatImage img = ImageLoader.load(TestImages.write(src, "png", dir.resolve("g.png")));
        assertEquals(1, img.channels());
        for (int x = 0; x < 16; x++) {
            assertEquals(x * 16 / 255f, img.get(0, x, 1), 1e-6f);
        }
    }

    @Test
    void grayAlphaPngIsOneChannelGray() throws Exception {
        FloatImage img = ImageLoader.load(TestImages.write(TestImages.grayAlpha8(20, 10), "png", dir.resolve("ga.png")));
        assertEquals(1, img.channels());
        assertEquals(13 / 255f, img.get(0, 10, 3), 1e-6f);
    }

    @Test
    void sixteenBitGrayPngKeepsFullPrecision() throws Exception {
        BufferedImage src = TestImages.sixteenBit(32, 2, 1, (x, y, b) -> 1000 + x + 40000 * y);
        FloatImage img = ImageLoader.load(TestImages.write(src, "png", dir.resolve("g16.png")));
        assertEquals(1, img.channels());
        for (int x = 0; x < 32; x++) {
            assertEquals((1000 + x) / 65535f, img.get(0, x, 0), 1e-7f);
            assertEquals((41000 + x) / 65535f, img.get(0, x, 1), 1e-7f);
        }
        // Neighbours one 16-bit step apart stay distinct (8-bit decoding would merge them).
        assertTrue(img.get(0, 1, 0) > img.get(0, 0, 0));
    }

    @Test
    void sixteenBitRgbAndRgbaPngKeepFullPrecision() throws Exception {
        for (int bands : new int[] {3, 4}) {
            BufferedImage src = TestImages.sixteenBit(10, 10, bands, (x, y, b) -> b == 3 ? 9000 : 300 * x + 7 * y + 20000 * b + 1);
            FloatImage img = ImageLoader.load(TestImages.write(src, "png", dir.resolve("c16-" + bands + ".png")));
            assertEquals(3, img.channels());
            for (int c = 0; c < 3; c++) {
                assertEquals((300 * 4 + 7 * 5 + 20000 * c + 1) / 65535f, img.get(c, 4, 5), 1e-7f, "band " + c + " of " + bands);
            }
        }
    }

    @Test
    void colourPaletteBecomesRgbAndGrayPaletteStaysGray() throws Exception {
        byte[] r = {(byte) 255, 0, 0, (byte) 200};
        byte[] g = {0, (byte) 255, 0, (byte) 200};
        byte[] b = {0, 0, (byte) 255, (byte) 10};
        BufferedImage colour = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 4, r, g, b));
        for (int x = 0; x < 4; x++) {
            colour.getRaster().setSample(x, 0, 0, x);
        }
        FloatImage c = ImageLoader.load(TestImages.write(colour, "png", dir.resolve("pal.png")));
        assertEquals(3, c.channels());
        assertEquals(0xFF0000, TestImages.rgbAt(c, 0, 0));
        assertEquals(0x0000FF, TestImages.rgbAt(c, 2, 0));
        assertEquals(0xC8C80A, TestImages.rgbAt(c, 3, 0));

        BufferedImage bw = new BufferedImage(8, 2, BufferedImage.TYPE_BYTE_BINARY);
        bw.getRaster().setSample(3, 1, 0, 1);
        FloatImage gray = ImageLoader.load(TestImages.write(bw, "png", dir.resolve("bw.png")));
        assertEquals(1, gray.channels());
        assertEquals(1f, gray.get(0, 3, 1));
        assertEquals(0f, gray.get(0, 2, 1));
    }

    @Test
    void bmpLoads() throws Exception {
        BufferedImage src = TestImages.rgbPattern(13, 7, BufferedImage.TYPE_3BYTE_BGR);
        FloatImage img = ImageLoader.load(TestImages.write(src, "bmp", dir.resolve("a.bmp")));
        assertEquals(3, img.channels());
        assertEquals(src.getRGB(12, 6) & 0xFFFFFF, TestImages.rgbAt(img, 12, 6));
    }

    @Test
    void grayTiffKeepsValuesIn8And16Bit() throws Exception {
        BufferedImage g8 = new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_GRAY);
        g8.getRaster().setSample(2, 3, 0, 77);
        FloatImage a = ImageLoader.load(TestImages.write(g8, "tiff", dir.resolve("g8.tif")));
        assertEquals(1, a.channels());
        assertEquals(77 / 255f, a.get(0, 2, 3), 1e-6f);
        assertEquals(0f, a.get(0, 3, 2));

        BufferedImage g16 = TestImages.sixteenBit(6, 3, 1, (x, y, b) -> 12345 + x * 1000 + y);
        FloatImage c = ImageLoader.load(TestImages.write(g16, "tiff", dir.resolve("g16.tiff")));
        assertEquals(1, c.channels());
        assertEquals((12345 + 5000 + 2) / 65535f, c.get(0, 5, 2), 1e-7f);
    }

    @Test
    void rgbTiffLoads() throws Exception {
        BufferedImage src = TestImages.rgbPattern(9, 9, BufferedImage.TYPE_3BYTE_BGR);
        FloatImage img = ImageLoader.load(TestImages.write(src, "tiff", dir.resolve("c.tiff")));
        assertEquals(3, img.channels());
        assertEquals(src.getRGB(8, 4) & 0xFFFFFF, TestImages.rgbAt(img, 8, 4));
    }

    @Test
    void jpegLoadsColourAndGray() throws Exception {
        BufferedImage flat = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                flat.setRGB(x, y, 0x3366CC);
            }
        }
        FloatImage c = ImageLoader.load(TestImages.writeBytes(dir.resolve("c.jpg"), TestImages.jpeg(flat, 0.95f)));
        assertEquals(3, c.channels());
        assertEquals(0x33 / 255f, c.get(0, 10, 10), 0.02f);
        assertEquals(0x66 / 255f, c.get(1, 10, 10), 0.02f);
        assertEquals(0xCC / 255f, c.get(2, 10, 10), 0.02f);

        BufferedImage gray = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 16, 16, 0, filled(256, 90));
        FloatImage g = ImageLoader.load(TestImages.writeBytes(dir.resolve("g.jpeg"), TestImages.jpeg(gray, 0.95f)));
        assertEquals(1, g.channels());
        assertEquals(90 / 255f, g.get(0, 5, 5), 0.01f);
    }

    /**
     * Each orientation's stored pixels are built from the EXIF definition of where row 0 and
     * column 0 of the stored image belong, independently of {@link ExifOrientation#apply}.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegExifOrientationIsApplied(int orientation) throws Exception {
        int w = 64;
        int h = 32;
        int[] quadrant = {0xE02020, 0x20C020, 0x2020E0, 0xF0F0F0}; // TL, TR, BL, BR of the upright picture
        boolean swapped = orientation >= 5;
        int sw = swapped ? h : w;
        int sh = swapped ? w : h;
        BufferedImage stored = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        for (int sy = 0; sy < sh; sy++) {
            for (int sx = 0; sx < sw; sx++) {
                int[] d = displayed(orientation, sx, sy, w, h);
                int q = (d[0] < w / 2 ? 0 : 1) + (d[1] < h / 2 ? 0 : 2);
                stored.setRGB(sx, sy, quadrant[q]);
            }
        }
        byte[] jpeg = TestImages.withExifOrientation(TestImages.jpeg(stored, 0.95f), orientation);
        assertEquals(orientation, ExifOrientation.read(jpeg));
        Path file = TestImages.writeBytes(dir.resolve("o" + orientation + ".jpg"), jpeg);
        FloatImage img = ImageLoader.load(file);
        assertEquals(w, img.width(), "width");
        assertEquals(h, img.height(), "height");
        assertQuadrants(img, 1, quadrant, "orientation " + orientation);
        // At a step, the step is chosen for the upright picture, and the pixels are turned the same way.
        int[] asked = new int[2];
        DecodedImage stepped = ImageLoader.load(file, (pw, ph) -> {
            asked[0] = pw;
            asked[1] = ph;
            return 4;
        });
        assertArrayEquals(new int[] {w, h}, asked);
        assertEquals(List.of(w, h, 4, w / 4, h / 4), List.of(stepped.width(), stepped.height(), stepped.step(),
                stepped.image().width(), stepped.image().height()));
        assertQuadrants(stepped.image(), 4, quadrant, "orientation " + orientation + " at step 4");
    }

    private static void assertQuadrants(FloatImage img, int step, int[] quadrant, String what) {
        int w = img.width() * step;
        int h = img.height() * step;
        int[][] centres = {{w / 4, h / 4}, {3 * w / 4, h / 4}, {w / 4, 3 * h / 4}, {3 * w / 4, 3 * h / 4}};
        for (int q = 0; q < 4; q++) {
            int expected = quadrant[q];
            for (int c = 0; c < 3; c++) {
                int want = (expected >> (16 - 8 * c)) & 0xFF;
                assertEquals(want / 255f, img.get(c, centres[q][0] / step, centres[q][1] / step), 0.08f,
                        what + " quadrant " + q + " channel " + c);
            }
        }
    }

    @Test
    void aStepDecodesEveryStepthPixelAndKeepsThePhotosSize() throws Exception {
        BufferedImage src = TestImages.rgbPattern(41, 30, BufferedImage.TYPE_INT_RGB);
        Path file = TestImages.write(src, "png", dir.resolve("stepped.png"));
        DecodedImage d = ImageLoader.load(file, (pw, ph) -> 4);
        assertEquals(List.of(41, 30, 4), List.of(d.width(), d.height(), d.step()));
        assertEquals(11, d.image().width(), "every 4th column from the first: 0, 4, ..., 40");
        assertEquals(8, d.image().height());
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 11; x++) {
                assertEquals(src.getRGB(4 * x, 4 * y) & 0xFFFFFF, TestImages.rgbAt(d.image(), x, y), "pixel " + x + "," + y);
            }
        }
        DecodedImage whole = ImageLoader.load(file, DecodedImage.Step.WHOLE);
        assertEquals(List.of(41, 30, 1, 41, 30), List.of(whole.width(), whole.height(), whole.step(),
                whole.image().width(), whole.image().height()));
    }

    @Test
    void garbageAfterAPngSignatureIsSaidAsSuchNotAsTruncated() throws Exception {
        byte[] junk = new byte[4000];
        new Random(9).nextBytes(junk);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, junk, 0, 8);
        Path p = TestImages.writeBytes(dir.resolve("signature-then-junk.png"), junk);
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
        assertEquals("not a PNG image (the PNG signature is followed by garbage, not an image header)", e.problem());

        // A good header and then garbage where the next chunk should start: damaged, not cut short.
        BufferedImage src = TestImages.rgbPattern(16, 16, BufferedImage.TYPE_INT_RGB);
        byte[] bytes = Files.readAllBytes(TestImages.write(src, "png", dir.resolve("ok16.png")));
        int afterHeader = 8 + 8 + 13 + 4;
        byte[] damaged = Arrays.copyOf(bytes, bytes.length);
        System.arraycopy(junk, 100, damaged, afterHeader, damaged.length - afterHeader);
        Path q = TestImages.writeBytes(dir.resolve("header-then-junk.png"), damaged);
        ImageLoadException f = assertThrows(ImageLoadException.class, () -> ImageLoader.load(q));
        assertEquals("corrupt PNG (damaged chunk at byte " + afterHeader + ")", f.problem());
    }

    /** Where stored pixel (sx, sy) appears in the upright W x H picture, per the EXIF specification. */
    private static int[] displayed(int orientation, int sx, int sy, int w, int h) {
        return switch (orientation) {
            case 1 -> new int[] {sx, sy};
            case 2 -> new int[] {w - 1 - sx, sy};
            case 3 -> new int[] {w - 1 - sx, h - 1 - sy};
            case 4 -> new int[] {sx, h - 1 - sy};
            case 5 -> new int[] {sy, sx};
            case 6 -> new int[] {w - 1 - sy, sx};
            case 7 -> new int[] {w - 1 - sy, h - 1 - sx};
            case 8 -> new int[] {sy, h - 1 - sx};
            default -> throw new IllegalArgumentException();
        };
    }

    @Test
    void jpegWithoutExifOrBrokenExifIsNotRotated() throws Exception {
        BufferedImage src = TestImages.rgbPattern(48, 16, BufferedImage.TYPE_INT_RGB);
        byte[] plain = TestImages.jpeg(src, 0.9f);
        assertEquals(ExifOrientation.NORMAL, ExifOrientation.read(plain));
        byte[] broken = TestImages.withExifOrientation(plain, 6);
        broken[6 + 4 + 2] = 'X'; // corrupt the TIFF byte-order mark inside the EXIF block
        FloatImage img = ImageLoader.load(TestImages.writeBytes(dir.resolve("b.jpg"), broken));
        assertEquals(48, img.width());
        assertEquals(ExifOrientation.NORMAL, ExifOrientation.read(broken));
    }

    @Test
    void cmykJpegIsConvertedToRgb() throws Exception {
        ColorSpace cmyk = ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK);
        ColorModel cm = new ComponentColorModel(cmyk, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(32, 32);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                raster.setSample(x, y, x < 16 ? 0 : 1, 255); // cyan left, magenta right
            }
        }
        Path p = TestImages.write(new BufferedImage(cm, raster, false, null), "jpeg", dir.resolve("cmyk.jpg"));
        assertEquals(4, jpegComponentCount(Files.readAllBytes(p)), "the test file really is a CMYK JPEG");
        FloatImage img = ImageLoader.load(p);
        assertEquals(3, img.channels());
        assertTrue(img.get(0, 5, 5) < 0.4f && img.get(1, 5, 5) > 0.5f && img.get(2, 5, 5) > 0.7f, "cyan");
        assertTrue(img.get(0, 25, 5) > 0.7f && img.get(1, 25, 5) < 0.4f && img.get(2, 25, 5) > 0.4f, "magenta");
    }

    /** The number of colour components in the JPEG's frame header (SOF0..SOF2). */
    private static int jpegComponentCount(byte[] b) {
        for (int i = 2; i + 9 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) >= 0xC0 && (b[i + 1] & 0xFF) <= 0xC2) {
                return b[i + 9] & 0xFF;
            }
        }
        return -1;
    }

    @Test
    void zeroByteFileIsReported() throws Exception {
        Path p = Files.createFile(dir.resolve("empty.png"));
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
        assertEquals("empty file (0 bytes)", e.problem());
        assertEquals(p, e.path());
        assertTrue(e.getMessage().startsWith(p.toString()));
    }

    @Test
    void truncatedPngIsReportedAtEveryCutPoint() throws Exception {
        Random random = new Random(3);
        BufferedImage src = TestImages.rgbPattern(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                src.setRGB(x, y, random.nextInt());
            }
        }
        byte[] full = Files.readAllBytes(TestImages.write(src, "png", dir.resolve("full.png")));
        // Cuts inside the header, inside the pixel data, and just before/inside the end marker.
        for (int cut : new int[] {10, 40, full.length / 2, full.length - 20, full.length - 12, full.length - 1}) {
            Path p = TestImages.writeBytes(dir.resolve("cut" + cut + ".png"), Arrays.copyOf(full, cut));
            ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p), "cut at " + cut);
            assertTrue(e.problem().startsWith("truncated PNG"), e.problem());
        }
    }

    @Test
    void corruptPngDataIsReported() throws Exception {
        BufferedImage src = TestImages.rgbPattern(64, 64, BufferedImage.TYPE_INT_RGB);
        byte[] bytes = Files.readAllBytes(TestImages.write(src, "png", dir.resolve("ok.png")));
        int idat = Bytes.indexOf(bytes, "IDAT".getBytes(StandardCharsets.US_ASCII));
        for (int i = idat + 6; i < idat + 60; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Path p = TestImages.writeBytes(dir.resolve("bad.png"), bytes);
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
        assertTrue(e.problem().startsWith("truncated or corrupt PNG"), e.problem());
    }

    @Test
    void truncatedJpegIsReportedNotDecodedAsGrey() throws Exception {
        BufferedImage src = TestImages.rgbPattern(128, 96, BufferedImage.TYPE_INT_RGB);
        byte[] full = TestImages.jpeg(src, 0.9f);
        ImageLoader.load(TestImages.writeBytes(dir.resolve("full.jpg"), full)); // the whole file is fine
        for (double fraction : new double[] {0.3, 0.6, 0.95}) {
            Path p = TestImages.writeBytes(dir.resolve("cut" + fraction + ".jpg"), Arrays.copyOf(full, (int) (full.length * fraction)));
            ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p), "fraction " + fraction);
            assertTrue(e.problem().startsWith("truncated or corrupt JPEG"), e.problem());
        }
        Path header = TestImages.writeBytes(dir.resolve("hdr.jpg"), Arrays.copyOf(full, 30));
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(header));
        assertTrue(e.problem().contains("JPEG"), e.problem());
    }

    @Test
    void truncatedBmpAndTiffAreReported() throws Exception {
        BufferedImage src = TestImages.rgbPattern(50, 50, BufferedImage.TYPE_3BYTE_BGR);
        for (String format : new String[] {"bmp", "tiff"}) {
            byte[] full = Files.readAllBytes(TestImages.write(src, format, dir.resolve("full." + format)));
            Path p = TestImages.writeBytes(dir.resolve("cut." + format), Arrays.copyOf(full, full.length / 2));
            ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
            assertTrue(e.problem().startsWith("truncated"), e.problem());
            assertTrue(e.problem().contains(format.toUpperCase()), e.problem());
        }
    }

    @Test
    void textFileRenamedPngIsReportedAsText() throws Exception {
        Path p = Files.writeString(dir.resolve("notes.png"), "Batch 17 inspected on Monday.\nAll fine.\n");
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
        assertEquals("not an image (text file?)", e.problem());
    }

    @Test
    void binaryGarbageIsReportedAsUnsupported() throws Exception {
        byte[] junk = new byte[500];
        new Random(5).nextBytes(junk);
        junk[0] = 0;
        Path p = TestImages.writeBytes(dir.resolve("junk.jpg"), junk);
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
        assertTrue(e.problem().startsWith("not an image in a supported format"), e.problem());
    }

    @Test
    void folderNamedLikeAnImageAndMissingFileAreReported() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("x.png"));
        assertEquals("is a folder, not an image file",
                assertThrows(ImageLoadException.class, () -> ImageLoader.load(folder)).problem());
        Path missing = dir.resolve("missing.png");
        assertEquals("file not found", assertThrows(ImageLoadException.class, () -> ImageLoader.load(missing)).problem());
    }

    @Test
    void jpegContentUnderPngNameStillLoads() throws Exception {
        BufferedImage src = TestImages.rgbPattern(16, 16, BufferedImage.TYPE_INT_RGB);
        FloatImage img = ImageLoader.load(TestImages.writeBytes(dir.resolve("really-a-jpeg.png"), TestImages.jpeg(src, 0.9f)));
        assertEquals(16, img.width());
    }

    @Test
    void loadAllKeepsGoodImagesAndListsBadOnes() throws Exception {
        Path good = TestImages.write(TestImages.rgbPattern(8, 8, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("good.png"));
        Path empty = Files.createFile(dir.resolve("empty.png"));
        Path text = Files.writeString(dir.resolve("t.jpg"), "hello");
        List<SkippedFile> skipped = new ArrayList<>();
        List<ImageLoader.LoadedImage> loaded = ImageLoader.loadAll(List.of(good, empty, text), skipped);
        assertEquals(1, loaded.size());
        assertEquals(good, loaded.get(0).path());
        assertEquals(List.of(new SkippedFile(empty, "empty file (0 bytes)"), new SkippedFile(text, "not an image (text file?)")), skipped);
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }


    @Test
    void unreadableFileIsReported() throws IOException {
        Path p = TestImages.write(TestImages.rgbPattern(4, 4, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("locked.png"));
        if (!p.toFile().setReadable(false) || Files.isReadable(p)) {
            return; // running as root: permissions are not enforced
        }
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(p));
        assertEquals("permission denied", e.problem());
    }
}
