package org.ssaeinspector.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.Fixtures;
import org.ssaeinspector.app.fakes.RecordingPrompts;
import org.ssaeinspector.app.fakes.TestImages;
import org.ssaeinspector.app.task.SynchronousRunner;
import org.ssaeinspector.app.viewmodel.GalleryFilter;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.ssaeinspector.app.viewmodel.ImageSet;
import org.ssaeinspector.app.viewmodel.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path tmp;
    FakeEngineService engine = new FakeEngineService();
    RecordingPrompts prompts = new RecordingPrompts();
    MainViewModel vm;
    MainWindow window;

    @Start
    void start(Stage stage) {
        vm = Fixtures.main(engine, new SynchronousRunner(), prompts);
        window = new MainWindow(vm, stage);
        stage.show();
    }

    private void loadWidgetWithModel(FxRobot robot) throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("widget"), 8, 10, 8, 96);
        Path model = tmp.resolve("widget.ssae");
        engine.saveModel(FakeEngineService.model(0.2), model, 0.2);
        robot.interact(() -> {
            window.handleDrop(List.of(data.toFile()), null);
            window.handleDrop(List.of(model.toFile()), null);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void droppedDataSetFillsGalleryAndStatusBar(FxRobot robot) throws Exception {
        loadWidgetWithModel(robot);
        GridView<ImageItem> grid = robot.lookup("#gallery").queryAs(GridView.class);
        assertEquals(18, grid.getItems().size());
        Label counts = robot.lookup("#statusCounts").queryAs(Label.class);
        assertEquals("8 training · 18 test · 18 scored · 8 flagged", counts.getText());
        assertTrue(robot.lookup("#statusModel").queryAs(Label.class).getText().startsWith("widget.ssae"));
        assertEquals("SSAE Inspector — widget *", window.stage().getTitle());
        String card = robot.lookup("#modelCard").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + b + "\n");
        assertTrue(card.contains("Trained on 2 images (2 held out), 10 steps"), card);
        assertTrue(robot.lookup(".gallery-cell").queryAll().size() > 4, "cells are laid out");
        javafx.css.PseudoClass flagged = javafx.css.PseudoClass.getPseudoClass("flagged");
        long redBadges = robot.lookup(".gallery-cell").queryAll().stream().map(c -> (GalleryCell) c)
                .filter(c -> c.getItem() != null && c.badge().isVisible()
                        && c.badge().getPseudoClassStates().contains(flagged)).count();
        assertTrue(redBadges >= 4, "flagged badges are shown: " + redBadges);
        // And they are really drawn: the screen is red where a flagged badge sits.
        GalleryCell cell = robot.lookup(".gallery-cell").queryAll().stream().map(c -> (GalleryCell) c)
                .filter(c -> c.getItem() != null && c.getItem().isFlagged()).findFirst().orElseThrow();
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = window.scene().snapshot(null));
        javafx.geometry.Bounds b = cell.badge().localToScene(cell.badge().getBoundsInLocal());
        javafx.scene.paint.Color at = shot[0].getPixelReader().getColor((int) b.getMinX() + 3, (int) b.getCenterY());
        assertTrue(at.getRed() > 0.6 && at.getGreen() < 0.45, "badge pixel " + at);
        Screenshots.save(window.scene(), "main-window");
    }

    @Test
    void whatOpensAtStartIsNoUnsavedChange(FxRobot robot) throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("startup"), 4, 3, 3, 48);
        engine.saveModel(FakeEngineService.model(0.2), data.resolve("bundled.ssae"), 0.2);
        robot.interact(() -> vm.open(data));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.project().model() != null, "the bundled model opened");
        assertEquals("SSAE Inspector — startup", window.stage().getTitle());
        ImageItem any = vm.project().items(ImageSet.TEST).get(0);
        robot.interact(() -> vm.project().setLabel(any, org.ssaeinspector.dataset.Label.DEFECTIVE));
        robot.interact(() -> vm.project().thresholdProperty().set(0.3));
        assertEquals("SSAE Inspector — startup *", window.stage().getTitle(), "the user's change marks it");
    }

    @Test
    void clickingTheTrainingSetShowsIt(FxRobot robot) throws Exception {
        loadWidgetWithModel(robot);
        robot.clickOn("#setTraining");
        assertEquals(ImageSet.TRAINING, vm.gallery().shownSetProperty().get());
        GridView<ImageItem> grid = robot.lookup("#gallery").queryAs(GridView.class);
        assertEquals(8, grid.getItems().size());
        robot.clickOn("#setTest");
        assertEquals(18, grid.getItems().size());
    }

    @Test
    void filterComboFiltersTheGallery(FxRobot robot) throws Exception {
        loadWidgetWithModel(robot);
        robot.interact(() -> robot.lookup("#galleryFilter").queryComboBox().getSelectionModel()
                .select(GalleryFilter.FLAGGED));
        GridView<ImageItem> grid = robot.lookup("#gallery").queryAs(GridView.class);
        assertEquals(8, grid.getItems().size());
        assertTrue(grid.getItems().stream().allMatch(ImageItem::isFlagged));
    }

    @Test
    void openingAModelAsksBeforeDiscardingAnUnsavedTrainedOne(FxRobot robot) throws Exception {
        Path other = tmp.resolve("other.ssae");
        engine.saveModel(FakeEngineService.model(0.7), other, 0.7);
        FakeEngineService.FakeModel trained = FakeEngineService.model(0.3);
        robot.interact(() -> vm.project().setModel(trained, null, 0.3));
        prompts.confirmAnswer = false;
        robot.interact(() -> window.handleDrop(List.of(other.toFile()), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, prompts.confirmations.size());
        assertTrue(prompts.confirmations.get(0).startsWith("Model not saved"), prompts.confirmations.get(0));
        assertEquals(trained, vm.project().model(), "the user said no: the trained model stays");
        prompts.confirmAnswer = true;
        robot.interact(() -> window.handleDrop(List.of(other.toFile()), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.7, vm.project().model().header().threshold(), 1e-9);
        assertTrue(trained.closed, "the discarded model is freed");
        // A saved model is replaced without a question.
        robot.interact(() -> window.handleDrop(List.of(other.toFile()), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, prompts.confirmations.size());
    }

    /** A copy of a few of the bundled sample category's good images, as a train/ data set. */
    private static Path sampleCopy(String category, int count) throws Exception {
        Path from = org.ssaeinspector.app.SampleImagesLocator.find().orElseThrow().resolve(category).resolve("train/good");
        Path to = Files.createDirectories(tmp.resolve("copy-" + category).resolve("train/good"));
        try (var files = Files.list(from)) {
            for (Path f : files.sorted().limit(count).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to.getParent().getParent();
    }

    @Test
    void addingAFolderOfAnotherProductAsksFirst(FxRobot robot) throws Exception {
        Path washer = sampleCopy("washer", 8);
        Path fabric = sampleCopy("fabric", 8);
        robot.interact(() -> window.handleDrop(List.of(washer.toFile()), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, vm.project().trainingCountProperty().get());
        assertEquals(List.of(), prompts.confirmations, "the first folder of a project is not compared");
        prompts.confirmAnswer = false;
        robot.interact(() -> window.handleDrop(List.of(fabric.toFile()), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, prompts.confirmations.size());
        assertTrue(prompts.confirmations.get(0).startsWith("Images look different: The images of copy-fabric do not "
                + "look like the project's"), prompts.confirmations.get(0));
        assertEquals(8, vm.project().trainingCountProperty().get(), "the user said no: nothing added");
        assertEquals("Nothing added.", vm.statusMessageProperty().get());
        prompts.confirmAnswer = true;
        robot.interact(() -> window.handleDrop(List.of(fabric.toFile()), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(16, vm.project().trainingCountProperty().get(), "the user said yes");
    }

    @Test
    void nonImageDropShowsOneMessageAndNothingBreaks(FxRobot robot) throws Exception {
        Path text = Files.writeString(tmp.resolve("readme.txt"), "not an image");
        robot.interact(() -> window.handleDrop(List.of(text.toFile()), ImageSet.TEST));
        assertEquals(1, prompts.errors.size());
        assertTrue(prompts.errors.get(0).contains("readme.txt: not an image"), prompts.errors.get(0));
        assertEquals(0, vm.project().items().size());
        assertTrue(window.stage().isShowing());
    }

    @Test
    void f1ListsTheMenusRealShortcuts(FxRobot robot) {
        robot.type(javafx.scene.input.KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window dialog = robot.listWindows().stream()
                .filter(w -> w != window.stage() && w.getScene() != null
                        && w.getScene().lookup("#shortcutList") != null)
                .findFirst().orElseThrow(() -> new AssertionError("F1 opens the shortcut list"));
        javafx.scene.layout.GridPane grid = (javafx.scene.layout.GridPane) dialog.getScene().lookup("#shortcutList");
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < grid.getChildren().size(); i += 2) {
            rows.add(((Label) grid.getChildren().get(i)).getText() + " = "
                    + ((Label) grid.getChildren().get(i + 1)).getText());
        }
        assertTrue(rows.contains("File › Save Project As = Ctrl+Shift+S"), rows.toString());
        assertTrue(rows.contains("Model › Score Images = F5"), rows.toString());
        assertTrue(rows.contains("View › Filter › All images = Alt+1"), rows.toString());
        assertTrue(rows.contains("Help › Keyboard Shortcuts = F1"), rows.toString());
        assertTrue(rows.stream().noneMatch(r -> r.contains("About")), "items without a key are not listed");
        // Read from the menu bar: one row per accelerator, none made up.
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) window.scene().lookup(".menu-bar");
        long accelerators = bar.getMenus().stream().flatMap(MainWindowTest::leaves)
                .filter(i -> i.getAccelerator() != null).count();
        assertEquals(accelerators, rows.size());
        Screenshots.save(dialog.getScene(), "keyboard-shortcuts");
        robot.interact(() -> ((javafx.stage.Stage) dialog).close());
    }

    private static java.util.stream.Stream<javafx.scene.control.MenuItem> leaves(javafx.scene.control.Menu m) {
        return m.getItems().stream().flatMap(i -> i instanceof javafx.scene.control.Menu sub
                ? leaves(sub) : java.util.stream.Stream.of(i));
    }
}
