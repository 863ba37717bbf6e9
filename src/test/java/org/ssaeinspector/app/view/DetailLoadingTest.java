package org.ssaeinspector.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.TestImages;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The detail view with real background threads and a slow engine: fast, no queue, no stall. */
class DetailLoadingTest extends ScreenTest<FakeEngineService> {
    @TempDir
    static Path tmp;
    DetailLoadingTest() {
        super(new FakeEngineService());
    }

    @Start
    void start(Stage stage) {
        show(stage);
    }

    private void load(FxRobot robot, String name, int testGood, int testBad) throws Exception {
        Path data = TestImages.mvtec(tmp.resolve(name), 4, testGood, testBad, 64);
        Path model = tmp.resolve(name + ".ssae");
        engine.saveModel(FakeEngineService.model(0.2), model, 0.2);
        robot.interact(() -> {
            window.handleDrop(List.of(data.toFile()), null);
            window.handleDrop(List.of(model.toFile()), null);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.project().model() != null
                && vm.project().testCountProperty().get() == testGood + testBad);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void steppingQuicklyShowsTheLastImageWithoutWorkingThroughTheOthers(FxRobot robot) throws Exception {
        load(robot, "steps", 10, 8);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.project().scoredTestCountProperty().get() == 18
                && !vm.scoring().runningProperty().get());
        engine.inspectMillis = 600;
        List<ImageItem> order = List.copyOf(vm.gallery().visibleItems());
        long t0 = System.nanoTime();
        robot.interact(() -> {
            window.actions().openDetail(order.get(0));
            vm.detail().step(1);
            vm.detail().step(1);
            vm.detail().step(1);
        });
        // While the engine works: the verdict from the gallery's score, and no "no region" yet.
        assertEquals("Finding defect regions…", text(robot, "#regionPlaceholder"));
        assertEquals("4 / 18", text(robot, "#detailPosition"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.detail().loadingProperty().get());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(order.get(3), vm.detail().itemProperty().get());
        assertNotNull(vm.detail().imagesProperty().get().map(), "the model's view arrived");
        assertEquals(order.get(3).path(), engine.inspected.get(engine.inspected.size() - 1),
                "the result is the shown image's");
        assertTrue(engine.inspected.size() <= 2, "the skipped images were not inspected: " + engine.inspected);
        assertTrue(seconds < 3 * 0.6, "no queue of superseded images: " + seconds + " s");
        String placeholder = text(robot, "#regionPlaceholder");
        assertTrue(placeholder.equals("No region above the threshold") || !vm.detail().regionsProperty().get().isEmpty());
        Screenshots.save(robot.lookup("#detailZoom").query().getScene(), "detail-after-steps");
    }

    @Test
    void theDetailViewDoesNotWaitForScoringToFinish(FxRobot robot) throws Exception {
        engine.scoreMillis = 100;
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> vm.statusMessageProperty().addListener((o, a, b) -> messages.add(b)));
        load(robot, "busy", 32, 8);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.project().scoredTestCountProperty().get() > 0);
        ImageItem item = vm.project().items().get(vm.project().items().size() - 1);
        long t0 = System.nanoTime();
        robot.interact(() -> window.actions().openDetail(item));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.detail().loadingProperty().get());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertNotNull(vm.detail().imagesProperty().get().map());
        assertTrue(vm.scoring().runningProperty().get() || vm.project().scoredTestCountProperty().get() < 40,
                "scoring was still going on when the detail view got the engine");
        assertTrue(seconds < 2.5, "detail view waited " + seconds + " s (scoring 40 images takes 4 s)");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.project().scoredTestCountProperty().get() == 40
                && !vm.scoring().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Scored 40 images.", vm.statusMessageProperty().get(), messages + " " + prompts.errors);
    }
}
