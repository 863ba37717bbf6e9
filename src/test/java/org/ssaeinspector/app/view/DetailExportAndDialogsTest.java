package org.ssaeinspector.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.Fixtures;
import org.ssaeinspector.app.fakes.TestImages;
import org.ssaeinspector.app.task.SynchronousRunner;
import org.ssaeinspector.app.viewmodel.DetailViewModel;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.ssaeinspector.app.viewmodel.ImageSet;
import org.ssaeinspector.app.viewmodel.MainViewModel;
import org.ssaeinspector.dataset.Label;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Detail window, export dialog, and the real error dialogs (no test doubles for prompts). */
@ExtendWith(ApplicationExtension.class)
class DetailExportAndDialogsTest {
    @TempDir
    static Path tmp;
    FakeEngineService engine = new FakeEngineService();
    MainViewModel vm;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new MainViewModel(engine, new SynchronousRunner(), FxPromptsFactory.forWindow(stage),
                Fixtures.recent());
        window = new MainWindow(vm, stage);
        stage.show();
    }

    private void load(FxRobot robot) throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("parts"), 3, 4, 4, 120);
        Path model = tmp.resolve("parts.ssae");
        engine.saveModel(FakeEngineService.model(0.2), model, 0.2);
        robot.interact(() -> {
            window.handleDrop(List.of(data.toFile()), null);
            window.handleDrop(List.of(model.toFile()), null);
        });
    }

    @Test
    void detailShowsLayersBoxesOutlineAndSteps(FxRobot robot) throws Exception {
        load(robot);
        ImageItem top = vm.gallery().visibleItems().get(0);
        robot.interact(() -> window.actions().openDetail(top));
        WaitForAsyncUtils.waitForFxEvents();
        Stage detail = (Stage) robot.lookup("#detailZoom").query().getScene().getWindow();
        assertTrue(detail.isShowing());
        assertTrue(detail.getTitle().startsWith(top.name()));
        Node zoom = robot.lookup("#detailZoom").query();
        List<ImageView> views = robot.from(zoom).lookup((Node n) -> n instanceof ImageView).queryAllAs(ImageView.class)
                .stream().toList();
        assertEquals(3, views.size());
        assertTrue(views.stream().allMatch(v -> v.getImage() != null), "photo, heat and mask outline");
        assertEquals(1, robot.from(zoom).lookup((Node n) -> n instanceof Rectangle r
                && r.getStyleClass().contains("region-box")).queryAll().size());
        assertEquals(1, robot.lookup("#regionList").queryAs(ListView.class).getItems().size());
        assertEquals("Flagged", robot.lookup("#detailVerdict").queryAs(javafx.scene.control.Label.class).getText());
        Screenshots.save(detail.getScene(), "detail-test");

        robot.clickOn("#layerRECONSTRUCTION");
        assertEquals(DetailViewModel.Layer.RECONSTRUCTION, vm.detail().layerProperty().get());
        assertEquals(FakeEngineService.MODEL_SIDE, (int) views.stream().filter(v -> v.getImage() != null)
                .mapToDouble(v -> v.getImage().getWidth()).min().orElse(0));

        List<ImageItem> before = List.copyOf(vm.gallery().visibleItems());
        robot.type(KeyCode.RIGHT);
        assertEquals(vm.gallery().visibleItems().get(1), vm.detail().itemProperty().get());
        robot.type(KeyCode.LEFT);
        assertEquals(top, vm.detail().itemProperty().get());
        robot.type(KeyCode.G);
        assertEquals(Label.GOOD, top.label());
        robot.type(KeyCode.U);
        assertEquals(Label.DEFECTIVE, top.label(), "back to the folder's label");
        robot.clickOn("#markGood");
        assertEquals(Label.GOOD, top.label());

        ZoomPane pane = (ZoomPane) zoom;
        double fitted = pane.zoom();
        robot.type(KeyCode.PLUS);
        assertEquals(fitted * 1.25, pane.zoom(), 1e-9);
        robot.moveTo(zoom).scroll(javafx.geometry.VerticalDirection.UP);
        assertTrue(pane.zoom() != fitted * 1.25, "wheel zooms");
        robot.type(KeyCode.DIGIT0);
        assertEquals(fitted, pane.zoom(), 1e-9);
        robot.type(KeyCode.ESCAPE);
        assertFalse(detail.isShowing());
    }

    @Test
    void exportDialogWritesTheReport(FxRobot robot) throws Exception {
        load(robot);
        ExportDialog[] dialog = new ExportDialog[1];
        robot.interact(() -> {
            dialog[0] = new ExportDialog(stage, vm);
            dialog[0].dialog().show();
        });
        Path csv = tmp.resolve("out/report.csv");
        robot.clickOn("#exportAll");
        robot.clickOn("#exportHeatmaps");
        robot.doubleClickOn("#exportFile").eraseText(200);
        robot.interact(() -> robot.lookup("#exportFile").queryTextInputControl().setText(csv.toString()));
        Screenshots.save(dialog[0].dialog().getDialogPane().getScene(), "export-dialog-test");
        robot.interact(() -> {
            dialog[0].dialog().close();
            dialog[0].export();
        });
        assertTrue(Files.isRegularFile(csv));
        assertEquals(9, Files.readAllLines(csv).size(), "header and 8 test images");
        try (var s = Files.list(tmp.resolve("out/report-heatmaps"))) {
            assertEquals(8, s.count());
        }
        assertTrue(vm.statusMessageProperty().get().startsWith("Exported 8 images"));
    }

    @Test
    void droppingATextFileShowsAnErrorDialogNamingIt(FxRobot robot) throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        Platform.runLater(() -> window.handleDrop(List.of(text.toFile()), ImageSet.TEST));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Not added", pane.getHeaderText());
        assertTrue(pane.getContentText().contains("notes.txt: not an image"), pane.getContentText());
        Screenshots.save(pane.getScene(), "error-dialog-test");
        robot.clickOn((Button) pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertTrue(stage.isShowing());
        assertEquals(0, vm.project().items().size());
    }

    @Test
    void openingACorruptModelShowsAnErrorDialog(FxRobot robot) throws Exception {
        Path bad = Files.writeString(tmp.resolve("broken.ssae"), "PK garbage");
        Platform.runLater(() -> window.handleDrop(List.of(bad.toFile()), null));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Cannot open the model", pane.getHeaderText());
        assertTrue(pane.getContentText().contains("broken.ssae"), pane.getContentText());
        robot.clickOn((Button) pane.lookupButton(ButtonType.OK));
        assertNull(vm.project().model());
        assertNotNull(stage.getScene());
    }
}
