package org.ssaeinspector.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
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

/** The slider, the field, the ROC point and the gallery's flags move together. */
@ExtendWith(ApplicationExtension.class)
class ThresholdAndGalleryTest {
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

    private void load(FxRobot robot, int good, int bad) throws Exception {
        Path data = TestImages.mvtec(tmp.resolve("set" + good + "_" + bad), 4, good, bad, 64);
        Path model = tmp.resolve("m.ssae");
        engine.saveModel(FakeEngineService.model(0.2), model, 0.2);
        robot.interact(() -> {
            window.handleDrop(List.of(data.toFile()), null);
            window.handleDrop(List.of(model.toFile()), null);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ThresholdPanel panel() {
        return window.thresholdPanel();
    }

    @Test
    void sliderMovesFieldRocPointAndGalleryFlags(FxRobot robot) throws Exception {
        load(robot, 10, 8);
        GridView<ImageItem> grid = robot.lookup("#gallery").queryAs(GridView.class);
        robot.interact(() -> vm.gallery().filterProperty().set(GalleryFilter.FLAGGED));
        assertEquals(8, grid.getItems().size());
        // A threshold between the defect scores: some defects pass, the ROC point moves down.
        double middle = grid.getItems().get(3).score();
        Slider slider = robot.lookup("#thresholdSlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(middle));
        assertEquals(middle, vm.project().thresholdProperty().get(), 1e-12);
        TextField field = robot.lookup("#thresholdField").queryAs(TextField.class);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", middle), field.getText());
        assertEquals(3, grid.getItems().size(), "only scores above the threshold stay flagged");
        assertEquals(3.0 / 8, panel().operatingPointValue().getY(), 1e-9);
        assertEquals(0.0, panel().operatingPointValue().getX(), 1e-9);
        // The dot sits where the chart draws (0, 3/8).
        var chart = panel().roc();
        Node plot = chart.lookup(".chart-plot-background");
        var axisY = (javafx.scene.chart.NumberAxis) chart.getYAxis();
        var axisX = (javafx.scene.chart.NumberAxis) chart.getXAxis();
        var expected = plot.localToScene(axisX.getDisplayPosition(0.0), axisY.getDisplayPosition(3.0 / 8));
        var dot = panel().operatingPoint();
        var actual = dot.localToScene(dot.getCenterX(), dot.getCenterY());
        assertEquals(expected.getX(), actual.getX(), 1.0);
        assertEquals(expected.getY(), actual.getY(), 1.0);
        assertEquals("37.5 %", robot.lookup("#metric-tpr").queryAs(Label.class).getText());
        assertEquals(3, vm.project().flaggedTestCountProperty().get());
    }

    @Test
    void operatingPointStaysOnTheCurveAfterResizes(FxRobot robot) throws Exception {
        load(robot, 10, 8);
        // Two defective images labelled good by hand: good and defective scores overlap, so the
        // point lies inside the chart, off its edges.
        List<ImageItem> defects = vm.project().items(ImageSet.TEST).stream()
                .filter(i -> i.label() == org.ssaeinspector.dataset.Label.DEFECTIVE)
                .sorted(java.util.Comparator.comparingDouble(ImageItem::score)).toList();
        robot.interact(() -> {
            vm.project().setLabel(defects.get(7), org.ssaeinspector.dataset.Label.GOOD);
            vm.project().setLabel(defects.get(2), org.ssaeinspector.dataset.Label.GOOD);
            vm.project().thresholdProperty().set((defects.get(4).score() + defects.get(5).score()) / 2);
        });
        double fpr = panel().operatingPointValue().getX();
        double tpr = panel().operatingPointValue().getY();
        assertTrue(fpr > 0.05 && fpr < 0.95 && tpr > 0.05 && tpr < 0.95, fpr + ", " + tpr);
        for (double[] size : new double[][] {{1000, 640}, {1600, 1000}, {1024, 640}, {1366, 768}}) {
            robot.interact(() -> {
                window.stage().setWidth(size[0]);
                window.stage().setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            var dot = panel().operatingPoint();
            Point2D drawn = dot.localToScene(dot.getCenterX(), dot.getCenterY());
            assertTrue(dot.isVisible());
            double off = distanceToCurve(drawn);
            assertTrue(off < 1.5, "at " + size[0] + " x " + size[1] + " the point is drawn " + off + " px off the curve");
        }
        Screenshots.save(window.scene(), "roc-after-resizes");
    }

    /** Distance in scene pixels from {@code p} to the ROC line as the chart itself drew it (its path). */
    private double distanceToCurve(Point2D p) {
        javafx.scene.shape.Path line = (javafx.scene.shape.Path) panel().roc().getData().get(0).getNode();
        double best = Double.POSITIVE_INFINITY;
        Point2D previous = null;
        for (var e : line.getElements()) {
            Point2D v = e instanceof javafx.scene.shape.LineTo l ? line.localToScene(l.getX(), l.getY())
                    : e instanceof javafx.scene.shape.MoveTo m ? line.localToScene(m.getX(), m.getY()) : null;
            if (v == null) {
                continue;
            }
            best = Math.min(best, previous == null ? v.distance(p) : segmentDistance(p, previous, v));
            previous = v;
        }
        return best;
    }

    private static double segmentDistance(Point2D p, Point2D a, Point2D b) {
        Point2D ab = b.subtract(a);
        double len2 = ab.dotProduct(ab);
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, p.subtract(a).dotProduct(ab) / len2));
        return p.distance(a.add(ab.multiply(t)));
    }

    @Test
    void typedThresholdMovesSliderAndBadTextIsRejected(FxRobot robot) throws Exception {
        load(robot, 6, 4);
        TextField field = robot.lookup("#thresholdField").queryAs(TextField.class);
        Slider slider = robot.lookup("#thresholdSlider").queryAs(Slider.class);
        robot.doubleClickOn(field).eraseText(12).write("0.05").type(KeyCode.ENTER);
        assertEquals(0.05, slider.getValue(), 1e-12);
        assertEquals(0.05, vm.project().thresholdProperty().get(), 1e-12);
        robot.doubleClickOn(field).eraseText(12).write("abc").type(KeyCode.ENTER);
        assertTrue(field.getStyleClass().contains("invalid"));
        assertEquals(0.05, vm.project().thresholdProperty().get(), 1e-12, "bad text changes nothing");
        robot.type(KeyCode.ESCAPE);
        assertEquals("0.05", field.getText());
        assertFalse(field.getStyleClass().contains("invalid"));
    }

    @Test
    void aTypedThresholdOutsideTheScoresLeavesTheSliderRangeAlone(FxRobot robot) throws Exception {
        load(robot, 6, 4);
        TextField field = robot.lookup("#thresholdField").queryAs(TextField.class);
        Slider slider = robot.lookup("#thresholdSlider").queryAs(Slider.class);
        double min = slider.getMin();
        double max = slider.getMax();
        robot.doubleClickOn(field).eraseText(12).write("500").type(KeyCode.ENTER);
        assertEquals(500, vm.project().thresholdProperty().get(), 0.0, "the slider's clamp is not written back");
        assertEquals(max, slider.getMax(), 0.0);
        assertEquals(min, slider.getMin(), 0.0);
        assertEquals(max, slider.getValue(), 0.0, "the slider shows it at its right end");
        assertEquals("500", field.getText());
        Screenshots.save(window.scene(), "threshold-typed-500");
        // A rebuild (a label change) re-sets the slider's range: the threshold still stays 500.
        robot.interact(() -> vm.threshold().rebuild());
        assertEquals(500, vm.project().thresholdProperty().get(), 0.0);
        robot.doubleClickOn(field).eraseText(12).write("-500").type(KeyCode.ENTER);
        assertEquals(min, slider.getValue(), 0.0);
        double inside = min + 0.5 * (max - min);
        robot.interact(() -> slider.setValue(inside));
        assertEquals(inside, vm.project().thresholdProperty().get(), 1e-12, "dragging still sets it");
        assertEquals(max, slider.getMax(), 0.0);
    }

    @Test
    void leavingTheUneditedFieldKeepsTheUnroundedThreshold(FxRobot robot) throws Exception {
        load(robot, 6, 4);
        TextField field = robot.lookup("#thresholdField").queryAs(TextField.class);
        double exact = 0.123456789;
        robot.interact(() -> vm.project().thresholdProperty().set(exact));
        assertEquals("0.1235", field.getText());
        // Enter and focus loss on the rounded text must not write 0.1235 back.
        robot.clickOn(field).type(KeyCode.ENTER);
        robot.clickOn("#gallery");
        assertFalse(field.isFocused());
        assertEquals(exact, vm.project().thresholdProperty().get(), 0.0);
        // An edit is committed on focus loss.
        robot.doubleClickOn(field).eraseText(12).write("0.2");
        robot.clickOn("#gallery");
        assertEquals(0.2, vm.project().thresholdProperty().get(), 0.0);
        Screenshots.save(window.scene(), "threshold-field-rounded");
    }

    @Test
    void rocChartIsThinAndStatic(FxRobot robot) throws Exception {
        load(robot, 12, 9);
        var roc = panel().roc();
        assertFalse(roc.getCreateSymbols());
        assertFalse(roc.getAnimated());
        assertTrue(roc.getData().get(0).getData().size() >= 2);
        assertTrue(roc.getData().get(0).getData().size() <= 2000);
        assertTrue(roc.isVisible());
        assertEquals("1.000", robot.lookup("#metric-auroc").queryAs(Label.class).getText());
        assertNotNull(panel().histogramView().histogram());
        Screenshots.save(window.scene(), "threshold-panel-test");
    }

    @Test
    void withoutDefectsThePanelShowsTheFalseRejectRate(FxRobot robot) throws Exception {
        load(robot, 10, 0);
        robot.interact(() -> vm.project().thresholdProperty().set(-1));
        assertFalse(panel().roc().isVisible());
        String text = robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("No labelled defective images")).queryAs(Label.class).getText();
        assertTrue(text.contains("100.0 % (10 of 10 good images flagged)"), text);
    }

    @Test
    void overlayShowsOnScoredThumbnailsAndFollowsTheControls(FxRobot robot) throws Exception {
        load(robot, 4, 4);
        WaitForAsyncUtils.waitForFxEvents();
        Set<Node> cells = robot.lookup(".gallery-cell").queryAll();
        List<ImageView> heat = cells.stream().map(c -> (GalleryCell) c)
                .filter(c -> c.getItem() != null && c.getItem().isFlagged())
                .map(GalleryCell::heatView).toList();
        assertFalse(heat.isEmpty());
        for (ImageView v : heat) {
            assertNotNull(v.getImage(), "flagged thumbnails carry a heatmap");
            assertEquals(vm.gallery().overlayOpacityProperty().get(), v.getOpacity(), 1e-9);
        }
        Slider opacity = robot.lookup("#overlayOpacity").queryAs(Slider.class);
        robot.interact(() -> opacity.setValue(0.25));
        assertEquals(0.25, heat.get(0).getOpacity(), 1e-9);
        robot.clickOn("#overlayToggle");
        assertFalse(heat.get(0).isVisible());
        assertFalse(vm.gallery().overlayVisibleProperty().get());
    }

    @Test
    void enterOnTheGalleryOpensTheDetailAndArrowsStep(FxRobot robot) throws Exception {
        load(robot, 3, 3);
        GridView<ImageItem> grid = robot.lookup("#gallery").queryAs(GridView.class);
        Node firstCell = robot.lookup(".gallery-cell").queryAll().stream()
                .filter(c -> ((GalleryCell) c).getItem() == grid.getItems().get(0)).findFirst().orElseThrow();
        robot.clickOn(firstCell);
        ImageItem first = vm.gallery().selectedProperty().get();
        assertEquals(grid.getItems().get(0), first);
        robot.type(KeyCode.RIGHT);
        assertEquals(grid.getItems().get(1), vm.gallery().selectedProperty().get());
        robot.type(KeyCode.D);
        assertEquals(org.ssaeinspector.dataset.Label.DEFECTIVE, grid.getItems().get(1).label());
        robot.type(KeyCode.U);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(grid.getItems().get(1), vm.detail().itemProperty().get());
        assertNull(vm.detail().problemProperty().get());
        assertNotNull(vm.detail().imagesProperty().get());
        assertEquals(ImageSet.TEST, vm.gallery().shownSetProperty().get());
    }
}
