package org.ssaeinspector.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.Fixtures;
import org.ssaeinspector.app.fakes.RecordingPrompts;
import org.ssaeinspector.app.fakes.TestImages;
import org.ssaeinspector.app.task.SynchronousRunner;
import org.ssaeinspector.app.viewmodel.GalleryFilter;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.ssaeinspector.app.viewmodel.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a new user noticed on day one: feedback for F5 and Delete (with undo), visible keyboard
 * focus, captions that keep the file name, texts shown whole, thumbnails that span the gallery.
 */
@ExtendWith(ApplicationExtension.class)
class EverydayFeedbackTest {
    @TempDir
    static Path tmp;
    FakeEngineService engine = new FakeEngineService();
    MainViewModel vm;
    MainWindow window;

    @Start
    void start(Stage stage) {
        vm = Fixtures.main(engine, new SynchronousRunner(), new RecordingPrompts());
        window = new MainWindow(vm, stage);
        stage.show();
    }

    /** A scored data set whose defect folder has a long name, as MVTec's "missing_piece". */
    private void loadScored(FxRobot robot, String name) throws Exception {
        Path data = TestImages.mvtec(tmp.resolve(name), 8, 10, 8, 96);
        Files.move(data.resolve("test/blob"), data.resolve("test/missing_piece"));
        Files.move(data.resolve("ground_truth/blob"), data.resolve("ground_truth/missing_piece"));
        Path model = tmp.resolve(name + ".ssae");
        engine.saveModel(FakeEngineService.model(0.2), model, 0.2);
        robot.interact(() -> {
            window.handleDrop(List.of(data.toFile()), null);
            window.handleDrop(List.of(model.toFile()), null);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String statusText() {
        return window.statusBar().getText();
    }

    @Test
    void scoringWhenEverythingIsScoredSaysSo(FxRobot robot) throws Exception {
        loadScored(robot, "f5");
        int calls = engine.scoreCalls.get();
        robot.interact(() -> window.gallery().grid().requestFocus());
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("All 18 test images are scored already; nothing to do.", statusText());
        assertEquals(calls, engine.scoreCalls.get(), "nothing was scored again");
    }

    @Test
    void deleteSaysWhatWentAndCtrlZOrTheUndoLinkPutsItBack(FxRobot robot) throws Exception {
        loadScored(robot, "delete");
        ImageItem first = vm.gallery().visibleItems().get(0);
        double score = first.score();
        int calls = engine.scoreCalls.get();
        robot.interact(() -> {
            vm.gallery().selectedProperty().set(first);
            window.gallery().grid().requestFocus();
        });
        MenuItem undoItem = menuItem(robot, "undoRemove");
        assertTrue(undoItem.isDisable(), "nothing to undo yet");

        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(17, vm.project().testCountProperty().get());
        assertEquals("Removed " + first.caption() + " from the project.", statusText());
        assertSame(window.undoLink(), window.statusBar().getGraphic(), "the message offers Undo");
        assertFalse(undoItem.isDisable());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(18, vm.project().testCountProperty().get());
        assertTrue(vm.project().items().contains(first));
        assertEquals(score, first.score(), "the same model: its score stays");
        assertEquals(calls, engine.scoreCalls.get(), "not scored again");
        assertSame(first, vm.gallery().selectedProperty().get());
        assertEquals("Put back " + first.caption() + ".", statusText(), "no stale message");
        assertNull(window.statusBar().getGraphic(), "nothing left to undo");
        assertTrue(undoItem.isDisable());

        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.scene(), "removed-with-undo");
        robot.clickOn("#statusUndo");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(18, vm.project().testCountProperty().get(), "the link undoes too");
        assertEquals("8 training · 18 test · 18 scored · 8 flagged",
                robot.lookup("#statusCounts").queryAs(Label.class).getText());
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }

    @Test
    void keyboardFocusShowsOnTheImageSetsAndTheGallery(FxRobot robot) throws Exception {
        loadScored(robot, "focus");
        Node set = window.sidebar().trainingButton();
        Node grid = window.gallery().grid();
        robot.interact(() -> window.sidebar().testButton().requestFocus());
        assertFalse(isAccent(edgePixel(robot, set)), "unfocused: no ring");
        assertFalse(isAccent(edgePixel(robot, grid)), "unfocused: no ring");
        robot.interact(set::requestFocus);
        assertTrue(isAccent(edgePixel(robot, set)), "the focused set has a ring: " + edgePixel(robot, set));
        robot.interact(grid::requestFocus);
        assertTrue(isAccent(edgePixel(robot, grid)), "the focused gallery has a ring: " + edgePixel(robot, grid));
        assertFalse(isAccent(edgePixel(robot, set)));
    }

    /** The colour drawn one pixel inside the node's left edge, half way down. */
    private Color edgePixel(FxRobot robot, Node n) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = window.scene().snapshot(null));
        Bounds b = n.localToScene(n.getLayoutBounds());
        return shot[0].getPixelReader().getColor((int) Math.ceil(b.getMinX()), (int) b.getCenterY());
    }

    private static boolean isAccent(Color c) {
        return c.getBlue() > 0.7 && c.getRed() < 0.4 && c.getGreen() < 0.55; // #2d6cdf
    }

