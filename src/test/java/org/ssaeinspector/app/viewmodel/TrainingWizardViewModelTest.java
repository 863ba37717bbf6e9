package org.ssaeinspector.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.Fixtures;
import org.ssaeinspector.app.fakes.RecordingPrompts;
import org.ssaeinspector.app.fakes.TestImages;
import org.ssaeinspector.app.service.ImageSetReport;
import org.ssaeinspector.app.task.Lane;
import org.ssaeinspector.app.task.SynchronousRunner;
import org.ssaeinspector.model.DeviceChoice;
import org.ssaeinspector.model.PartKind;
import org.ssaeinspector.model.TrainingSettings;

class TrainingWizardViewModelTest {
    @TempDir
    Path tmp;
    FakeEngineService engine;
    SynchronousRunner runner;
    RecordingPrompts prompts;
    MainViewModel main;

    @BeforeEach
    void setUp() {
        engine = new FakeEngineService();
        runner = new SynchronousRunner();
        prompts = new RecordingPrompts();
        main = Fixtures.main(engine, runner, prompts);
    }

    private TrainingWizardViewModel wizard(int train) throws Exception {
        main.drop(List.of(TestImages.mvtec(tmp.resolve("w"), train, 3, 3, 32).toFile()), null);
        return main.newTrainingWizard().orElseThrow();
    }

