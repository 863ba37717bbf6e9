package org.ssaeinspector.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.app.fakes.Fixtures;
import org.ssaeinspector.app.fakes.RecordingPrompts;
import org.ssaeinspector.app.service.DjlEngineService;
import org.ssaeinspector.app.task.FxBackgroundRunner;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.ssaeinspector.app.viewmodel.ImageSet;
import org.ssaeinspector.app.viewmodel.MainViewModel;
import org.ssaeinspector.app.viewmodel.TrainingWizardViewModel;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.model.ModelFile;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app over the real engine, with real threads: the bundled sample images, a tiny training
 * through the wizard's view model, scoring, the detail view, export and the model file.
 */
@ExtendWith(ApplicationExtension.class)
class RealEngineIntegrationTest {
    @TempDir
    Path tmp;
    FxBackgroundRunner runner = new FxBackgroundRunner();
    RecordingPrompts prompts = new RecordingPrompts();

    @AfterEach
    void tearDown() {
        runner.close();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void trainScoreInspectExportAndReload() throws Exception {
        Path samples = SampleImagesLocator.find().orElseThrow();
        MainViewModel vm = onFx(() -> Fixtures.main(new DjlEngineService(), runner, prompts));
        onFx(() -> {
            vm.open(samples);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> vm.project().testCountProperty().get() == 40));
        assertEquals("fabric", vm.project().nameProperty().get(), "the first sample data set");
        assertEquals(60, vm.project().trainingCountProperty().get());
        assertEquals(40, vm.project().testCountProperty().get());

        TrainingWizardViewModel w = onFx(() -> vm.newTrainingWizard().orElseThrow());
        onFx(() -> {
            w.imageSizeProperty().set(32);
            w.stopRuleProperty().set(TrainingWizardViewModel.StopRule.EPOCHS);
            w.epochsProperty().set(1);
            w.detectDevices();
            w.start();
            return null;
        });
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> w.stateProperty().get() != TrainingWizardViewModel.State.RUNNING);
        assertEquals(TrainingWizardViewModel.State.DONE, w.stateProperty().get(), w.errorProperty().get());
        assertFalse(w.devices().isEmpty());
        assertFalse(w.lossPoints().isEmpty(), "progress reached the UI thread");
        Path model = tmp.resolve("fabric.ssae");
        onFx(() -> {
            w.save(model, prompts.errors::add);
            w.apply();
            return null;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.project().scoredTestCountProperty().get() == 40
                && !vm.scoring().runningProperty().get());
        assertTrue(Files.isRegularFile(model), prompts.errors.toString());
        assertEquals(32, ModelFile.readHeader(model).imageSize());
        double auroc = vm.threshold().aurocProperty().get();
        assertTrue(auroc >= 0 && auroc <= 1, "AUROC " + auroc);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !Double.isNaN(vm.threshold().pixelAurocProperty().get()));

        ImageItem defect = vm.project().items(ImageSet.TEST).stream().filter(i -> i.label() == Label.DEFECTIVE)
                .findFirst().orElseThrow();
        onFx(() -> {
            vm.detail().itemProperty().set(defect);
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.detail().imagesProperty().get() != null
                || vm.detail().problemProperty().get() != null);
        assertNotNull(vm.detail().imagesProperty().get(), vm.detail().problemProperty().get());
        assertEquals(256, vm.detail().imagesProperty().get().width());
        assertNotNull(vm.detail().imagesProperty().get().maskOutline());

        Path csv = tmp.resolve("report.csv");
        List<String> done = new ArrayList<>();
        onFx(() -> {
            vm.export().export(csv, org.ssaeinspector.app.viewmodel.ExportViewModel.Scope.ALL, true, done::add,
                    prompts.errors::add);
            return null;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !done.isEmpty() || !prompts.errors.isEmpty());
        assertEquals(List.of(), prompts.errors);
        assertEquals(41, Files.readAllLines(csv).size(), "a header and the 40 test images");

        MainViewModel again = onFx(() -> Fixtures.main(new DjlEngineService(), runner, prompts));
        onFx(() -> {
            again.open(samples);
            again.openModel(model, Double.NaN);
            return null;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> again.project().scoredTestCountProperty().get() == 40
                && !again.scoring().runningProperty().get());
        for (ImageItem i : again.project().items(ImageSet.TEST)) {
            ImageItem first = vm.project().items(ImageSet.TEST).stream().filter(j -> j.path().equals(i.path()))
                    .findFirst().orElseThrow();
            assertEquals(first.score(), i.score(), 1e-4, "a saved and loaded model scores the same");
        }
    }
}