    @Test
    void captionsKeepTheFileNameWholeAndTheFilterShowsItsText(FxRobot robot) throws Exception {
        loadScored(robot, "captions");
        robot.interact(() -> {
            window.stage().setWidth(1024);
            window.stage().setHeight(640);
            vm.gallery().filterProperty().set(GalleryFilter.LABELLED_DEFECTIVE);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<GalleryCell> cells = robot.lookup(".gallery-cell").queryAll().stream().map(c -> (GalleryCell) c)
                .filter(c -> c.getItem() != null && c.isVisible()).toList();
        assertFalse(cells.isEmpty());
        for (GalleryCell c : cells) {
            Label caption = c.caption();
            String name = c.getItem().name();
            assertTrue(caption.getText().startsWith("missing_") && caption.getText().endsWith("…/" + name),
                    "the folder gives way, the name stays: " + caption.getText());
            assertEquals(caption.getText(), drawn(caption), "and it is drawn as it is, not cut again");
            assertTrue(caption.getTooltip() == null ? tooltipOf(caption).contains(c.getItem().path().toString())
                    : caption.getTooltip().getText().contains(c.getItem().path().toString()));
        }
        for (GalleryFilter f : GalleryFilter.values()) {
            robot.interact(() -> vm.gallery().filterProperty().set(f));
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.ComboBox<?> combo = robot.lookup("#galleryFilter").queryComboBox();
            assertEquals(f.toString(), drawn(combo), "the filter shows its whole text at 1024 px");
        }
    }

    private static String tooltipOf(Node n) {
        Object t = n.getProperties().get("javafx.scene.control.Tooltip");
        return t instanceof javafx.scene.control.Tooltip tip ? tip.getText() : "";
    }

    private static String drawn(javafx.scene.Parent p) {
        return SmallWindowLayoutTest.shownText(p);
    }

    @Test
    void theEmptyProjectHintIsShownInItsOwnLines(FxRobot robot) {
        robot.interact(() -> {
            window.stage().setWidth(1000);
            window.stage().setHeight(640);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Labeled hint = robot.lookup("#galleryHint").queryAs(Labeled.class);
        assertTrue(hint.isVisible());
        assertFalse(hint.isWrapText(), "lines break where the text says, no word left alone");
        assertTrue(hint.getWidth() >= hint.prefWidth(-1) - 0.5, "not squeezed: " + hint.getWidth());
        assertEquals(hint.getText(), drawn(hint));
        Bounds b = hint.localToScene(hint.getLayoutBounds());
        Bounds g = window.gallery().grid().localToScene(window.gallery().grid().getLayoutBounds());
        assertTrue(b.getMinX() >= g.getMinX() && b.getMaxX() <= g.getMaxX(), "inside the gallery at 1000 px: " + b);
    }

    @Test
    void menuNamesStandClearOfTheirShortcuts(FxRobot robot) {
        robot.clickOn("File");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window menu = robot.listWindows().stream().filter(w -> w != window.stage() && w.getScene() != null
                && !w.getScene().getRoot().lookupAll(".accelerator-text").isEmpty()).findFirst().orElseThrow();
        int rows = 0;
        for (Node acc : menu.getScene().getRoot().lookupAll(".accelerator-text")) {
            if (!(acc instanceof Label shortcut) || shortcut.getText() == null || shortcut.getText().isEmpty()) {
                continue;
            }
            Label name = (Label) acc.getParent().getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof Label l && l != acc && l.getStyleClass().contains("label")
                            && !l.getStyleClass().contains("accelerator-text"))
                    .findFirst().orElseThrow();
            double nameEnd = textBounds(name).getMaxX();
            double shortcutStart = textBounds(shortcut).getMinX();
            assertTrue(shortcutStart - nameEnd >= 16, name.getText() + " and " + shortcut.getText() + " are "
                    + (shortcutStart - nameEnd) + " px apart");
            rows++;
        }
        assertTrue(rows >= 8, rows + " shortcuts in the File menu");
        robot.type(KeyCode.ESCAPE);
    }

    private static Bounds textBounds(Label l) {
        Node text = l.lookup(".text");
        return text.localToScreen(text.getLayoutBounds());
    }

    @ParameterizedTest
    @CsvSource({"1024, 640", "1366, 768", "1400, 880", "1600, 1000"})
    void thumbnailsSpanTheGalleryWithoutAnEmptyBandAtTheRight(int width, int height, FxRobot robot) throws Exception {
        loadScored(robot, "band" + width);
        robot.interact(() -> {
            window.stage().setWidth(width);
            window.stage().setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node grid = window.gallery().grid();
        Bounds g = grid.localToScene(grid.getLayoutBounds());
        List<Bounds> firstRow = robot.lookup(".gallery-cell").queryAll().stream()
                .filter(c -> ((GalleryCell) c).getItem() != null)
                .map(c -> c.localToScene(c.getLayoutBounds()))
                .filter(b -> Math.abs(b.getMinY() - g.getMinY()) < GalleryCell.PHOTO / 2)
                .sorted(Comparator.comparingDouble(Bounds::getMinX)).toList();
        assertTrue(firstRow.size() >= 2, firstRow.toString());
        double left = firstRow.get(0).getMinX() - g.getMinX();
        double right = g.getMaxX() - firstRow.get(firstRow.size() - 1).getMaxX();
        // The right side keeps the scroll bar's room (18 px) besides what the left side has.
        assertTrue(right - left <= 20, "left margin " + left + " px, right margin " + right + " px at " + width);
        Screenshots.save(window.scene(), "gallery-" + width + "x" + height);
    }
}
