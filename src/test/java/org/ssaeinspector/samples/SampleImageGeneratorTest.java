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
        assertEquals(List.of(dir.resolve("fabric"), dir.resolve("metal"), dir.resolve("washer")), folders);
        assertTrue(Files.readString(dir.resolve("README.md")).contains("seed\n7)"));
        for (SampleCategory category : SampleImageGenerator.categories()) {
            DataSet ds = DataSetScanner.scan(dir.resolve(category.name()));
            assertTrue(ds.mvtecLayout());
            assertEquals(SampleImageGenerator.TRAIN_GOOD, ds.train().size());
            assertEquals(SampleImageGenerator.TEST_GOOD, ds.testCount(Label.GOOD));
            int defective = category.defectTypes().size() * SampleImageGenerator.testPerDefect(category);
            assertTrue(defective >= SampleImageGenerator.TEST_DEFECTIVE, category.name());
            assertEquals(defective, ds.testCount(Label.DEFECTIVE));
            assertEquals(category.defectTypes().stream().sorted().toList(), ds.defectTypes());
            assertTrue(ds.skipped().isEmpty(), ds.skipped().toString());
            for (ImageSample s : ds.test()) {
                assertEquals(s.label() == Label.DEFECTIVE, s.mask().isPresent(), s.toString());
            }
            FloatImage first = ImageLoader.load(ds.train().get(0));
            assertEquals(category instanceof MetalSample ? 1 : 3, first.channels(), category.name());
            assertEquals(category.width(), first.width());
            assertEquals(category.height(), first.height());
        }
        // Written files hold the rendered pixels: exactly for PNG, within JPEG's loss for the metal.
        SampleCategory washer = category("washer");
        assertSamePixels(SampleImageGenerator.render(washer, 7L, "test", "scratch", 3).image(),
                ImageIO.read(dir.resolve("washer/test/scratch/003.png").toFile()));
        assertNearlySamePixels(SampleImageGenerator.render(category("metal"), 7L, "test", "pit", 3).image(),
                ImageIO.read(dir.resolve("metal/test/pit/003.jpg").toFile()));
    }

    @Test
    void theWideSurfaceIsAWideHighResolutionPhotoWithSmallDefects() {
        SampleCategory metal = category("metal");
        assertTrue(metal.width() >= 2400 && metal.height() >= 800 && metal.width() >= 3 * metal.height());
        for (String defect : metal.defectTypes()) {
            for (int i = 0; i < SampleImageGenerator.testPerDefect(metal); i += 3) {
                SampleImageGenerator.Sample s = SampleImageGenerator.render(metal, SampleImageGenerator.DEFAULT_SEED, "test", defect, i);
                long marked = 0;
                for (boolean m : s.mask()) {
                    marked += m ? 1 : 0;
                }
                // Small against the photo, as pits and fine scratches are: under 0.2 % of it.
                assertTrue(marked > 0 && marked < 0.002 * s.mask().length, defect + " " + i + ": " + marked + " pixels");
            }
        }
    }

    @Test
    void theAppOpensOnAGeneratedCategory() {
        assertEquals(SampleImageGenerator.FIRST_CATEGORY, category(SampleImageGenerator.FIRST_CATEGORY).name());
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
     * changed, the defect is visible (at least 15 of 255 levels somewhere: 6 %, a faint but visible mark), and it is not drawn
     * as saturated black or white.
     */
    @Test
    void masksCoverExactlyTheVisibleDefect() {
        for (SampleCategory category : SampleImageGenerator.categories()) {
            for (String defect : category.defectTypes()) {
                int w = category.width();
                int h = category.height();
                for (int i = 0; i < SampleImageGenerator.testPerDefect(category); i++) {
                    String where = category.name() + "/" + defect + "/" + i;
                    SampleImageGenerator.Sample s = SampleImageGenerator.render(category, SampleImageGenerator.DEFAULT_SEED, "test", defect, i);
                    int maskPixels = 0;
                    int visible = 0;
                    int saturated = 0;
                    int maxDiff = 0;
                    int[] shown = s.image().getRGB(0, 0, w, h, null, 0, w);
                    int[] clean = s.clean().getRGB(0, 0, w, h, null, 0, w);
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            int p = shown[y * w + x];
                            int diff = maxChannelDiff(p, clean[y * w + x]);
                            boolean inMask = s.mask()[y * w + x];
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
                    assertTrue(maskPixels < 0.05 * w * h, where + ": mask too large");
                    assertTrue(visible >= 0.8 * maskPixels, where + ": only " + visible + " of " + maskPixels + " mask pixels changed visibly");
                    // Faint defects are part of the set on purpose, but a person must still see them.
                    assertTrue(maxDiff >= 15, where + ": defect too faint (max difference " + maxDiff + " levels)");
                    // A bright scratch across the lamp's highlight clips a few pixels, as on a camera;
                    // a defect drawn as a black or white blob would clip most of them.
                    assertTrue(saturated <= 0.15 * maskPixels, where + ": " + saturated + " saturated pixels");
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
            long expected = 1;
            for (SampleCategory c : SampleImageGenerator.categories()) {
                expected += SampleImageGenerator.TRAIN_GOOD + SampleImageGenerator.TEST_GOOD
                        + 2L * c.defectTypes().size() * SampleImageGenerator.testPerDefect(c);
            }
            assertEquals(expected, files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".ssae")).count(),
                    "images, masks and README (besides the bundled models)");
        }
        assertEquals(SampleImageGenerator.readme(SampleImageGenerator.DEFAULT_SEED), Files.readString(BUNDLED.resolve("README.md")));
        long seed = SampleImageGenerator.DEFAULT_SEED;
        for (SampleCategory category : SampleImageGenerator.categories()) {
            Path root = BUNDLED.resolve(category.name());
            assertWritten(category, SampleImageGenerator.render(category, seed, "train", null, 17).image(),
                    root.resolve("train/good").resolve(SampleImageGenerator.name(category, 17)));
            assertWritten(category, SampleImageGenerator.render(category, seed, "test", null, 5).image(),
                    root.resolve("test/good").resolve(SampleImageGenerator.name(category, 5)));
            for (String defect : category.defectTypes()) {
                SampleImageGenerator.Sample s = SampleImageGenerator.render(category, seed, "test", defect, 4);
                assertWritten(category, s.image(), root.resolve("test/" + defect).resolve(SampleImageGenerator.name(category, 4)));
                assertArrayEquals(s.mask(), MaskLoader.load(root.resolve("ground_truth/" + defect + "/004_mask.png"),
                        category.width(), category.height()));
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

    private static SampleCategory category(String name) {
        return SampleImageGenerator.categories().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static void assertWritten(SampleCategory category, BufferedImage rendered, Path file) throws Exception {
        BufferedImage read = ImageIO.read(file.toFile());
        if ("jpg".equals(category.format())) {
            assertNearlySamePixels(rendered, read);
        } else {
            assertSamePixels(rendered, read);
        }
    }

    /** Within what JPEG at the generator's quality loses: a mean error under 2 grey levels. */
    private static void assertNearlySamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        int w = expected.getWidth();
        int h = expected.getHeight();
        int[] a = expected.getRGB(0, 0, w, h, null, 0, w);
        int[] b = actual.getRGB(0, 0, w, h, null, 0, w);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += maxChannelDiff(a[i], b[i]);
        }
        double mean = sum / a.length;
        assertTrue(mean < 2.0, "mean difference " + mean + " grey levels");
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
