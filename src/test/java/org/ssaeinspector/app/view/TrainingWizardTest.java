package org.ssaeinspector.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.TestImages;
import org.ssaeinspector.model.PartKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard's pages with real background threads: progress, responsiveness, cancel, finish. */
class TrainingWizardTest extends ScreenTest<FakeEngineService> {
    @TempDir
    static Path tmp;
    TrainingWizardTest() {
        super(new FakeEngineService());
    }

    @Start
    void start(Stage stage) {
        show(stage);
    }

    private TrainingWizard openWizard(FxRobot robot, int goodImages) throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("w" + goodImages), goodImages, 4, 4, 48);
        robot.interact(() -> window.handleDrop(List.of(data.toFile()), null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.project().items().size() == goodImages + 8);
        engine.trainingSteps = 400;
        engine.beforeStep = s -> sleep(25);
        robot.interact(() -> window.actions().train());
        TrainingWizard w = window.actions().currentWizard();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !((VBox) robot.lookup("#imageFindings")
                .queryAs(VBox.class)).getChildren().isEmpty() && !findings(robot).startsWith("Checking"));
        return w;
    }

    private static String findings(FxRobot robot) {
        VBox box = robot.lookup("#imageFindings").queryAs(VBox.class);
        return box.getChildren().stream().map(n -> n instanceof Label l ? l.getText() : "").reduce("", (a, b) -> a + b + "\n");
    }

    /** The wizard's button of this kind (Next, Finish, ...): shared by the tests that walk the wizard. */
    static Button button(TrainingWizard w, ButtonBar.ButtonData data) {
        DialogPane pane = w.wizard().getDialog().getDialogPane();
        ButtonType type = pane.getButtonTypes().stream().filter(b -> b.getButtonData() == data).findFirst().orElseThrow();
        return (Button) pane.lookupButton(type);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void walksThroughAllPagesAndUsesTheModel(FxRobot robot) throws Exception {
        TrainingWizard w = openWizard(robot, 6);
        engine.notes = List.of("1 held-out good image scores at or above the threshold (9.5): odd.png (137). Look at it.");
        assertTrue(findings(robot).contains("Only 6 usable good images"), findings(robot));
        assertEquals(6, robot.lookup("#previewStrip").queryAs(javafx.scene.layout.HBox.class).getChildren().size());
        Screenshots.save(w.wizard().getDialog().getDialogPane().getScene(), "wizard-1-images");

        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        assertSame(w.settingsPage, w.wizard().getDialog().getDialogPane());
        assertTrue(robot.lookup("#kindAuto").queryAs(javafx.scene.control.RadioButton.class).isSelected(),
                "the engine measures the calibration unless told otherwise");
        robot.clickOn("#kindTexture");
        assertEquals("CPU", robot.lookup("#device").queryComboBox().getValue().toString());
        Screenshots.save(w.wizard().getDialog().getDialogPane().getScene(), "wizard-2-settings");

        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        assertSame(w.trainingPage, w.wizard().getDialog().getDialogPane());
        ProgressBar bar = robot.lookup("#trainingProgress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bar.getProgress() > 0.1);
        assertTrue(button(w, ButtonBar.ButtonData.NEXT_FORWARD).isDisabled(), "no next while training");
        // The UI thread stays free while the engine thread trains. Training takes 10 s here (400 steps
        // of 25 ms), so a UI thread blocked by it would answer after several seconds; 3 s leaves room
        // for a loaded CI machine (half a second failed under load) without missing that.
        long t0 = System.nanoTime();
        robot.interact(() -> { });
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "UI thread answers while training");
        LineChart<?, ?> chart = robot.lookup("#lossChart").queryAs(LineChart.class);
        assertFalse(chart.getData().get(0).getData().isEmpty(), "live loss chart");
        assertTrue(robot.lookup("#trainingEta").queryAs(Label.class).getText().startsWith("About "));
        assertTrue(bar.isVisible() && bar.getWidth() > 200 && bar.getHeight() > 5, "progress bar laid out: " + bar.getLayoutBounds());
        assertEquals("Training", robot.lookup("#trainingPhase").queryAs(Label.class).getText());
        Screenshots.save(w.wizard().getDialog().getDialogPane().getScene(), "wizard-3-training");

        robot.clickOn("#stopTraining");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !button(w, ButtonBar.ButtonData.NEXT_FORWARD).isDisabled());
        assertTrue(robot.lookup("#trainingPhase").queryAs(Label.class).getText().startsWith("Stopped early after"));
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        assertSame(w.donePage, w.wizard().getDialog().getDialogPane());
        assertFalse(robot.lookup("#resultThreshold").queryAs(Label.class).getText().isBlank());
        String about = robot.lookup("#resultAbout").queryAs(Label.class).getText();
        assertTrue(about.contains("Geometry: ") && about.contains("Chosen residual ssim, calibration global"), about);
        // 6 good images and a few hundred steps: the page says so, and what to do.
        VBox advice = robot.lookup("#resultAdvice").queryAs(VBox.class);
        assertTrue(advice.isVisible());
        String warnings = advice.getChildren().stream().map(n -> ((Label) n).getText()).reduce("", String::concat);
        assertTrue(warnings.contains("training steps") && warnings.contains("Train again for longer"), warnings);
        assertTrue(warnings.contains("Only 6 good images were held out"), warnings);
        assertTrue(warnings.contains("odd.png (137)"), "the held-out image above the threshold is named: " + warnings);
        Screenshots.save(w.wizard().getDialog().getDialogPane().getScene(), "wizard-4-result");

        robot.clickOn(button(w, ButtonBar.ButtonData.FINISH));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.project().model() != null
                && vm.project().scoredTestCountProperty().get() == 8);
        assertFalse(w.isShowing());
        assertEquals(PartKind.TEXTURE, vm.project().model().header().kind());
        assertTrue(vm.project().model().header().training().cancelled());
        assertFalse(vm.trainingRunningProperty().get());
        assertTrue(engine.threads.get(0).startsWith("ssae-engine"), "training ran on the engine thread");
    }

    /** Before the first step the loss chart is not shown at all (no empty 0–110 grid), then it is. */
    @Test
    void theLossChartAppearsWithTheFirstStep(FxRobot robot) throws Exception {
        TrainingWizard w = openWizard(robot, 4);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        engine.beforeStep = s -> {
            try {
                go.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sleep(25);
        };
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        assertSame(w.trainingPage, w.wizard().getDialog().getDialogPane());
        LineChart<?, ?> chart = robot.lookup("#lossChart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, vm.trainingRunningProperty()::get);
        assertFalse(chart.isVisible(), "no loss grid before the first step");
        go.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, chart::isVisible);
        assertFalse(chart.getData().get(0).getData().isEmpty());
        robot.clickOn("#stopTraining");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.trainingRunningProperty().get()
                || !button(w, ButtonBar.ButtonData.NEXT_FORWARD).isDisabled());
        robot.interact(w::closeWithoutAsking);
    }

    @Test
    void closingWhileTrainingAsksFirst(FxRobot robot) throws Exception {
        TrainingWizard w = openWizard(robot, 4);
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        ProgressBar bar = robot.lookup("#trainingProgress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bar.getProgress() > 0.05);
        assertTrue(vm.trainingRunningProperty().get());
        Window dialogWindow = w.window();
        prompts.confirmAnswer = false;
        robot.interact(() -> dialogWindow.fireEvent(new WindowEvent(dialogWindow, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals(1, prompts.confirmations.size());
        assertTrue(prompts.confirmations.get(0).startsWith("Training in progress"));
        assertTrue(w.isShowing(), "the user said no: training goes on");
        prompts.confirmAnswer = true;
        robot.interact(() -> dialogWindow.fireEvent(new WindowEvent(dialogWindow, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !w.isShowing());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.trainingRunningProperty().get());
        assertEquals(null, vm.project().model(), "a closed wizard leaves the project's model alone");
    }

    @Test
    void closingDuringTrainingEndsTheJob(FxRobot robot) throws Exception {
        TrainingWizard w = openWizard(robot, 4);
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> vm.statusMessageProperty().addListener((o, a, b) -> messages.add(b)));
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        ProgressBar bar = robot.lookup("#trainingProgress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bar.getProgress() > 0.05);
        // Calibration after a stop is slow on a real engine: a closed wizard must not wait for it.
        engine.calibrationMillis = 5_000;
        Window dialogWindow = w.window();
        prompts.confirmAnswer = true;
        robot.interact(() -> dialogWindow.fireEvent(new WindowEvent(dialogWindow, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !w.isShowing());
        long closedAt = System.nanoTime();
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> vm.runner().activeJobs().stream()
                .noneMatch(j -> j.title().equals("Training")));
        assertTrue(System.nanoTime() - closedAt < 2_000_000_000L, "the training job ends within a step or so");
        assertFalse(engine.calibrated, "a discarded training is not calibrated");
        WaitForAsyncUtils.waitForFxEvents();
        String status = window.statusBar().getText();
        assertFalse(status.contains("Training") || status.contains("Using the new model"), status);
        assertTrue(messages.stream().noneMatch(m -> m.contains("Using the new model")), messages.toString());
        assertEquals(null, vm.project().model());
        assertFalse(vm.trainingRunningProperty().get());
    }

    @Test
    void quittingTheMainWindowDuringTrainingAsks(FxRobot robot) throws Exception {
        TrainingWizard w = openWizard(robot, 4);
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.trainingRunningProperty().get());
        prompts.confirmAnswer = false;
        boolean[] closed = new boolean[1];
        robot.interact(() -> closed[0] = window.actions().confirmQuit());
        assertFalse(closed[0]);
        assertTrue(prompts.confirmations.get(0).startsWith("Training in progress"));
        prompts.confirmAnswer = true;
        robot.interact(() -> closed[0] = window.actions().confirmQuit());
        assertTrue(closed[0]);
        assertFalse(w.isShowing());
        assertNotNull(w);
    }
}
