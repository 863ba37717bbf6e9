package org.ssaeinspector.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.Fixtures;
import org.ssaeinspector.app.fakes.RecordingPrompts;
import org.ssaeinspector.app.fakes.TestImages;
import org.ssaeinspector.app.task.SynchronousRunner;
import org.ssaeinspector.app.viewmodel.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window at laptop sizes: every key part inside the window, no text cut short. */
@ExtendWith(ApplicationExtension.class)
class SmallWindowLayoutTest {
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

    @ParameterizedTest
    @CsvSource({"1024, 640", "1366, 768"})
    void keyPartsFitTheWindow(int width, int height, FxRobot robot) throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("w" + width), 8, 10, 8, 96);
        Path model = tmp.resolve("w" + width + ".ssae");
        engine.saveModel(FakeEngineService.model(0.2), model, 0.2);
        robot.interact(() -> {
            window.handleDrop(List.of(data.toFile()), null);
            window.handleDrop(List.of(model.toFile()), null);
            window.stage().setWidth(width);
            window.stage().setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.scene().getRoot().layout());
        Screenshots.save(window.scene(), "main-window-" + width + "x" + height);
        double w = window.scene().getWidth();
        double h = window.scene().getHeight();
        assertEquals(width, w, 1, "the scene follows the window");
        ThresholdPanel panel = window.thresholdPanel();
        List<Node> key = List.of(window.statusBar(), robot.lookup("#statusCounts").query(), panel,
                panel.slider(), panel.field(), robot.lookup("#frrPresets").query(), panel.roc(),
                panel.histogramView(), robot.lookup("#metric-fpr").query(), robot.lookup("#metric-f1").query(),
                robot.lookup("#metric-pixel-auroc").query(), robot.lookup("#galleryFilter").query(),
                robot.lookup("#gallerySort").query(), window.gallery().grid(), window.sidebar());
        for (Node n : key) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            assertTrue(n.isVisible() && b.getWidth() > 0 && b.getHeight() > 0, n.getId() + " has no size: " + b);
            assertTrue(b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= w + 0.5 && b.getMaxY() <= h + 0.5,
                    (n.getId() == null ? n.getClass().getSimpleName() : n.getId()) + " outside the " + w + " x " + h
                            + " window: " + b);
        }
        assertTrue(panel.histogramView().getHeight() >= 60, "histogram tall enough to read");
        assertTrue(panel.roc().getHeight() >= 120, "ROC tall enough to read: " + panel.roc().getHeight());
        for (String combo : List.of("#galleryFilter", "#gallerySort")) {
            ComboBox<?> c = robot.lookup(combo).queryComboBox();
            assertEquals(c.getValue().toString(), shownText(c), combo + " shows its value");
        }
        List<String> cut = new ArrayList<>();
        collectCut(window.scene().getRoot(), cut);
        assertEquals(List.of(), cut, "labels shown in full");
    }

    /** The text a control really draws (its skin's Text node), which ends in "…" when cut. */
    static String shownText(Parent p) {
        for (Node n : p.lookupAll(".text")) {
            if (n instanceof Text t && t.isVisible() && !t.getText().isEmpty()) {
                return t.getText();
            }
        }
        return "";
    }

    private static void collectCut(Node n, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && !l.isWrapText()) {
            String dots = l.getEllipsisString();
            for (Node c : l.getChildrenUnmodifiable()) {
                // The skin's text (not an icon font glyph) ends or starts with "…" when cut.
                if (c instanceof Text t && "LabeledText".equals(c.getClass().getSimpleName())
                        && t.getText().contains(dots) && !l.getText().contains(dots)) {
                    cut.add(l.getText() + " -> " + t.getText());
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectCut(c, cut);
            }
        }
    }
}
