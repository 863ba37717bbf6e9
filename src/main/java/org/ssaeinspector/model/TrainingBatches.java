package org.ssaeinspector.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ssaeinspector.imageio.FloatImage;

/**
 * Turns the decoded training images at the model's scale (kept in memory once) into batches of
 * (corrupted input, clean target, corruption mask), one shuffled epoch after another. Each sample
 * is a random square crop of {@code crop} pixels (the whole image when it is that size): the
 * network is fully convolutional, so it learns on crops and scores whole photos.
 */
final class TrainingBatches {
    /** One batch as flat arrays in NCHW (mask: N x H x W). */
    record Batch(float[] input, float[] target, float[] mask, int size) {
    }

    private final List<FloatImage> images;
    private final PartKind kind;
    private final int batchSize;
    private final int crop;
    private final double inputNoise;
    private final CorruptionSynthesizer synthesizer = new CorruptionSynthesizer();
    private final Random rng;
    private final List<Integer> order = new ArrayList<>();
    private int cursor;
    private long batchesDrawn;

    TrainingBatches(List<FloatImage> images, PartKind kind, int batchSize, int crop, Random rng) {
        this(images, kind, batchSize, crop, 0, rng);
    }

    /** @param inputNoise largest sigma of the Gaussian noise added to each input (0: none; see TrainingSettings) */
    TrainingBatches(List<FloatImage> images, PartKind kind, int batchSize, int crop, double inputNoise, Random rng) {
        this.inputNoise = inputNoise;
        for (FloatImage img : images) {
            if (img.width() < crop || img.height() < crop) {
                throw new IllegalArgumentException("crop " + crop + " larger than an image of " + img.width() + "x" + img.height());
            }
        }
        this.crop = crop;
        this.images = images;
        this.kind = kind;
        this.batchSize = batchSize;
        this.rng = rng;
        for (int i = 0; i < images.size(); i++) {
            order.add(i);
        }
        cursor = order.size();
    }

    int stepsPerEpoch() {
        return (images.size() + batchSize - 1) / batchSize;
    }

    /**
     * Epochs started so far (1-based once the first batch is drawn), counted in steps of
     * {@link #stepsPerEpoch()} as {@code --epochs} is: the last batch of an epoch tops itself up
     * with images of the next pass, which must not count as an epoch of its own.
     */
    int epoch() {
        return (int) ((batchesDrawn + stepsPerEpoch() - 1) / stepsPerEpoch());
    }

    Batch next() {
        int plane = crop * crop;
        int per = images.get(0).channels() * plane;
        float[] input = new float[batchSize * per];
        float[] target = new float[batchSize * per];
        float[] mask = new float[batchSize * plane];
        batchesDrawn++;
        for (int b = 0; b < batchSize; b++) {
            FloatImage clean = augment(randomCrop(images.get(nextIndex())));
            FloatImage donor = augment(randomCrop(images.get(rng.nextInt(images.size()))));
            CorruptionSynthesizer.Corrupted c = synthesizer.corrupt(clean, donor, rng);
            System.arraycopy(c.input().data(), 0, input, b * per, per);
            System.arraycopy(clean.data(), 0, target, b * per, per);
            if (inputNoise > 0) {
                addNoise(input, target, b * per, per, rng.nextDouble() * inputNoise);
            }
            System.arraycopy(c.mask(), 0, mask, b * plane, plane);
        }
        return new Batch(input, target, mask, batchSize);
    }

    /**
     * The same Gaussian noise on one sample's input and target (clipped to [0, 1]): the network
     * must pass small perturbations through unchanged while it still replaces the corrupted
     * regions, which anchors it towards the identity on normal content (Bauer and Mueller 2025,
     * "add and preserve" noise on top of the occlusions).
     */
    private void addNoise(float[] input, float[] target, int from, int count, double sigma) {
        for (int i = from; i < from + count; i++) {
            float n = (float) (rng.nextGaussian() * sigma);
            input[i] = Math.min(1f, Math.max(0f, input[i] + n));
            target[i] = Math.min(1f, Math.max(0f, target[i] + n));
        }
    }

    private FloatImage randomCrop(FloatImage img) {
        // No draw when the crop is the whole image: square data sets see the same samples as before crops.
        int x = img.width() > crop ? rng.nextInt(img.width() - crop + 1) : 0;
        int y = img.height() > crop ? rng.nextInt(img.height() - crop + 1) : 0;
        return Tiling.crop(img, x, y, crop, crop);
    }

    private int nextIndex() {
        if (cursor >= order.size()) {
            Collections.shuffle(order, rng);
            cursor = 0;
        }
        return order.get(cursor++);
    }

    /** Only changes a normal part really shows: mirror for objects; also flips and turns for textures. */
    private FloatImage augment(FloatImage img) {
        FloatImage out = img;
        if (rng.nextBoolean()) {
            out = out.flipHorizontal();
        }
        if (kind == PartKind.TEXTURE) {
            if (rng.nextBoolean()) {
                out = out.flipVertical();
            }
            int turns = rng.nextInt(4);
            for (int t = 0; t < turns; t++) {
                out = out.rotate90();
            }
        }
        return out;
    }
}
