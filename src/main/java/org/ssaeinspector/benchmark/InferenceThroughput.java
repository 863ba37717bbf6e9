package org.ssaeinspector.benchmark;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.model.DjlRuntime;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.model.UNetBlock;

/**
 * Inference throughput in images per second, the way the app scores: batches of 8 images through
 * the network. Decoding is left out (it depends on the file format, not on the model).
 */
public final class InferenceThroughput {
    private static final int BATCH = SsaeModel.INFERENCE_BATCH;
    private static final double MIN_SECONDS = 5;

    private InferenceThroughput() {
    }

    /**
     * The whole scoring path of a trained model (resize to its side, network, residual,
     * calibration, smoothing) over already decoded images, repeated for at least 5 s.
     */
    public static double scoring(SsaeModel model, List<FloatImage> decoded) {
        model.scoreAll(decoded.subList(0, Math.min(BATCH, decoded.size()))); // warm-up
        long images = 0;
        long t0 = System.nanoTime();
        do {
            model.scoreAll(decoded);
            images += decoded.size();
        } while ((System.nanoTime() - t0) / 1e9 < MIN_SECONDS);
        return images / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * The network alone, as it would run at {@code side} px (fresh weights: the speed does not
     * depend on them), batches of 8, for at least 5 s.
     */
    public static double network(int channels, int width, int patch, int side) {
        return DjlRuntime.withoutGradients(() -> {
            try (NDManager m = NDManager.newBaseManager(DjlRuntime.engine().defaultDevice(), "PyTorch")) {
                UNetBlock block = new UNetBlock(channels, width, patch);
                Shape shape = new Shape(BATCH, channels, side, side);
                block.initialize(m, DataType.FLOAT32, shape);
                ParameterStore ps = new ParameterStore(m, false);
                var x = m.randomUniform(0, 1, shape);
                block.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray(); // warm-up
                long images = 0;
                long t0 = System.nanoTime();
                do {
                    // Outputs attach to their input's manager: a copy in a sub-manager frees them per pass.
                    try (NDManager pass = m.newSubManager()) {
                        var input = x.duplicate();
                        input.attach(pass);
                        block.forward(ps, new NDList(input), false).singletonOrThrow().toFloatArray();
                    }
                    images += BATCH;
                } while ((System.nanoTime() - t0) / 1e9 < MIN_SECONDS);
                return images / ((System.nanoTime() - t0) / 1e9);
            }
        });
    }
}
