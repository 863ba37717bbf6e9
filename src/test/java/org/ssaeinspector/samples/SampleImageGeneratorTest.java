package org.ssaeinspector.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.dataset.MaskLoader;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.util.UserFacingException;

class SampleImageGeneratorTest {
    /** The bundled folder, relative to the project root (Maven runs tests there). */
    private static final Path BUNDLED = Path.of("sample-images");

    @TempDir
    Path dir;

    @Test
    void generatesAnMvtecDataSetTheScannerReads() throws Exception {
        List<Path> folders = SampleImageGenerator.generate(dir, 7L);
        assertEquals(List.of(dir.resolve("fabric"), dir.resolve("washer")), folders);
        assertTrue(Files.readString(dir.resolve("README.md")).contains("seed\n7)"));
        for (SampleCategory category : SampleImageGenerator.categories()) {
            DataSet ds = DataSetScanner.scan(dir.resolve(category.name()));
            assertTrue(ds.mvtecLayout());
            assertEquals(SampleImageGenerator.TRAIN_GOOD, ds.train().size());
            assertEquals(SampleImageGenerator.TEST_GOOD, ds.testCount(Label.GOOD));
            assertEquals(2L * SampleImageGenerator.TEST_PER_DEFECT, ds.testCount(Label.DEFECTIVE));
            assertEquals(category.defectTypes().stream().sorted().toList(), ds.defectTypes());
            assertTrue(ds.skipped().isEmpty(), ds.skipped().toString());
            for (ImageSample s : ds.test()) {
                assertEquals(s.label() == Label.DEFECTIVE, s.mask().isPresent(), s.toString());
            }
            FloatImage first = ImageLoader.load(ds.train().get(0));
            assertEquals(3, first.channels());
            assertEquals(SampleImageGenerator.SIZE, first.width());
            assertEquals(SampleImageGenerator.SIZE, first.height());
        }
        // Written files hold exactly the rendered pixels.
        SampleCategory washer = SampleImageGenerator.categories().get(1);
        assertSamePixels(SampleImageGenerator.render(washer, 7L, "test", "scratch", 3).image(),
                ImageIO.read(dir.resolve("washer/test/scratch/003.png").toFile()));
    }

    @Test
    void sameSeedGivesSamePixelsAndAnotherSeedOtherPixels() {
        for (SampleCategory category : SampleImageGenerator.categories()) {
            String defect = category.defectTypes().get(0);
            SampleImageGenerator.Sample a = SampleImageGenerator.render(category, 11L, "test", defect, 2);
            SampleImageGenerator.Sample b = SampleImageGenerator.render(category, 11L, "test", defect, 2);
            assertSamePixels(a.image(), b.image());
            assertArrayEquals(a.mask(), b.mask());
            SampleImageGenerator.Sample other = SampleImageGenerator.render(category, 12L, "test", defect, 2);
            assertFalse(samePixels(a.image(), other.image()), category.name() + ": seed must matter");
            SampleImageGenerator.Sample next = SampleImageGenerator.render(category, 11L, "test", defect, 3);
            assertFalse(samePixels(a.image(), next.image()), category.name() + ": pictures must differ");
        }
    }

    @Test
    void goodPicturesVaryButStayAlike() {
        for (SampleCategory category : SampleImageGenerator.categories()) {
            BufferedImage a = SampleImageGenerator.render(category, 5L, "train", null, 0).image();
            BufferedImage b = SampleImageGenerator.render(category, 5L, "train", null, 1).image();
            double meanA = meanLuma(a);
            double meanB = meanLuma(b);
            assertFalse(samePixels(a, b));
            assertEquals(meanA, meanB, 0.08, category.name() + ": lighting jitter stays slight");
        }
    }

