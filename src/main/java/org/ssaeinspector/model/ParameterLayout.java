package org.ssaeinspector.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.ConstantInitializer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;

/**
 * The byte layout of the parameter block that the network a header describes writes, to check a
 * file's block against before the engine reads it. The engine trusts the shapes and lengths in the
 * block: it allocates whatever they claim and loads a mismatched shape without a word, to fail
 * later with a raw message. So a block is accepted only when it is exactly as long as the header's
 * network writes and byte-identical to it everywhere except in the weights themselves and in the
 * input shape recorded at training (the crop and batch size, which the header does not hold).
 *
 * <p>Which bytes those are is found without knowing the engine's format: the network is written
 * three times, with other weights and with another recorded input shape, and the bytes that differ
 * are the free ones. The reference shapes are tiny (the engine runs its activations on zeros of
 * that shape to learn their output sizes), so every size they lead to is below 256 and only its
 * low byte differs; the byte above it is freed too, so a file may record sizes up to 65535 there,
 * and nothing larger.
 */
final class ParameterLayout {
    private final byte[] reference;
    private final BitSet free;

    private ParameterLayout(byte[] reference, BitSet free) {
        this.reference = reference;
        this.free = free;
    }

    /** The layout for a validated header's network; allocates only what that network holds (three times). */
    static ParameterLayout of(ModelHeader header, NDManager parent) throws IOException {
        int side = UNetBlock.sideMultiple(header.patch());
        byte[] a = written(header, parent, 1, side, 0f);
        byte[] otherWeights = written(header, parent, 1, side, 1.1f);
        byte[] otherShape = written(header, parent, 2, 2 * side, 0f);
        if (a.length != otherWeights.length || a.length != otherShape.length) {
            throw new IllegalStateException("the engine writes parameters of different lengths for one network");
        }
        BitSet free = new BitSet(a.length);
        for (int i = 0; i < a.length; i++) {
            if (a[i] != otherWeights[i]) {
                free.set(i);
            }
            if (a[i] != otherShape[i]) {
                free.set(Math.max(0, i - 1), i + 1);
            }
        }
        return new ParameterLayout(a, free);
    }

    private static byte[] written(ModelHeader h, NDManager parent, int batch, int side, float value) throws IOException {
        try (NDManager manager = parent.newSubManager()) {
            UNetBlock block = new UNetBlock(h.channels(), h.width(), h.patch());
            block.setInitializer(new ConstantInitializer(value), p -> true);
            block.initialize(manager, DataType.FLOAT32, new Shape(batch, h.channels(), side, side));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            block.saveParameters(out);
            out.flush();
            return bytes.toByteArray();
        }
    }

    /**
     * Reads the block (never more than the expected length plus one byte) and returns it when it
     * fits the layout; otherwise an {@link IOException} saying how it does not.
     */
    byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(reference.length + 1);
        if (bytes.length != reference.length) {
            throw new IOException("the network parameters do not match the header (" + (bytes.length > reference.length
                    ? "longer than the " + reference.length + " bytes of its network"
                    : bytes.length + " bytes where its network has " + reference.length) + ")");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != reference[i] && !free.get(i)) {
                throw new IOException("the network parameters do not match the header's channels, width or patch"
                        + " (they differ at byte " + i + ")");
            }
        }
        return bytes;
    }
}
