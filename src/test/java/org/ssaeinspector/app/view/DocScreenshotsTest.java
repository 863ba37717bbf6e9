package org.ssaeinspector.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ssaeinspector.app.SampleImagesLocator;
import org.ssaeinspector.samples.SampleImageGenerator;
import org.ssaeinspector.app.fakes.Fixtures;
import org.ssaeinspector.app.service.DjlEngineService;
import org.ssaeinspector.app.task.FxBackgroundRunner;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.ssaeinspector.app.viewmodel.ImageSet;
import org.ssaeinspector.app.viewmodel.LiveViewModel;
import org.ssaeinspector.app.viewmodel.MainViewModel;
import org.ssaeinspector.app.viewmodel.TrainingWizardViewModel;
import org.ssaeinspector.dataset.Label;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screenshots in {@code docs/screenshots}: the real app on a bundled sample category (the one
 * the app opens on, or {@code -Dssae.screenshotCategory=NAME}) with a real model. Run on purpose
 * (it trains for a short while):
 *
 * <pre>mvn -B -o test -Dtest=DocScreenshotsTest -Dssae.screenshots=docs -Dssae.screenshotModel=sample-images/fabric/fabric.ssae</pre>
 */
@EnabledIfSystemProperty(named = "ssae.screenshotModel", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class DocScreenshotsTest {
    FxBackgroundRunner runner = new FxBackgroundRunner();
    MainViewModel vm;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new MainViewModel(new DjlEngineService(), runner, FxPromptsFactory.forWindow(stage), Fixtures.recent());
        window = new MainWindow(vm, stage);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    @Test
    void mainScreens(FxRobot robot) throws Exception {
        Path samples = SampleImagesLocator.find().orElseThrow();
        Path category = samples.resolve(System.getProperty("ssae.screenshotCategory", SampleImageGenerator.FIRST_CATEGORY));
        Path model = Path.of(System.getProperty("ssae.screenshotModel"));
        robot.interact(() -> {
            window.handleDrop(List.of(category.toFile()), null);
            vm.openModel(model, Double.NaN);
        });
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.project().testCountProperty().get() > 0
                && vm.project().scoredTestCountProperty().get() == vm.project().testCountProperty().get()
                && !vm.scoring().runningProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !Double.isNaN(vm.threshold().pixelAurocProperty().get()));
        ImageItem top = vm.gallery().visibleItems().get(0);
        robot.interact(() -> vm.gallery().selectedProperty().set(top));
        Thread.sleep(1500);
        Screenshots.save(window.scene(), "main-window");
        // A common laptop screen (1366 x 768 less a taskbar would be smaller still: the layout test covers 1024 x 640).
        double fullWidth = stage.getWidth();
        double fullHeight = stage.getHeight();
        robot.interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        Screenshots.save(window.scene(), "main-window-1366x768");
        robot.interact(() -> {
            stage.setWidth(fullWidth);
            stage.setHeight(fullHeight);
        });
        WaitForAsyncUtils.waitForFxEvents();

        ImageItem defect = vm.gallery().visibleItems().stream().filter(i -> i.label() == Label.DEFECTIVE
                && i.mask().isPresent()).findFirst().orElseThrow();
        robot.interact(() -> window.actions().openDetail(defect));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.detail().imagesProperty().get() != null
                && !vm.detail().loadingProperty().get());
        Thread.sleep(500);
        Stage detail = (Stage) robot.lookup("#detailZoom").query().getScene().getWindow();
        Screenshots.save(detail.getScene(), "detail");
        robot.interact(detail::close);

        ExportDialog[] export = new ExportDialog[1];
        robot.interact(() -> {
            export[0] = new ExportDialog(stage, vm);
            export[0].dialog().show();
        });
        robot.clickOn("#exportHeatmaps");
        Screenshots.save(export[0].dialog().getDialogPane().getScene(), "export-dialog");
        robot.interact(() -> export[0].dialog().close());

        robot.interact(() -> window.actions().train());
        TrainingWizard w = window.actions().currentWizard();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> w.wizard().getDialog().getDialogPane() == w.imagesPage
                && robot.lookup("#imageFindings").queryAs(javafx.scene.layout.VBox.class).getChildren().size() > 0
                && !vm.project().items(ImageSet.TRAINING).isEmpty());
        Thread.sleep(1000);
        Screenshots.save(w.wizard().getDialog().getDialogPane().getScene(), "wizard-1-images");
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        Screenshots.save(w.wizard().getDialog().getDialogPane().getScene(), "wizard-2-settings");
        robot.interact(() -> {
            TrainingWizardViewModel twvm = wizardViewModel(w);
            twvm.imageSizeProperty().set(64);
            twvm.minutesProperty().set(2);
        });
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        Thread.sleep(75_000);
        Screenshots.save(w.wizard().getDialog().getDialogPane().getScene(), "wizard-3-training");
        robot.clickOn("#stopTraining");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !button(w, ButtonBar.ButtonData.NEXT_FORWARD).isDisabled());
        robot.clickOn(button(w, ButtonBar.ButtonData.NEXT_FORWARD));
        Screenshots.save(w.wizard().getDialog().getDialogPane().getScene(), "wizard-4-result");
        robot.interact(() -> w.closeWithoutAsking());

        int testImages = vm.project().testCountProperty().get();
        Path notes = Files.writeString(Files.createTempDirectory("drop").resolve("notes.txt"), "not an image");
        Platform.runLater(() -> window.handleDrop(List.of(notes.toFile()), ImageSet.TEST));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Screenshots.save(pane.getScene(), "error-dialog");
        robot.clickOn((Button) pane.lookupButton(ButtonType.OK));
        assertEquals(testImages, vm.project().testCountProperty().get(), "the refused drop added nothing");
        assertTrue(Files.isRegularFile(Path.of("target", "screenshots", "main-window.png"))
                || Files.isRegularFile(Path.of("docs", "screenshots", "main-window.png")));
    }

    /** The live view on the real model: good and defective parts of the category arrive in a watched folder. */
    @Test
    void liveView(FxRobot robot) throws Exception {
        Path samples = SampleImagesLocator.find().orElseThrow();
        Path category = samples.resolve(System.getProperty("ssae.screenshotCategory", SampleImageGenerator.FIRST_CATEGORY));
        Path model = Path.of(System.getProperty("ssae.screenshotModel"));
        robot.interact(() -> vm.openModel(model, Double.NaN));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.project().model() != null);
        Path camera = Files.createTempDirectory("camera");
        LiveViewWindow[] live = new LiveViewWindow[1];
        robot.interact(() -> live[0] = window.actions().watch(camera, java.time.Duration.ofMillis(300)));
        List<Path> parts = new java.util.ArrayList<>();
        try (var dirs = Files.list(category.resolve("test"))) {
            for (Path d : dirs.sorted().toList()) {
                try (var files = Files.list(d)) {
                    files.sorted().limit(3).forEach(parts::add);
                }
            }
        }
        java.util.Collections.shuffle(parts, new java.util.Random(3));
        int n = 0;
        for (Path p : parts) {
            Files.copy(p, camera.resolve(String.format("part-%04d.png", 412 + n++)));
            Thread.sleep(250);
        }
        LiveViewModel lv = live[0].viewModel();
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> lv.rows().size() == parts.size()
                && (lv.flaggedProperty().get() == 0 || lv.lastFlaggedImageProperty().get() != null));
        Thread.sleep(1500);
        Screenshots.save(live[0].stage().getScene(), "live-view");
        robot.interact(() -> live[0].stage().close());
    }

    private static TrainingWizardViewModel wizardViewModel(TrainingWizard w) {
        return w.viewModel();
    }

    private static Button button(TrainingWizard w, ButtonBar.ButtonData data) {
        DialogPane pane = w.wizard().getDialog().getDialogPane();
        ButtonType type = pane.getButtonTypes().stream().filter(b -> b.getButtonData() == data).findFirst().orElseThrow();
        return (Button) pane.lookupButton(type);
    }
}
