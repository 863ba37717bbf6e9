package org.ssaeinspector.benchmark;

import org.ssaeinspector.model.UNetBlock;

/**
 * Floating-point operations of the SSAE U-Net, counted from its layer list (2 FLOPs per
 * multiply-add of the convolutions; normalisation and activations are left out as they are a few
 * percent). A training step costs about three forward passes (forward, two backward products).
 */
public final class NetworkCost {
    private NetworkCost() {
    }

    /** @param patch pixels per side folded into channels at the input (UNetBlock) */
    public static double forwardFlops(int channels, int width, int patch, int size) {
        double flops = 0;
        int in = channels * patch * patch;
        int side = size / patch;
        int[] skipChannels = new int[UNetBlock.LEVELS];
        for (int level = 0; level < UNetBlock.LEVELS; level++) {
            int out = width << level;
            if (level > 0) {
                side /= 2;
            }
            flops += conv(side, in, out, 9) + conv(side, out, out, 9);
            skipChannels[level] = out;
            in = out;
        }
        flops += 4 * conv(side, in, in, 9);
        for (int level = UNetBlock.LEVELS - 2; level >= 0; level--) {
            side *= 2;
            int out = width << level;
            flops += conv(side, in + skipChannels[level], out, 9) + conv(side, out, out, 9);
            in = out;
        }
        flops += conv(side, in, channels * patch * patch, 1);
        return flops;
    }

    public static double trainingStepFlops(int channels, int width, int patch, int size, int batch) {
        return 3 * forwardFlops(channels, width, patch, size) * batch;
    }

    private static double conv(int side, int in, int out, int kernelArea) {
        return 2.0 * side * side * in * out * kernelArea;
    }
}
