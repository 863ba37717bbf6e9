package org.ssaeinspector.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.TestImages;
import org.ssaeinspector.app.viewmodel.LiveRow;
import org.ssaeinspector.app.viewmodel.LiveViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live view (issue 13): a watched folder, files written slowly and by rename, each scored
 * once; counters; the last flagged part; pausing without losing images; a bad file; closing the
 * window stops the watching.
 */
class LiveViewTest extends ScreenTest<FakeEngineService> {
    private static final Duration SETTLE = Duration.ofMillis(400);

    @TempDir
    Path tmp;
    LiveViewTest() {
        super(new FakeEngineService());
    }

    @Start
    void start(Stage stage) {
        show(stage);
    }

    /** A part, with a bright blob (a defect to the fake engine) when {@code defect}. */
    private static byte[] part(int seed, boolean defect) throws Exception {
        int size = 160;
        BufferedImage img = TestImages.good(size, new Random(seed));
        if (defect) {
            int cx = 60 + seed % 40;
            int cy = 70;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= 14 * 14) {
                        img.setRGB(x, y, 0xdcdcdc);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents(); // the rest of the UI update that met the condition
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** The rows as the UI thread has them (it adds them while the test reads). */
    private static List<LiveRow> rows(LiveViewModel live) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(live.rows())).get();
    }

    private static long count(LiveViewModel live, String name) throws Exception {
        return rows(live).stream().filter(r -> r.name().equals(name)).count();
    }