    @Test
    void pageOneWarnsAboutFewDuplicateMixedAndUnreadableImages() throws Exception {
        Path good = tmp.resolve("w/train/good");
        TestImages.mvtec(tmp.resolve("w"), 5, 1, 1, 32);
        Files.copy(good.resolve("000.png"), good.resolve("copy.png"));
        Files.writeString(good.resolve("broken.png"), "no image");
        TestImages.write(new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
                good.resolve("odd.png"));
        main.drop(List.of(tmp.resolve("w").toFile()), null);
        TrainingWizardViewModel w = main.newTrainingWizard().orElseThrow();
        w.check();
        ImageSetReport r = w.reportProperty().get();
        assertEquals(8, r.count());
        assertEquals(7, r.readable());
        List<String> warnings = r.warnings();
        assertEquals(5, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Only 7 usable good images"), warnings.get(0));
        assertTrue(warnings.get(1).contains("32x32") && warnings.get(1).contains("40x20"), warnings.get(1));
        assertTrue(warnings.get(2).contains("gray (1) and colour (6)"), warnings.get(2));
        assertTrue(warnings.get(3).startsWith("1 exact duplicate"), warnings.get(3));
        assertTrue(warnings.get(4).contains("broken.png"), warnings.get(4));
        assertTrue(w.imagesUsableBinding().get());
        assertEquals(Lane.IO, runner.lanes.get(runner.titles.indexOf("Checking good images")));
    }

    @Test
    void enoughCleanImagesGiveNoWarnings() throws Exception {
        TrainingWizardViewModel w = wizard(20);
        w.check();
        assertEquals(List.of(), w.reportProperty().get().warnings());
    }

    @Test
    void settingsFollowTheChoices() throws Exception {
        engine.gpus = List.of("GPU 0");
        TrainingWizardViewModel w = wizard(3);
        w.detectDevices();
        assertEquals(2, w.devices().size());
        w.deviceProperty().set(w.devices().get(1));
        w.imageSizeProperty().set(256);
        w.kindProperty().set(PartKind.TEXTURE);
        w.seedProperty().set(7);
        w.targetFalseRejectPercentProperty().set(2);
        w.stopRuleProperty().set(TrainingWizardViewModel.StopRule.EPOCHS);
        w.epochsProperty().set(12);
        TrainingSettings s = w.settings();
        assertEquals(256, s.imageSize());
        assertEquals(PartKind.TEXTURE, s.kind());
        assertEquals(7, s.seed());
        assertEquals(0.02, s.targetFalseRejectRate(), 1e-12);
        assertEquals(DeviceChoice.GPU, s.device());
        assertNull(s.timeBudget());
        assertEquals(12, s.epochs());
        assertNull(w.settingsProblemBinding().get());
        w.stopRuleProperty().set(TrainingWizardViewModel.StopRule.TIME);
        w.minutesProperty().set(3);
        assertEquals(Duration.ofMinutes(3), w.settings().timeBudget());
        w.targetFalseRejectPercentProperty().set(80);
        assertTrue(w.settingsProblemBinding().get().contains("false-reject rate"));
        assertThrows(IllegalArgumentException.class, w::settings);
    }

    @Test
    void trainingReportsProgressAndEndsWithACalibratedModel() throws Exception {
        TrainingWizardViewModel w = wizard(6);
        engine.trainingSteps = 1200;
        w.start();
        assertEquals(TrainingWizardViewModel.State.DONE, w.stateProperty().get());
        assertEquals(Lane.ENGINE, runner.lanes.get(runner.titles.indexOf("Training")));
        assertTrue(w.lossPoints().size() <= TrainingWizardViewModel.MAX_LOSS_POINTS, "" + w.lossPoints().size());
        assertTrue(w.lossPoints().size() > 100);
        assertTrue(w.lossPoints().get(0).loss() > w.lossPoints().get(w.lossPoints().size() - 1).loss());
        assertEquals(1.0, w.fractionProperty().get(), 1e-9);
        assertTrue(w.phaseProperty().get().startsWith("Finished: 1200 steps"), w.phaseProperty().get());
        assertTrue(w.stepTextProperty().get().startsWith("Step 1200"));
        assertEquals("0:00", w.etaTextProperty().get());
        assertFalse(Double.isNaN(w.thresholdProperty().get()));
    }

    @Test
    void cancelKeepsTheLastGoodState() throws Exception {
        TrainingWizardViewModel w = wizard(4);
        engine.trainingSteps = 50;
        engine.beforeStep = step -> {
            if (step == 8) {
                w.cancel();
            }
        };
        w.start();
        assertEquals(TrainingWizardViewModel.State.DONE, w.stateProperty().get());
        assertTrue(w.outcomeProperty().get().summary().cancelled());
        assertEquals(7, w.outcomeProperty().get().summary().steps());
        assertTrue(w.phaseProperty().get().contains("Stopped early after 7 steps"), w.phaseProperty().get());
    }

    @Test
    void cancelBeforeTheFirstStepLeavesNoModel() throws Exception {
        TrainingWizardViewModel w = wizard(4);
        engine.beforeStep = step -> w.cancel();
        w.start();
        assertEquals(TrainingWizardViewModel.State.CANCELLED, w.stateProperty().get());
        assertNull(w.outcomeProperty().get());
    }

    @Test
    void failedTrainingShowsOneLine() throws Exception {
        main.drop(List.of(TestImages.plain(tmp.resolve("p"), 1, 32).toFile()), ImageSet.TRAINING);
        TrainingWizardViewModel w = main.newTrainingWizard().orElseThrow();
        w.start();
        assertEquals(TrainingWizardViewModel.State.FAILED, w.stateProperty().get());
        assertEquals("Training failed: fewer than 2 usable good images", w.errorProperty().get());
    }

    @Test
    void retargetSaveAndApply() throws Exception {
        TrainingWizardViewModel w = wizard(10);
        w.start();
        double calibrated = w.thresholdProperty().get();
        List<Double> held = w.outcomeProperty().get().model().header().heldOutScores();
        w.retarget(50);
        assertTrue(w.thresholdProperty().get() < calibrated);
        assertTrue(held.contains(w.thresholdProperty().get()), "a held-out score becomes the threshold");
        Path file = tmp.resolve("trained.ssae");
        w.save(file, prompts.errors::add);
        assertTrue(Files.isRegularFile(file));
        assertEquals(file, w.savedFileProperty().get());
        w.apply();
        assertSame(w.outcomeProperty().get().model(), main.project().model());
        assertEquals(file, main.project().modelFileProperty().get());
        assertEquals(w.thresholdProperty().get(), main.project().thresholdProperty().get(), 1e-12);
        assertEquals(6, main.project().scoredTestCountProperty().get(), "the new model scores the test set");
        main.wizardClosed(w);
        assertTrue(main.statusMessageProperty().get().startsWith("Using the new model"));
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());
    }

    @Test
    void discardingFreesTheUnusedModel() throws Exception {
        TrainingWizardViewModel w = wizard(4);
        w.start();
        FakeEngineService.FakeModel m = (FakeEngineService.FakeModel) w.outcomeProperty().get().model();
        w.discard();
        assertTrue(m.closed);
        assertNotNull(w.outcomeProperty().get());
    }
}
