package org.ssaeinspector.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.TestImages;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.ssaeinspector.app.viewmodel.ImageSet;
import org.ssaeinspector.model.LineageStep;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The feedback loop in the app (issue "Learning from the inspector's verdicts"): recalibrating
 * with the test images labelled good by hand, training further from the wizard, and the
 * comparison shown before either model replaces the current one.
 */
class FeedbackLoopScreensTest extends ScreenTest<FakeEngineService> {
    @TempDir
    static Path tmp;
    FeedbackLoopScreensTest() {
        super(new FakeEngineService());
    }

    @Start
    void start(Stage stage) {
        show(stage);
    }

    /**
     * A labelled data set, a model whose threshold is so low that good parts are flagged, and a
     * new batch of unlabelled parts of which the inspector confirms three flagged ones as good.
     */
    private List<ImageItem> projectWithFalseRejects(FxRobot robot, String name) throws Exception {
        Path data = TestImages.mvtec(tmp.resolve(name), 8, 10, 8, 64);
        Path batch = brighterBatch(tmp.resolve(name + "-batch"), 5);
        Path model = tmp.resolve(name + ".ssae");
        engine.saveModel(FakeEngineService.model(0.01), model, 0.01);
        robot.interact(() -> {
            window.handleDrop(List.of(data.toFile()), null);
            window.handleDrop(List.of(batch.toFile()), ImageSet.TEST);
            window.handleDrop(List.of(model.toFile()), null);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.project().model() != null
                && vm.project().scoredTestCountProperty().get() == 23);
        List<ImageItem> flaggedNew = vm.project().items(ImageSet.TEST).stream()
                .filter(i -> i.label() == org.ssaeinspector.dataset.Label.UNKNOWN && i.isFlagged()).toList();
        assertTrue(flaggedNew.size() >= 3, "the low threshold flags the new good parts: " + flaggedNew.size());
        List<ImageItem> confirmed = flaggedNew.subList(0, 3);
        robot.interact(() -> confirmed.forEach(i -> vm.project().setLabel(i, org.ssaeinspector.dataset.Label.GOOD)));
        return confirmed;
    }

    /** Good parts under brighter light: the fake engine scores brightness, so all are flagged at a low threshold. */
    private static Path brighterBatch(Path dir, int count) throws Exception {
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < count; i++) {
            java.awt.image.BufferedImage img = TestImages.good(64, rnd);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int v = Math.min(255, (img.getRGB(x, y) & 0xff) + 90);
                    img.setRGB(x, y, (v << 16) | (v << 8) | v);
                }
            }
            TestImages.write(img, dir.resolve(String.format("new_%03d.png", i)));
        }
        return dir;
    }

    private ComparisonDialog awaitComparison() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.actions().currentComparison() != null
                && window.actions().currentComparison().dialog().isShowing());
        ComparisonDialog d = window.actions().currentComparison();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !((ListView<?>) d.dialog().getDialogPane().lookup("#comparisonChanges")).getItems().isEmpty());
        return d;
    }

    private static String cell(ComparisonDialog d, int row, int column) {
        return ((Label) d.dialog().getDialogPane().lookup("#comparison-" + row + "-" + column)).getText();
    }

    private static Button button(ComparisonDialog d, ButtonType type) {
        return (Button) d.dialog().getDialogPane().lookupButton(type);
    }

    @Test
    void recalibratingShowsBothModelsAndSwitchesOnlyWhenAsked(FxRobot robot) throws Exception {
        List<ImageItem> confirmed = projectWithFalseRejects(robot, "recal");
        ModelHandle current = vm.project().model();
        assertEquals(3, vm.confirmedGood().size());

        robot.interact(() -> window.actions().recalibrateWithConfirmed());
        ComparisonDialog first = awaitComparison();
        String origin = ((Label) first.dialog().getDialogPane().lookup("#comparisonOrigin")).getText();
        assertTrue(origin.startsWith("Recalibrated with 3 confirmed good images"), origin);
        assertEquals("Current", cell(first, 0, 1));
        assertEquals("0.01", cell(first, 1, 1), "the current threshold");
        double newThreshold = Double.parseDouble(cell(first, 1, 2));
        assertTrue(newThreshold > 0.01, "the new threshold clears the confirmed good parts: " + newThreshold);
        double fprBefore = Double.parseDouble(cell(first, 4, 1).replace(" %", ""));
        double fprAfter = Double.parseDouble(cell(first, 4, 2).replace(" %", ""));
        assertTrue(fprAfter < fprBefore, "fewer good parts flagged: " + fprBefore + " -> " + fprAfter);
        assertEquals(vm.project().flaggedTestCountProperty().get() + " of 23", cell(first, 5, 1),
                "the current model's count is the gallery's");
        ListView<?> changes = (ListView<?>) first.dialog().getDialogPane().lookup("#comparisonChanges");
        for (ImageItem i : confirmed) {
            assertTrue(changes.getItems().stream().anyMatch(x -> x.toString().startsWith("Now passed: " + i.path().getParent().getFileName() + "/"
                    + i.path().getFileName())),
                    i + " in " + changes.getItems());
        }
        LineChart<?, ?> roc = (LineChart<?, ?>) first.dialog().getDialogPane().lookup("#comparisonRoc");
        assertEquals(2, roc.getData().size(), "two ROC curves in one chart");
        assertFalse(roc.getData().get(1).getData().isEmpty());
        Screenshots.save(first.dialog().getDialogPane().getScene(), "compare-models");

        robot.clickOn(button(first, ComparisonDialog.KEEP));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(current, vm.project().model(), "keeping the current model changes nothing");
        assertEquals(0.01, vm.project().thresholdProperty().get(), 1e-12);

        robot.interact(() -> window.actions().recalibrateWithConfirmed());
        ComparisonDialog second = awaitComparison();
        assertNotSame(first, second);
        robot.clickOn(button(second, ComparisonDialog.USE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.project().model() != current);
        assertEquals(newThreshold, vm.project().thresholdProperty().get(), 0.01);
        assertEquals(LineageStep.RECALIBRATED, vm.project().model().header().lineage().get(0).operation());
        assertEquals(null, vm.project().modelFileProperty().get(), "the recalibrated model is not saved yet");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#statusModel").queryAs(Label.class).getText().contains("recalibrated"),
                robot.lookup("#statusModel").queryAs(Label.class).getText());
        for (ImageItem i : confirmed) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !i.isFlagged());
        }
    }

    @Test
    void noConfirmedGoodImagesSaysWhatToDo(FxRobot robot) throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("none"), 8, 4, 4, 64);
        Path model = tmp.resolve("none.ssae");
        engine.saveModel(FakeEngineService.model(0.01), model, 0.01);
        robot.interact(() -> {
            window.handleDrop(List.of(data.toFile()), null);
            window.handleDrop(List.of(model.toFile()), null);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.project().model() != null);
        robot.interact(() -> window.actions().recalibrateWithConfirmed());
        assertEquals(1, prompts.errors.size(), prompts.errors.toString());
        assertTrue(prompts.errors.get(0).contains("Label good parts as Good first"), prompts.errors.get(0));
    }

    @Test
    void trainingFurtherFromTheWizardComparesBeforeSwitching(FxRobot robot) throws Exception {
        projectWithFalseRejects(robot, "further");
        ModelHandle current = vm.project().model();
        engine.trainingSteps = 10;
        robot.interact(() -> window.actions().train());
        TrainingWizard w = window.actions().currentWizard();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !TrainingWizardTest.button(w, ButtonBar.ButtonData.NEXT_FORWARD).isDisabled());
        robot.clickOn(TrainingWizardTest.button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        assertSame(w.settingsPage, w.wizard().getDialog().getDialogPane());
        CheckBox further = robot.lookup("#continueFromModel").queryAs(CheckBox.class);
        assertFalse(further.isDisabled(), "the project has a model to continue");
        robot.clickOn(further);
        assertTrue(robot.lookup("#imageSize").queryComboBox().isDisabled(), "the scale comes from the model");
        Screenshots.save(w.wizard().getDialog().getDialogPane().getScene(), "wizard-2-continue");
        robot.clickOn(TrainingWizardTest.button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !TrainingWizardTest.button(w, ButtonBar.ButtonData.NEXT_FORWARD).isDisabled());
        assertSame(current, engine.trainedFurtherFrom, "the training started from the project's model");
        robot.clickOn(TrainingWizardTest.button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        robot.clickOn(TrainingWizardTest.button(w, ButtonBar.ButtonData.FINISH));

        ComparisonDialog d = awaitComparison();
        String origin = ((Label) d.dialog().getDialogPane().lookup("#comparisonOrigin")).getText();
        assertTrue(origin.startsWith("Trained further from the current model on 11 good images"), origin);
        assertSame(current, vm.project().model(), "nothing switches before the user says so");
        robot.clickOn(button(d, ComparisonDialog.USE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.project().model() != current);
        assertEquals(LineageStep.TRAINED_FURTHER, vm.project().model().header().lineage().get(0).operation());
    }
}
