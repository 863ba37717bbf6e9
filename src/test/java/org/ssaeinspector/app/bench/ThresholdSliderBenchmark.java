package org.ssaeinspector.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.Fixtures;
import org.ssaeinspector.app.fakes.RecordingPrompts;
import org.ssaeinspector.app.task.FxBackgroundRunner;
import org.ssaeinspector.app.view.MainWindow;
import org.ssaeinspector.app.viewmodel.GalleryFilter;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.ssaeinspector.app.viewmodel.ImageSet;
import org.ssaeinspector.app.viewmodel.MainViewModel;
import org.ssaeinspector.app.viewmodel.MapPreview;
import org.ssaeinspector.app.viewmodel.Project;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.scoring.AnomalyMap;

/**
 * How long one threshold-slider move takes with 10,000 scored images: the view models
 * (re-flag, confusion counts, re-filter of a "flagged" gallery) plus the CSS and layout pass of
 * the whole main window (ROC operating point, histogram line, visible thumbnails). The target
 * is one frame, 16 ms. Not a timed test: it prints the figures.
 *
 * <pre>mvn -B -o test -Dtest=ThresholdSliderBenchmark -Dssae.benchmark=true</pre>
 */
public final class ThresholdSliderBenchmark {
    static final int IMAGES = 10_000;
    static final int MOVES = 300;
    static final int WARMUP = 100;

    @Test
    @EnabledIfSystemProperty(named = "ssae.benchmark", matches = "true")
    void sliderMoveAt10000Images() throws Exception {
        System.out.println(run());
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run());
        Platform.exit();
    }

    /** Runs the benchmark and returns the report. */
    public static String run() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        AtomicReference<String> report = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                report.set(measure());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return report.get();
    }

    private static String measure() {
        FxBackgroundRunner runner = new FxBackgroundRunner();
        MainViewModel vm = Fixtures.main(new FakeEngineService(), runner, new RecordingPrompts());
        Stage stage = new Stage();
        MainWindow window = new MainWindow(vm, stage);
        stage.show();
        fill(vm.project());
        vm.gallery().shownSetProperty().set(ImageSet.TEST);
        Slider slider = (Slider) window.scene().lookup("#thresholdSlider");
        Parent root = window.scene().getRoot();
        root.applyCss();
        root.layout();
        long[][] all = moves(slider, root);
        vm.gallery().filterProperty().set(GalleryFilter.FLAGGED);
        root.applyCss();
        root.layout();
        long[][] flagged = moves(slider, root);
        int shown = vm.gallery().visibleItems().size();
        stage.close();
        runner.close();
        return String.format(Locale.ROOT,
                "Threshold slider move with %d scored images (median / p95 / max, ms):%n"
                        + "  gallery shows all:        view models %.2f / %.2f, with CSS + layout %.2f / %.2f / %.2f%n"
                        + "  gallery shows flagged:    view models %.2f / %.2f, with CSS + layout %.2f / %.2f / %.2f"
                        + " (%d shown at the end)%n"
                        + "  target one frame (16 ms) at p95: %s%n"
                        + "  (%d processors; figures include whatever else the machine was running)",
                IMAGES, ms(percentile(all[0], 50)), ms(percentile(all[0], 95)), ms(percentile(all[1], 50)),
                ms(percentile(all[1], 95)), ms(percentile(all[1], 100)),
                ms(percentile(flagged[0], 50)), ms(percentile(flagged[0], 95)), ms(percentile(flagged[1], 50)),
                ms(percentile(flagged[1], 95)), ms(percentile(flagged[1], 100)), shown,
                percentile(flagged[1], 95) < 16_000_000L && percentile(all[1], 95) < 16_000_000L ? "met" : "MISSED",
                Runtime.getRuntime().availableProcessors());
    }

    /** Moves the slider over the middle of its range; returns view-model and total nanoseconds. */
    private static long[][] moves(Slider slider, Parent root) {
        double lo = slider.getMin();
        double hi = slider.getMax();
        long[] nanos = new long[MOVES];
        long[] vmNanos = new long[MOVES];
        for (int i = -WARMUP; i < MOVES; i++) {
            double v = lo + (hi - lo) * (0.2 + 0.6 * (Math.abs(i) % 50) / 50.0);
            long t0 = System.nanoTime();
            slider.setValue(v);
            long t1 = System.nanoTime();
            root.applyCss();
            root.layout();
            long t2 = System.nanoTime();
            if (i >= 0) {
                vmNanos[i] = t1 - t0;
                nanos[i] = t2 - t0;
            }
        }
        return new long[][] {vmNanos, nanos};
    }

    /** 10,000 test images: 80 % good around 0.3, 20 % defective around 0.7, with small maps. */
    static void fill(Project project) {
        Random rnd = new Random(1);
        List<ImageSample> samples = new ArrayList<>(IMAGES);
        for (int i = 0; i < IMAGES; i++) {
            boolean bad = i % 5 == 0;
            samples.add(new ImageSample(Path.of("/bench/" + (bad ? "defect" : "good") + "/" + i + ".png"),
                    bad ? Label.DEFECTIVE : Label.GOOD, bad ? "defect" : "good", Optional.empty()));
        }
        project.add(samples, ImageSet.TEST);
        project.setModel(FakeEngineService.model(0.5), null, 0.5);
        List<Project.ScoredItem> scored = new ArrayList<>(IMAGES);
        for (ImageItem item : project.items(ImageSet.TEST)) {
            boolean bad = item.label() == Label.DEFECTIVE;
            double s = bad ? 0.7 + 0.15 * rnd.nextGaussian() : 0.3 + 0.1 * rnd.nextGaussian();
            float[] map = new float[MapPreview.SIDE * MapPreview.SIDE];
            for (int k = 0; k < map.length; k++) {
                map[k] = (float) (s * rnd.nextDouble());
            }
            scored.add(new Project.ScoredItem(item, s, MapPreview.of(new AnomalyMap(map, MapPreview.SIDE, MapPreview.SIDE)),
                    null));
        }
        project.applyScores(scored);
    }

    private static long percentile(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
