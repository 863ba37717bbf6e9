package org.ssaeinspector.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.util.UserFacingException;

class DataSetScannerTest {
    @TempDir
    Path dir;

    /** Creates the files (content irrelevant: the scanner goes by names) and their folders. */
    private Path touch(String... relative) throws IOException {
        Path last = null;
        for (String r : relative) {
            last = dir.resolve(r);
            Files.createDirectories(last.getParent());
            Files.writeString(last, "x");
        }
        return last;
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void mvtecCategory() throws Exception {
        touch("cat/train/good/002.png", "cat/train/good/000.png", "cat/train/good/001.png",
                "cat/train/good/.DS_Store", "cat/train/good/notes.txt",
                "cat/test/good/000.png", "cat/test/good/001.png",
                "cat/test/scratch/000.png", "cat/test/scratch/001.png",
                "cat/test/hole/000.png",
                "cat/ground_truth/scratch/000_mask.png", "cat/ground_truth/scratch/001_mask.png",
                "cat/ground_truth/hole/005_mask.png",
                "cat/readme.txt", "cat/license.txt");
        DataSet ds = DataSetScanner.scan(dir.resolve("cat"));
        assertTrue(ds.mvtecLayout());
        assertEquals("cat", ds.name());
        assertEquals(List.of("000.png", "001.png", "002.png"), names(ds.train()));
        assertEquals(List.of(new SkippedFile(dir.resolve("cat/train/good/notes.txt"), "not an image file")), ds.skipped());
        assertEquals(5, ds.test().size());
        assertEquals(2, ds.testCount(Label.GOOD));
        assertEquals(3, ds.testCount(Label.DEFECTIVE));
        assertEquals(List.of("hole", "scratch"), ds.defectTypes());
        ImageSample good = ds.test().stream().filter(s -> s.label() == Label.GOOD).findFirst().orElseThrow();
        assertEquals("good", good.defectType());
        assertEquals(Optional.empty(), good.mask());
        ImageSample scratch1 = sample(ds, "cat/test/scratch/001.png");
        assertEquals(Label.DEFECTIVE, scratch1.label());
        assertEquals("scratch", scratch1.defectType());
        assertEquals(Optional.of(dir.resolve("cat/ground_truth/scratch/001_mask.png")), scratch1.mask());
        // hole/000 has no mask (only 005 has one): no mask rather than a wrong one.
        assertEquals(Optional.empty(), sample(ds, "cat/test/hole/000.png").mask());
    }

    private ImageSample sample(DataSet ds, String relative) {
        Path p = dir.resolve(relative);
        return ds.test().stream().filter(s -> s.path().equals(p)).findFirst().orElseThrow(() -> new AssertionError(relative));
    }

    @Test
    void mvtecReportsExtraTrainingFoldersAndStraySubfolders() throws Exception {
        touch("c/train/good/a.png", "c/train/good/nested/b.png", "c/train/defect/c.png", "c/test/good/d.png");
        DataSet ds = DataSetScanner.scan(dir.resolve("c"));
        assertEquals(List.of("a.png"), names(ds.train()));
        assertEquals(List.of(dir.resolve("c/train/defect"), dir.resolve("c/train/good/nested")),
                ds.skipped().stream().map(SkippedFile::path).sorted().toList());
    }

    @Test
    void plainFolderOfGoodImages() throws Exception {
        touch("parts/b.jpg", "parts/a.png", "parts/c.TIFF", "parts/readme.md", "parts/Thumbs.db", "parts/.hidden",
                "parts/rejects/x.png");
        DataSet ds = DataSetScanner.scan(dir.resolve("parts"));
        assertFalse(ds.mvtecLayout());
        assertEquals(List.of("a.png", "b.jpg", "c.TIFF"), names(ds.train()));
        assertTrue(ds.test().isEmpty());
        assertEquals(List.of(new SkippedFile(dir.resolve("parts/readme.md"), DataSetScanner.NOT_AN_IMAGE),
                new SkippedFile(dir.resolve("parts/rejects"), DataSetScanner.FOLDER_NOT_SCANNED)), ds.skipped());
    }

    @Test
    void plainTrainAndTestWithOkFoldersAndFlatMasks() throws Exception {
        touch("d/Train/t1.png", "d/Train/t2.png",
                "d/TEST/OK/g1.png", "d/TEST/Good/g2.png", "d/TEST/Crack/c1.png", "d/TEST/Crack/c2.png",
                "d/TEST/dent/n1.bmp", "d/TEST/loose.png", "d/TEST/list.csv",
                "d/masks/c1.png", "d/masks/c2_mask.png", "d/masks/c2.png", "d/masks/g1.png");
        DataSet ds = DataSetScanner.scan(dir.resolve("d"));
        assertFalse(ds.mvtecLayout());
        assertEquals(List.of("t1.png", "t2.png"), names(ds.train()));
        assertEquals(Label.GOOD, sample(ds, "d/TEST/OK/g1.png").label());
        assertEquals(Optional.empty(), sample(ds, "d/TEST/OK/g1.png").mask()); // good images have no mask
        assertEquals(Label.GOOD, sample(ds, "d/TEST/Good/g2.png").label());
        assertEquals("Crack", sample(ds, "d/TEST/Crack/c1.png").defectType());
        assertEquals(Optional.of(dir.resolve("d/masks/c1.png")), sample(ds, "d/TEST/Crack/c1.png").mask());
        assertEquals(Optional.of(dir.resolve("d/masks/c2_mask.png")), sample(ds, "d/TEST/Crack/c2.png").mask());
        assertEquals(Optional.empty(), sample(ds, "d/TEST/dent/n1.bmp").mask());
        assertEquals(Label.UNKNOWN, sample(ds, "d/TEST/loose.png").label());
        assertEquals(List.of(new SkippedFile(dir.resolve("d/TEST/list.csv"), DataSetScanner.NOT_AN_IMAGE)), ds.skipped());
        assertEquals(List.of("Crack", "dent"), ds.defectTypes());
    }

    @Test
    void goodFolderNextToTestWithGroundTruthSubfolders() throws Exception {
        touch("e/good/1.png", "e/test/ok/2.png", "e/test/stain/3.png", "e/ground_truth/stain/3_mask.png");
        DataSet ds = DataSetScanner.scan(dir.resolve("e"));
        assertEquals(List.of("1.png"), names(ds.train()));
        assertEquals(Optional.of(dir.resolve("e/ground_truth/stain/3_mask.png")), sample(ds, "e/test/stain/3.png").mask());
    }

    @Test
    void missingOrEmptyFoldersAreUserErrorsNamingTheFolder() throws Exception {
        Path missing = dir.resolve("nope");
        assertTrue(assertThrows(UserFacingException.class, () -> DataSetScanner.scan(missing)).getMessage().contains(missing.toString()));

        Path file = touch("file.png");
        assertTrue(assertThrows(UserFacingException.class, () -> DataSetScanner.scan(file)).getMessage().startsWith("Not a folder: " + file));

        Files.createDirectories(dir.resolve("m/train/good"));
        touch("m/train/good/readme.txt", "m/test/good/a.png");
        UserFacingException empty = assertThrows(UserFacingException.class, () -> DataSetScanner.scan(dir.resolve("m")));
        assertTrue(empty.getMessage().contains(dir.resolve("m/train/good").toString()), empty.getMessage());
        assertTrue(empty.getMessage().contains("contains no images"), empty.getMessage());

        touch("n/test/good/a.png");
        UserFacingException noTrain = assertThrows(UserFacingException.class, () -> DataSetScanner.scan(dir.resolve("n")));
        assertTrue(noTrain.getMessage().startsWith("No training folder in " + dir.resolve("n")), noTrain.getMessage());
    }

    @Test
    void testSetNeedsNoTrainingImagesButATestFolder() throws Exception {
        touch("held/test/good/a.png", "held/test/pit/b.png", "held/ground_truth/pit/b_mask.png");
        DataSet held = DataSetScanner.scanTestSet(dir.resolve("held"));
        assertEquals(List.of(), held.train());
        assertEquals(2, held.test().size());
        assertTrue(held.test().stream().anyMatch(s -> s.label() == Label.DEFECTIVE && s.mask().isPresent()));

        Files.createDirectories(dir.resolve("emptytrain/train/good"));
        touch("emptytrain/test/good/a.png");
        assertEquals(1, DataSetScanner.scanTestSet(dir.resolve("emptytrain")).test().size());

        touch("goods/a.png");
        UserFacingException noTest = assertThrows(UserFacingException.class, () -> DataSetScanner.scanTestSet(dir.resolve("goods")));
        assertTrue(noTest.getMessage().startsWith("No test folder in " + dir.resolve("goods")), noTest.getMessage());
    }

    @Test
    void folderOfCategoriesSuggestsOne() throws Exception {
        touch("all/bottle/train/good/a.png", "all/cable/train/good/a.png", "all/readme.txt");
        UserFacingException e = assertThrows(UserFacingException.class, () -> DataSetScanner.scan(dir.resolve("all")));
        assertTrue(e.getMessage().endsWith("choose one of: bottle, cable"), e.getMessage());
    }

    @Test
    void testInputsFromFoldersAndFiles() throws Exception {
        touch("p/train/good/t.png", "p/test/good/g.png", "p/test/crack/c.png", "p/test/crack/notes.txt",
                "p/ground_truth/crack/c_mask.png", "p/.git/x.png", "loose/a.png", "loose/sub/b.jpg", "extra.txt");
        TestInputs in = DataSetScanner.scanTestInputs(List.of(dir.resolve("p"), dir.resolve("loose"),
                dir.resolve("p/test/good/g.png"), dir.resolve("extra.txt")));
        assertEquals(List.of(dir.resolve("p/test/crack/c.png"), dir.resolve("p/test/good/g.png"), dir.resolve("p/train/good/t.png"),
                dir.resolve("loose/a.png"), dir.resolve("loose/sub/b.jpg")), in.images().stream().map(ImageSample::path).toList());
        ImageSample crack = in.images().get(0);
        assertEquals(Label.DEFECTIVE, crack.label());
        assertEquals("crack", crack.defectType());
        assertEquals(Optional.of(dir.resolve("p/ground_truth/crack/c_mask.png")), crack.mask());
        assertEquals(Label.GOOD, in.images().get(1).label());
        assertEquals(Label.UNKNOWN, in.images().get(2).label()); // train/good is not a test layout
        assertEquals(Label.UNKNOWN, in.images().get(3).label());
        assertEquals(List.of(new SkippedFile(dir.resolve("p/test/crack/notes.txt"), DataSetScanner.NOT_AN_IMAGE),
                new SkippedFile(dir.resolve("extra.txt"), DataSetScanner.NOT_AN_IMAGE)), in.skipped());
    }

    @Test
    void testInputGivenAsRelativeFileStillGetsItsLabel() throws Exception {
        touch("r/test/dent/1.png");
        Path cwd = Path.of("").toAbsolutePath();
        Path relative = cwd.relativize(dir.resolve("r/test/dent/1.png"));
        ImageSample s = DataSetScanner.scanTestInputs(List.of(relative)).images().get(0);
        assertEquals(relative, s.path());
        assertEquals(Label.DEFECTIVE, s.label());
        assertEquals("dent", s.defectType());
    }

    @Test
    void testInputErrors() throws Exception {
        Path missing = dir.resolve("gone.png");
        assertEquals("Not found: " + missing,
                assertThrows(UserFacingException.class, () -> DataSetScanner.scanTestInputs(List.of(missing))).getMessage());
        touch("txt/a.txt");
        UserFacingException none = assertThrows(UserFacingException.class,
                () -> DataSetScanner.scanTestInputs(List.of(dir.resolve("txt"))));
        assertTrue(none.getMessage().startsWith("No images to score in " + dir.resolve("txt") + " (1 other files skipped)"), none.getMessage());
    }

    @Test
    void realMvtecBottleIfAvailable() {
        Path bottle = Path.of(System.getProperty("ssae.sharedData", "../shared/data"), "mvtec-bottle");
        assumeTrue(Files.isDirectory(bottle), "shared MVTec bottle data not present");
        DataSet ds = DataSetScanner.scan(bottle);
        assertTrue(ds.mvtecLayout());
        assertEquals(209, ds.train().size());
        assertEquals(20, ds.testCount(Label.GOOD));
        assertEquals(63, ds.testCount(Label.DEFECTIVE));
        assertEquals(List.of("broken_large", "broken_small", "contamination"), ds.defectTypes());
        assertTrue(ds.test().stream().filter(s -> s.label() == Label.DEFECTIVE).allMatch(s -> s.mask().isPresent()));
        assertTrue(ds.skipped().isEmpty(), ds.skipped().toString());
        TestInputs in = DataSetScanner.scanTestInputs(List.of(bottle.resolve("test")));
        assertEquals(83, in.images().size());
        assertEquals(63, in.images().stream().filter(s -> s.mask().isPresent()).count());
    }
}
