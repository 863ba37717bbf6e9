package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class UNetBlockTest {
    @Test
    void foldingPixelBlocksIntoChannelsIsExactlyUndone() {
        DjlRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(0f, 2 * 3 * 8 * 8).reshape(2, 3, 8, 8);
            NDArray folded = UNetBlock.spaceToDepth(x, 2);
            assertEquals(new Shape(2, 12, 4, 4), folded.getShape());
            // Channel c*4 + dy*2 + dx of the folded map holds pixel (2y + dy, 2x + dx) of channel c.
            assertEquals(x.getFloat(1, 2, 5, 6), folded.getFloat(1, 2 * 4 + 1 * 2 + 0, 2, 3), 0f);
            assertArrayEquals(x.toFloatArray(), UNetBlock.depthToSpace(folded, 2).toFloatArray(), 0f);
        }
    }

    @Test
    void aPatchedNetworkKeepsTheImageShape() {
        DjlRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            UNetBlock block = new UNetBlock(3, 8, 2);
            block.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            NDArray y = block.forward(new ParameterStore(m, false), new NDList(m.randomUniform(0, 1, new Shape(2, 3, 32, 32))),
                    false).singletonOrThrow();
            assertEquals(new Shape(2, 3, 32, 32), y.getShape());
            assertEquals(new Shape(2, 3, 32, 32), block.getOutputShapes(new Shape[] {new Shape(2, 3, 32, 32)})[0]);
        }
    }
}
