package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.scoring.DefectRegion;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.scoring.Inspector;
import org.ssaeinspector.testing.SyntheticImages;

/**
 * The geometry path end to end on generated wide surfaces (3:1, striated, unaligned, with small
 * dark pits): the model keeps the aspect ratio, trains on square crops, scores whole photos, and
 * reports boxes in photo pixels where the pits are.
 */
class WideSurfaceTest {
    private static final int W = 192;
    private static final int H = 64;

    @TempDir
    Path dir;

    /** Horizontal machining marks at a random phase, light falling off to one side, noise; optionally a pit. */
    static FloatImage surface(Random rng, int[] pitOut) {
        float[] d = new float[W * H];
        double phase = rng.nextDouble() * 2 * Math.PI;
        double light = 0.8 + 0.2 * rng.nextDouble();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double v = light * (0.45 + 0.12 * Math.sin(y * 0.35 + phase) + 0.1 * x / W) + rng.nextGaussian() * 0.01;
                d[y * W + x] = (float) v;
            }
        }
        if (pitOut != null) {
            int cx = 12 + rng.nextInt(W - 24);
            int cy = 12 + rng.nextInt(H - 24);
            for (int y = cy - 6; y <= cy + 6; y++) {
                for (int x = cx - 6; x <= cx + 6; x++) {
                    if (Math.hypot(x - cx, y - cy) <= 6) {
                        d[y * W + x] = 0.08f;
                    }
                }
            }
            pitOut[0] = cx;
            pitOut[1] = cy;
        }
        return new FloatImage(1, W, H, d);
    }

    @Test
    void wideSurfacesKeepTheirShapeAndPitsAreFoundWhereTheyAre() throws Exception {
        Files.createDirectories(dir);
        Random rng = new Random(21);
        List<Path> good = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Path p = dir.resolve(String.format("s_%02d.png", i));
            SyntheticImages.write(surface(rng, null), p);
            good.add(p);
        }
        TrainingSettings s = TrainingSettings.defaults().withImageSize(32).withWidth(16).withBatchSize(8)
                .withEpochs(40).withSeed(2);
        try (SsaeModel model = new SsaeTrainer().train(good, s, TrainingListener.NONE, () -> false).model()) {
            ModelHeader h = model.header();
            assertEquals(96, h.geometry().referenceModelSize()[0], "3:1 photos stay 3:1 at the model's scale");
            assertEquals(32, h.geometry().referenceModelSize()[1]);
            assertTrue(h.calibrationChoice() != null && !h.calibrationChoice().candidates().isEmpty());
            Inspector inspector = new Inspector(model);
            int n = 10;
            int pairs = 0;
            int found = 0;
            double[] goodScores = new double[n];
            for (int i = 0; i < n; i++) {
                goodScores[i] = inspector.inspect(dir.resolve("g.png"), surface(rng, null), model.threshold()).score();
            }
            for (int i = 0; i < n; i++) {
                int[] pit = new int[2];
                InspectionResult r = inspector.inspect(dir.resolve("d.png"), surface(rng, pit), model.threshold());
                assertEquals(96, r.scored().map().width());
                for (double g : goodScores) {
                    pairs += r.score() > g ? 1 : 0;
                }
                for (DefectRegion region : r.regions()) {
                    assertTrue(region.x() >= 0 && region.y() >= 0 && region.x() + region.width() <= W
                            && region.y() + region.height() <= H, "box inside the photo: " + region);
                    if (pit[0] >= region.x() - 2 && pit[0] <= region.x() + region.width() + 2
                            && pit[1] >= region.y() - 2 && pit[1] <= region.y() + region.height() + 2) {
                        found++;
                        break;
                    }
                }
            }
            double auroc = pairs / (double) (n * n);
            // A few hundred steps of a width-16 network: far from a finished model, well above chance (0.5).
            assertTrue(auroc >= 0.8, "pitted surfaces score above clean ones: AUROC " + auroc + ", boxes on pits " + found);
            assertTrue(found >= n / 2, "a flagged box sits on the pit in " + found + " of " + n + " (AUROC " + auroc + ")");
        }
    }
}