    /**
     * Masks are exact: every pixel the defect changed is in the mask, most mask pixels visibly
     * changed, the defect is visible, and it is not drawn as saturated black or white.
     */
    @Test
    void masksCoverExactlyTheVisibleDefect() {
        for (SampleCategory category : SampleImageGenerator.categories()) {
            for (String defect : category.defectTypes()) {
                for (int i = 0; i < SampleImageGenerator.TEST_PER_DEFECT; i++) {
                    String where = category.name() + "/" + defect + "/" + i;
                    SampleImageGenerator.Sample s = SampleImageGenerator.render(category, SampleImageGenerator.DEFAULT_SEED, "test", defect, i);
                    int maskPixels = 0;
                    int visible = 0;
                    int saturated = 0;
                    int maxDiff = 0;
                    for (int y = 0; y < SampleImageGenerator.SIZE; y++) {
                        for (int x = 0; x < SampleImageGenerator.SIZE; x++) {
                            int p = s.image().getRGB(x, y);
                            int diff = maxChannelDiff(p, s.clean().getRGB(x, y));
                            boolean inMask = s.mask()[y * SampleImageGenerator.SIZE + x];
                            if (!inMask) {
                                assertEquals(0, diff, where + ": changed pixel " + x + "," + y + " outside the mask");
                                continue;
                            }
                            maskPixels++;
                            visible += diff >= 3 ? 1 : 0;
                            maxDiff = Math.max(maxDiff, diff);
                            int sum = ((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255);
                            saturated += sum < 15 || sum > 750 ? 1 : 0;
                        }
                    }
                    assertTrue(maskPixels >= 40, where + ": mask has " + maskPixels + " pixels");
                    assertTrue(maskPixels < 0.05 * SampleImageGenerator.SIZE * SampleImageGenerator.SIZE, where + ": mask too large");
                    assertTrue(visible >= 0.8 * maskPixels, where + ": only " + visible + " of " + maskPixels + " mask pixels changed visibly");
                    assertTrue(maxDiff >= 30, where + ": defect too faint (max difference " + maxDiff + " levels)");
                    assertTrue(saturated <= 0.05 * maskPixels, where + ": " + saturated + " saturated pixels");
                }
            }
        }
    }

    @Test
    void goodPicturesHaveNoMask() {
        SampleImageGenerator.Sample s = SampleImageGenerator.render(SampleImageGenerator.categories().get(0), 3L, "test", null, 0);
        for (boolean m : s.mask()) {
            assertFalse(m);
        }
        assertSamePixels(s.image(), s.clean());
    }

    /** The committed sample-images/ are what the generator makes with the default seed. */
    @Test
    void bundledSampleImagesMatchTheGenerator() throws Exception {
        assertTrue(Files.isDirectory(BUNDLED), "sample-images/ missing from the project root");
        try (Stream<Path> files = Files.walk(BUNDLED)) {
            assertEquals(2 * (SampleImageGenerator.TRAIN_GOOD + SampleImageGenerator.TEST_GOOD + 4 * SampleImageGenerator.TEST_PER_DEFECT) + 1,
                    files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".ssae")).count(),
                    "images, masks and README (besides the bundled models)");
        }
        assertEquals(SampleImageGenerator.readme(SampleImageGenerator.DEFAULT_SEED), Files.readString(BUNDLED.resolve("README.md")));
        long seed = SampleImageGenerator.DEFAULT_SEED;
        for (SampleCategory category : SampleImageGenerator.categories()) {
            Path root = BUNDLED.resolve(category.name());
            assertSamePixels(SampleImageGenerator.render(category, seed, "train", null, 17).image(),
                    ImageIO.read(root.resolve("train/good/017.png").toFile()));
            assertSamePixels(SampleImageGenerator.render(category, seed, "test", null, 5).image(),
                    ImageIO.read(root.resolve("test/good/005.png").toFile()));
            for (String defect : category.defectTypes()) {
                SampleImageGenerator.Sample s = SampleImageGenerator.render(category, seed, "test", defect, 4);
                assertSamePixels(s.image(), ImageIO.read(root.resolve("test/" + defect + "/004.png").toFile()));
                assertArrayEquals(s.mask(), MaskLoader.load(root.resolve("ground_truth/" + defect + "/004_mask.png"),
                        SampleImageGenerator.SIZE, SampleImageGenerator.SIZE));
            }
        }
    }

    @Test
    void unwritableOutputIsAUserErrorNamingThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("occupied"), "a file where a folder should go");
        UserFacingException e = assertThrows(UserFacingException.class, () -> SampleImageGenerator.generate(file.resolve("out"), 1L));
        assertTrue(e.getMessage().startsWith("Cannot write " + file.resolve("out")), e.getMessage());
    }

    @Test
    void keysSeparateEveryPicture() {
        long a = SampleImageGenerator.key(1, "fabric", "test", "hole", 0);
        assertEquals(a, SampleImageGenerator.key(1, "fabric", "test", "hole", 0));
        assertTrue(a != SampleImageGenerator.key(1, "fabric", "test", "hole", 1));
        assertTrue(a != SampleImageGenerator.key(1, "fabric", "test", "stain", 0));
        assertTrue(a != SampleImageGenerator.key(1, "fabric", "train", "hole", 0));
        assertTrue(a != SampleImageGenerator.key(1, "washer", "test", "hole", 0));
        assertTrue(a != SampleImageGenerator.key(2, "fabric", "test", "hole", 0));
    }

    private static int maxChannelDiff(int p, int q) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((p >> shift) & 255) - ((q >> shift) & 255)));
        }
        return d;
    }

    private static double meanLuma(BufferedImage img) {
        double sum = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                sum += (0.299 * ((p >> 16) & 255) + 0.587 * ((p >> 8) & 255) + 0.114 * (p & 255)) / 255.0;
            }
        }
        return sum / (img.getWidth() * img.getHeight());
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertTrue(samePixels(expected, actual), "pixels differ");
    }
}
