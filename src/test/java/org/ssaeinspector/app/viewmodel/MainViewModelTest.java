package org.ssaeinspector.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.Fixtures;
import org.ssaeinspector.app.fakes.RecordingPrompts;
import org.ssaeinspector.app.fakes.TestImages;
import org.ssaeinspector.app.task.Lane;
import org.ssaeinspector.app.task.SynchronousRunner;
import org.ssaeinspector.dataset.Label;

class MainViewModelTest {
    @TempDir
    Path tmp;
    FakeEngineService engine;
    SynchronousRunner runner;
    RecordingPrompts prompts;
    MainViewModel vm;

    @BeforeEach
    void setUp() {
        engine = new FakeEngineService();
        runner = new SynchronousRunner();
        prompts = new RecordingPrompts();
        vm = Fixtures.main(engine, runner, prompts);
    }

    @Test
    void mvtecFolderIsAddedWholeWithLabelsAndMasks() throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("widget"), 6, 4, 3, 48);
        vm.drop(List.of(data.toFile()), null);
        Project p = vm.project();
        assertEquals(6, p.trainingCountProperty().get());
        assertEquals(7, p.testCountProperty().get());
        assertEquals(0, prompts.setQuestions, "an MVTec folder needs no question");
        assertEquals("widget", p.nameProperty().get());
        List<ImageItem> test = p.items(ImageSet.TEST);
        assertEquals(3, test.stream().filter(i -> i.label() == Label.DEFECTIVE).count());
        assertTrue(test.stream().filter(i -> i.label() == Label.DEFECTIVE).allMatch(i -> i.mask().isPresent()));
        assertTrue(vm.statusMessageProperty().get().contains("6 training and 7 test"));
    }

    @Test
    void aDataSetWithItsModelOpensReadyToInspect() throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("widget"), 3, 2, 2, 32);
        engine.saveModel(FakeEngineService.model(0.25), data.resolve("widget.ssae"), 0.25);
        vm.drop(List.of(data.toFile()), null);
        assertNotNull(vm.project().model());
        assertEquals(0.25, vm.project().thresholdProperty().get(), 1e-12);
        assertEquals(4, vm.project().scoredTestCountProperty().get());
    }

    @Test
    void droppingTheSameFolderTwiceAddsNothing() throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("widget"), 3, 2, 2, 32);
        vm.drop(List.of(data.toFile()), null);
        vm.drop(List.of(data.toFile()), null);
        assertEquals(3, vm.project().trainingCountProperty().get());
        assertEquals(4, vm.project().testCountProperty().get());
    }

    @Test
    void looseImagesGoToTheTargetOrTheChosenSet() throws Exception {
        Path plain = TestImages.plain(tmp.resolve("plain"), 3, 32);
        List<File> files;
        try (var s = Files.list(plain)) {
            files = s.sorted().map(Path::toFile).toList();
        }
        vm.drop(files.subList(0, 1), ImageSet.TRAINING);
        assertEquals(1, vm.project().trainingCountProperty().get());
        assertEquals(0, prompts.setQuestions);

        prompts.setAnswer = ImageSet.TEST;
        vm.drop(files.subList(1, 3), null);
        assertEquals(1, prompts.setQuestions, "dropped outside a set: the user is asked");
        assertEquals(2, vm.project().testCountProperty().get());

        prompts.setAnswer = null;
        vm.drop(List.of(plain.toFile()), null);
        assertEquals(1, vm.project().trainingCountProperty().get(), "cancelled question adds nothing");
        assertEquals(2, vm.project().testCountProperty().get());
    }

    @Test
    void nonImageFileGivesOneMessageAndAddsNothing() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        Path missing = tmp.resolve("gone.png");
        vm.drop(List.of(text.toFile(), missing.toFile()), ImageSet.TEST);
        assertEquals(1, prompts.errors.size());
        assertTrue(prompts.errors.get(0).contains("notes.txt: not an image"), prompts.errors.get(0));
        assertTrue(prompts.errors.get(0).contains("gone.png: not found"), prompts.errors.get(0));
        assertEquals(0, vm.project().items().size());
    }

    @Test
    void corruptImageWithImageExtensionIsMarkedNotCrashing() throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("widget"), 2, 2, 1, 32);
        Files.writeString(data.resolve("test/good/broken.png"), "not really a png");
        vm.drop(List.of(data.toFile()), null);
        vm.openModel(saveFakeModel(0.2), Double.NaN);
        ImageItem broken = vm.project().items(ImageSet.TEST).stream()
                .filter(i -> i.name().equals("broken.png")).findFirst().orElseThrow();
        assertFalse(broken.isScored());
        assertNotNull(broken.problemProperty().get());
        assertTrue(broken.problemProperty().get().contains("not an image"), broken.problemProperty().get());
        assertEquals(3, vm.project().scoredTestCountProperty().get());
    }

    @Test
    void openingAModelScoresTheTestImagesOnTheEngineLane() throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("widget"), 2, 5, 4, 48);
        vm.drop(List.of(data.toFile()), null);
        assertEquals(0, engine.scoreCalls.get(), "no model, no scoring");
        vm.openModel(saveFakeModel(0.2), Double.NaN);
        assertEquals(9, engine.scoreCalls.get());
        assertEquals(9, vm.project().scoredTestCountProperty().get());
        assertEquals(0.2, vm.project().thresholdProperty().get(), 1e-9);
        assertEquals(4, vm.project().flaggedTestCountProperty().get(), "the blobs are flagged, the good pass");
        int scoringJob = runner.titles.indexOf("Scoring 9 images");
        assertEquals(Lane.ENGINE, runner.lanes.get(scoringJob));
        assertTrue(vm.modelTextBinding().get().startsWith("model.ssae"), vm.modelTextBinding().get());
        assertTrue(vm.countsTextBinding().get().contains("4 flagged"), vm.countsTextBinding().get());
        assertTrue(vm.threshold().pixelAurocProperty().get() > 0.9, "masks known: pixel AUROC computed");
    }

    @Test
    void aForeignModelFileGivesAMessage() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.ssae"), "zip? no");
        vm.drop(List.of(bad.toFile()), null);
        assertNull(vm.project().model());
        assertEquals(1, prompts.errors.size());
        assertTrue(prompts.errors.get(0).contains("bad.ssae: not an SSAE model file"), prompts.errors.get(0));
    }

    @Test
    void projectRoundTripKeepsImagesLabelsModelAndThreshold() throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("widget"), 3, 2, 2, 32);
        vm.drop(List.of(data.toFile()), null);
        Path model = saveFakeModel(0.3);
        vm.openModel(model, Double.NaN);
        vm.project().thresholdProperty().set(0.123);
        ImageItem first = vm.project().items(ImageSet.TEST).get(0);
        vm.project().setLabel(first, Label.DEFECTIVE);
        vm.gallery().filterProperty().set(GalleryFilter.FLAGGED);
        Path file = tmp.resolve("proj/widget.ssaeproj");
        vm.saveProject(file);
        assertTrue(Files.isRegularFile(file));
        assertFalse(vm.project().dirtyProperty().get());
        assertTrue(Files.readString(file).contains("\"../widget/train/good/000.png\""), "paths are relative");
        assertEquals(file.toAbsolutePath().normalize(), vm.recent().paths().get(0));

        MainViewModel other = Fixtures.main(engine, new SynchronousRunner(), new RecordingPrompts());
        other.openProject(file);
        Project p = other.project();
        assertEquals("widget", p.nameProperty().get());
        assertEquals(3, p.trainingCountProperty().get());
        assertEquals(4, p.testCountProperty().get());
        assertEquals(0.123, p.thresholdProperty().get(), 1e-9);
        assertNotNull(p.model());
        assertEquals(model.toAbsolutePath().normalize(), p.modelFileProperty().get().toAbsolutePath().normalize());
        ImageItem again = p.items(ImageSet.TEST).stream().filter(i -> i.path().equals(first.path())).findFirst()
                .orElseThrow();
        assertEquals(Label.DEFECTIVE, again.label());
        assertEquals(GalleryFilter.FLAGGED, other.gallery().filterProperty().get());
        assertEquals(4, p.scoredTestCountProperty().get());
        assertFalse(p.dirtyProperty().get());
    }

    @Test
    void brokenProjectFileGivesAMessageAndLeavesRecentList() throws Exception {
        Path file = Files.writeString(tmp.resolve("x.ssaeproj"), "{ nope");
        vm.recent().add(file);
        vm.openProject(file);
        assertEquals(1, prompts.errors.size());
        assertTrue(prompts.errors.get(0).contains("x.ssaeproj: not an SSAE Inspector project"), prompts.errors.get(0));
        assertTrue(vm.recent().paths().isEmpty());
    }

    /** A 3 GiB file (sparse: no disk used) is refused before it is read, as any file over the cap. */
    @Test
    void aHugeProjectFileIsRefusedUnreadWithOneLine() throws Exception {
        Path huge = tmp.resolve("huge.ssaeproj");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        vm.recent().add(huge);
        vm.openProject(huge);
        assertEquals(List.of("Cannot open the project: " + huge
                + ": not an SSAE Inspector project (larger than 64 MiB, the most a project file holds)"),
                prompts.errors);
        assertTrue(vm.recent().paths().isEmpty());
        assertEquals(0, vm.project().testCountProperty().get());
    }

    /** Malformed JSON and each kind of bad path entry: one message naming file and entry, nothing changed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "malformed JSON          | { \"format\": 1, \"training\": [                      | not an SSAE Inspector project",
        "JSON null               | null                                                    | not an SSAE Inspector project",
        "null training entry     | {\"format\":1,\"training\":[\"a.png\",null]}       | entry training[1] is null",
        "empty training entry    | {\"format\":1,\"training\":[\"\"]}                 | entry training[0] is empty",
        "root as training entry  | {\"format\":1,\"training\":[\"/\"]}                | entry training[0] '/' is a folder",
        "folder as test path     | {\"format\":1,\"test\":[{\"path\":\"sub\"}]}     | entry test[0].path 'sub' is a folder",
        "NUL in test path        | {\"format\":1,\"test\":[{\"path\":\"a\\u0000.png\"}]} | entry test[0].path holds a NUL character",
        "null test path          | {\"format\":1,\"test\":[{\"label\":\"good\"}]}   | entry test[0].path is null",
        "null test image         | {\"format\":1,\"test\":[null]}                      | entry test[0] is null",
        "empty mask              | {\"format\":1,\"test\":[{\"path\":\"a.png\",\"mask\":\"\"}]} | entry test[0].mask is empty",
        "folder as model         | {\"format\":1,\"model\":\".\"}                     | entry model '.' is a folder",
        "NUL in model            | {\"format\":1,\"model\":\"m\\u0000.ssae\"}       | entry model holds a NUL character",
        "infinite threshold      | {\"format\":1,\"threshold\":1e999}                   | entry threshold is not a finite number",
    })
    void aBadProjectFileNamesFileAndEntryAndChangesNothing(String name, String json, String problem)
            throws Exception {
        vm.drop(List.of(TestImages.mvtec(tmp.resolve("open"), 2, 1, 1, 32).toFile()), null);
        Path good = tmp.resolve("open.ssaeproj");
        vm.saveProject(good);
        Path model = saveFakeModel(0.3);
        vm.openModel(model, Double.NaN);
        Files.createDirectories(tmp.resolve("sub"));
        Path bad = Files.writeString(tmp.resolve("bad.ssaeproj"), json);
        vm.recent().add(bad);
        int training = vm.project().trainingCountProperty().get();
        int test = vm.project().testCountProperty().get();
        var modelBefore = vm.project().model();

        vm.openProject(bad);

        assertEquals(1, prompts.errors.size(), prompts.errors.toString());
        String error = prompts.errors.get(0);
        assertTrue(error.contains("bad.ssaeproj: ") && error.contains(problem), error);
        assertFalse(error.contains("\n"), "one line: " + error);
        Project p = vm.project();
        assertEquals(training, p.trainingCountProperty().get());
        assertEquals(test, p.testCountProperty().get());
        assertSame(modelBefore, p.model(), "the open model stays open");
        assertEquals(good, p.fileProperty().get());
        assertEquals("open", p.nameProperty().get());
        assertEquals(List.of(good.toAbsolutePath().normalize()), vm.recent().paths(), "the bad file left the list");
    }

    @Test
    void entriesNamingMissingFilesOpenAndAMissingModelIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("moved.ssaeproj"),
                "{\"format\":1,\"training\":[\"gone/a.png\"],\"model\":\"gone/m.ssae\"}");
        vm.openProject(file);
        assertEquals(1, vm.project().trainingCountProperty().get());
        assertEquals(file, vm.project().fileProperty().get());
        assertEquals(1, prompts.errors.size(), prompts.errors.toString());
        assertTrue(prompts.errors.get(0).contains("m.ssae: the project's model file is missing"), prompts.errors.get(0));
    }

    @Test
    void closingAsksWhenChangesAreUnsaved() throws Exception {
        assertTrue(vm.canClose(), "empty project closes without asking");
        vm.drop(List.of(TestImages.mvtec(tmp.resolve("w"), 2, 1, 1, 32).toFile()), null);
        prompts.confirmAnswer = false;
        assertFalse(vm.canClose());
        assertEquals(1, prompts.confirmations.size());
    }

    @Test
    void wizardNeedsGoodImages() {
        assertTrue(vm.newTrainingWizard().isEmpty());
        assertTrue(prompts.errors.get(0).startsWith("No good images"));
    }

    @Test
    void anUndoneRemovalIsScoredAgainUnderAnotherModelNeverDoubledAndForgottenWithItsProject() throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("widget"), 3, 2, 2, 32);
        vm.drop(List.of(data.toFile()), null);
        vm.openModel(saveFakeModel(0.2), Double.NaN);
        ImageItem item = vm.project().items(ImageSet.TEST).get(0);
        vm.gallery().selectedProperty().set(item);
        vm.gallery().removeSelected();
        assertEquals("Removed " + item.caption() + " from the project.", vm.statusMessageProperty().get());
        assertEquals(3, vm.project().scoredTestCountProperty().get());

        Path other = tmp.resolve("other.ssae");
        engine.saveModel(FakeEngineService.model(0.3), other, 0.3);
        vm.openModel(other, Double.NaN);
        int calls = engine.scoreCalls.get();
        vm.undoRemove();
        assertEquals("Scored 1 image.", vm.statusMessageProperty().get(), "put back, then scored");
        assertTrue(item.isScored(), "scored again: its old score came from the other model");
        assertEquals(calls + 1, engine.scoreCalls.get());
        assertEquals(4, vm.project().scoredTestCountProperty().get());

        // Taken out, then its file added again: the undo does not double it.
        vm.gallery().selectedProperty().set(item);
        vm.gallery().removeSelected();
        vm.drop(List.of(data.toFile()), null);
        assertEquals(4, vm.project().testCountProperty().get());
        vm.undoRemove();
        assertEquals(4, vm.project().testCountProperty().get());
        assertFalse(vm.project().items().contains(item));

        vm.gallery().selectedProperty().set(vm.project().items(ImageSet.TEST).get(0));
        vm.gallery().removeSelected();
        assertNotNull(vm.gallery().lastRemovalProperty().get());
        vm.newProject();
        assertNull(vm.gallery().lastRemovalProperty().get(), "a closed project's removal cannot come back");
        vm.undoRemove();
        assertEquals(0, vm.project().items().size());
    }

    private Path saveFakeModel(double threshold) throws Exception {
        Path f = tmp.resolve("model.ssae");
        engine.saveModel(FakeEngineService.model(threshold), f, threshold);
        return f;
    }
}
