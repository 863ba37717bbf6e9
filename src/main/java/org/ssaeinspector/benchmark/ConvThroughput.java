package org.ssaeinspector.benchmark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.ssaeinspector.model.DjlRuntime;

/**
 * The machine's measured fp32 convolution throughput through the same engine: a 3x3 convolution,
 * 64 to 64 channels, 128 x 128, batch 8 (the reference case of engineering.md). A yardstick for
 * how close a training step comes to what the CPU can do.
 */
public final class ConvThroughput {
    private ConvThroughput() {
    }

    /** GFLOP/s, best of {@code repeats} after one warm-up. */
    public static double measureGflops(int repeats) {
        return DjlRuntime.withoutGradients(() -> {
            try (NDManager m = NDManager.newBaseManager(DjlRuntime.engine().defaultDevice(), "PyTorch")) {
                int n = 8;
                int c = 64;
                int s = 128;
                NDArray x = m.randomNormal(new Shape(n, c, s, s));
                NDArray w = m.randomNormal(new Shape(c, c, 3, 3));
                NDArray b = m.zeros(new Shape(c));
                double flops = 2.0 * n * s * s * c * c * 9;
                double best = Double.MAX_VALUE;
                for (int i = 0; i <= repeats; i++) {
                    long t0 = System.nanoTime();
                    try (NDArray y = Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                            .singletonOrThrow()) {
                        y.toFloatArray();
                    }
                    double sec = (System.nanoTime() - t0) / 1e9;
                    if (i > 0) {
                        best = Math.min(best, sec);
                    }
                }
                return flops / best / 1e9;
            }
        });
    }
}