    private static LiveRow row(LiveViewModel live, String name) throws Exception {
        return rows(live).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void scoresEachSettledFileOnceShowsTheLastFlaggedAndLosesNothingWhilePaused(FxRobot robot) throws Exception {
        Path model = tmp.resolve("model.ssae");
        engine.saveModel(FakeEngineService.model(0.2), model, 0.2);
        robot.interact(() -> window.handleDrop(List.of(model.toFile()), null));
        await("the model", () -> vm.project().model() != null);

        Path in = Files.createDirectories(tmp.resolve("camera"));
        Files.write(in.resolve("already-there.png"), part(1, false));
        LiveViewWindow[] opened = new LiveViewWindow[1];
        robot.interact(() -> opened[0] = window.actions().watch(in, SETTLE));
        LiveViewWindow w = opened[0];
        LiveViewModel live = w.viewModel();
        await("the file there at the start", () -> count(live, "already-there.png") == 1);

        // Written slowly, in pieces with pauses shorter than the settle time: scored once, whole.
        byte[] slow = part(2, true);
        try (OutputStream out = Files.newOutputStream(in.resolve("slow.png"))) {
            int chunk = slow.length / 5 + 1;
            for (int off = 0; off < slow.length; off += chunk) {
                out.write(slow, off, Math.min(chunk, slow.length - off));
                out.flush();
                Thread.sleep(150);
                assertEquals(0, count(live, "slow.png"), "not scored while being written");
            }
        }
        // Written under a temporary name and renamed at the end.
        Path temp = in.resolve("renamed.png.tmp");
        Files.write(temp, part(3, false));
        Thread.sleep(SETTLE.toMillis() + 300);
        assertEquals(0, count(live, "renamed.png.tmp"), "a temporary name is left alone");
        Files.move(temp, in.resolve("renamed.png"), StandardCopyOption.ATOMIC_MOVE);

        await("three rows", () -> rows(live).size() == 3);
        WaitForAsyncUtils.sleep(SETTLE.toMillis() * 3, TimeUnit.MILLISECONDS);
        assertEquals(3, rows(live).size(), "each file once: " + live.rows());
        for (String name : List.of("already-there.png", "slow.png", "renamed.png")) {
            assertEquals(1, count(live, name), name + " in " + rows(live));
        }
        assertTrue(row(live, "slow.png").flagged(), row(live, "slow.png").toString());
        assertTrue(row(live, "slow.png").verdict().startsWith("FLAGGED "));
        assertFalse(row(live, "renamed.png").flagged());
        assertTrue(row(live, "renamed.png").verdict().startsWith("pass "));
        assertEquals("renamed.png", rows(live).get(0).name(), "newest first");
        assertEquals(3, engine.scoreCalls.get(), "scored once each");

        Label inspected = (Label) w.stage().getScene().lookup("#liveInspected");
        Label flagged = (Label) w.stage().getScene().lookup("#liveFlagged");
        Label rate = (Label) w.stage().getScene().lookup("#liveRate");
        assertEquals("3 inspected", inspected.getText());
        assertEquals("1 flagged", flagged.getText());
        assertEquals("3 / min", rate.getText());

        Label caption = (Label) w.stage().getScene().lookup("#liveLastFlagged");
        assertTrue(caption.getText().startsWith("slow.png  ·  FLAGGED"), caption.getText());
        StackPane large = (StackPane) w.stage().getScene().lookup("#liveLastFlaggedImage");
        await("the last flagged part large", () -> ((ImageView) large.getChildren().get(0)).getImage() != null);
        assertNotNull(((ImageView) large.getChildren().get(1)).getImage(), "its heatmap over it");
        assertTrue(((ImageView) large.getChildren().get(0)).getFitWidth() > 300, "shown large");

        // Paused: an arrival waits, and is scored on resume.
        ToggleButton pause = (ToggleButton) w.stage().getScene().lookup("#livePause");
        robot.interact(pause::fire);
        assertEquals("Resume", pause.getText());
        Files.write(in.resolve("while-paused.png"), part(4, true));
        await("the arrival queued while paused", () -> live.waitingProperty().get() == 1);
        WaitForAsyncUtils.sleep(SETTLE.toMillis() * 2, TimeUnit.MILLISECONDS);
        assertEquals(0, count(live, "while-paused.png"), "not scored while paused");
        assertEquals(3, engine.scoreCalls.get());
        robot.interact(pause::fire);
        await("the queued file scored on resume", () -> count(live, "while-paused.png") == 1);
        assertEquals(0, live.waitingProperty().get());
        assertEquals("while-paused.png", caption.getText().split(" ")[0], "the newest flagged part is the large one");

        // Bad files: a row with the problem, and the watching goes on.
        Files.writeString(in.resolve("notes.txt"), "hello");
        byte[] cut = part(5, false);
        Files.write(in.resolve("truncated.png"), java.util.Arrays.copyOf(cut, cut.length / 3));
        Files.write(in.resolve("after-bad.png"), part(6, false));
        await("the bad files and the next part", () -> rows(live).size() == 7);
        assertNotNull(row(live, "notes.txt").problem());
        assertTrue(row(live, "notes.txt").verdict().startsWith("Problem: "), row(live, "notes.txt").verdict());
        assertNotNull(row(live, "truncated.png").problem());
        assertNull(row(live, "after-bad.png").problem());
        assertEquals("5 inspected", inspected.getText());
        assertEquals("2 flagged", flagged.getText());
        assertEquals("2 problem(s)", ((Label) w.stage().getScene().lookup("#liveProblems")).getText());
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());

        Screenshots.save(w.stage().getScene(), "live-view");

        // Closing the window stops the watching.
        robot.interact(() -> w.stage().close());
        await("the watching thread to end", () -> !live.watcherAlive());
        int calls = engine.scoreCalls.get();
        Files.write(in.resolve("after-close.png"), part(7, false));
        WaitForAsyncUtils.sleep(SETTLE.toMillis() * 3, TimeUnit.MILLISECONDS);
        assertEquals(calls, engine.scoreCalls.get(), "nothing scored after the window closed");
        assertEquals(0, count(live, "after-close.png"));
    }

    @Test
    void filesThatArriveBeforeThereIsAModelWaitForIt(FxRobot robot) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("early"));
        LiveViewWindow[] opened = new LiveViewWindow[1];
        robot.interact(() -> opened[0] = window.actions().watch(in, SETTLE));
        LiveViewModel live = opened[0].viewModel();
        Files.write(in.resolve("early.png"), part(8, true));
        await("the file waiting for a model", () -> live.waitingProperty().get() == 1
                && live.messageProperty().get().startsWith("No model"));
        assertEquals(0, engine.scoreCalls.get());

        Path model = tmp.resolve("late.ssae");
        engine.saveModel(FakeEngineService.model(0.2), model, 0.2);
        robot.interact(() -> window.handleDrop(List.of(model.toFile()), null));
        await("the waiting file scored once the model is there", () -> count(live, "early.png") == 1);
        assertTrue(row(live, "early.png").flagged());
        robot.interact(() -> opened[0].viewModel().stop());
        await("the watching thread to end", () -> !live.watcherAlive());
    }
}
