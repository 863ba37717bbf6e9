package org.ssaeinspector.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.ssaeinspector.imageio.DecodedImage;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.scoring.GaussianSmoothing;
import org.ssaeinspector.scoring.ResidualCalibration;
import org.ssaeinspector.scoring.ResidualMap;
import org.ssaeinspector.scoring.ResidualMeasure;
import org.ssaeinspector.scoring.ScoredImage;

/**
 * A trained, calibrated SSAE network ready to score images. Scoring calls are serialised (one
 * native model); close it to free native memory.
 */
public final class SsaeModel implements AutoCloseable {
    /** Images per network call when scoring (the benchmark measures the same). */
    public static final int INFERENCE_BATCH = 8;

    private final Model djlModel;
    private final UNetBlock block;
    private final Device device;
    private final ResidualCalibration calibration;
    private final boolean ownsNetwork;
    private volatile ModelHeader header;

    /** @param ownsNetwork false for training snapshots that share the network: close() then frees nothing */
    SsaeModel(Model djlModel, UNetBlock block, Device device, ModelHeader header, ResidualCalibration calibration,
              boolean ownsNetwork) {
        this.ownsNetwork = ownsNetwork;
        this.djlModel = djlModel;
        this.block = block;
        this.device = device;
        this.header = header;
        this.calibration = calibration;
    }

    public ModelHeader header() {
        return header;
    }

    /** Default threshold from the header. */
    public double threshold() {
        return header.threshold();
    }

    /** Changes the stored default threshold (saved with the model). */
    public void setThreshold(double threshold) {
        header = header.withThreshold(threshold);
    }

    UNetBlock block() {
        return block;
    }

    ResidualCalibration calibration() {
        return calibration;
    }

    Device device() {
        return device;
    }

    /** The network's parameters as {@code UNetBlock.saveParameters} writes them (the model file's block). */
    byte[] parameterBytes() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            synchronized (this) { // not while a scoring call runs on the same network
                block.saveParameters(out);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The device the network runs on, in words. */
    public String deviceName() {
        return DjlRuntime.describe(device);
    }

    /** Scores one image of any size and channel count (converted to the model's). */
    public ScoredImage score(FloatImage image) {
        return score(DecodedImage.whole(image));
    }

    /** Scores one photo, decoded in full or at {@link #decodeStep}. */
    public ScoredImage score(DecodedImage photo) {
        return scorePhotos(List.of(photo)).get(0);
    }

    /** Scores several images in batches (faster than one by one). */
    public List<ScoredImage> scoreAll(List<FloatImage> images) {
        return scorePhotos(images.stream().map(DecodedImage::whole).toList());
    }

    /** Scores several photos, each decoded in full or at {@link #decodeStep}, in batches. */
    public List<ScoredImage> scorePhotos(List<DecodedImage> photos) {
        List<ScoredImage> out = new ArrayList<>(photos.size());
        for (int start = 0; start < photos.size(); start += INFERENCE_BATCH) {
            List<FloatImage> inputs = new ArrayList<>();
            for (DecodedImage photo : photos.subList(start, Math.min(photos.size(), start + INFERENCE_BATCH))) {
                inputs.add(prepare(photo));
            }
            List<FloatImage> recon = reconstructAll(inputs);
            for (int i = 0; i < inputs.size(); i++) {
                ResidualMap residual = residual(inputs.get(i), recon.get(i));
                AnomalyMap map = calibration.anomalyMap(residual, header.smoothingSigma());
                out.add(new ScoredImage(map.max(), map, inputs.get(i), recon.get(i),
                        calibration.pooledFor(residual.width(), residual.height())));
            }
        }
        return out;
    }

    /** Width over height of the photos the calibration's grid was fitted on. */
    public double calibrationAspect() {
        return calibration.referenceAspect();
    }

    /** Raw residual maps (before calibration) of images already at the model's scale. */
    List<ResidualMap> residuals(List<FloatImage> preparedImages) {
        List<ResidualMap> out = new ArrayList<>(preparedImages.size());
        for (int start = 0; start < preparedImages.size(); start += INFERENCE_BATCH) {
            List<FloatImage> batch = preparedImages.subList(start, Math.min(preparedImages.size(), start + INFERENCE_BATCH));
            List<FloatImage> recon = reconstructAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                out.add(residual(batch.get(i), recon.get(i)));
            }
        }
        return out;
    }

    /** How photos map onto the network's pixels (scale, aspect ratio kept). */
    public ImageGeometry geometry() {
        return header.geometry();
    }

    /**
     * The image as the network takes it: the model's channel count, at the model's scale, its
     * light normalised where the model's training data called for it ({@link DataTraits}).
     */
    public FloatImage prepare(FloatImage image) {
        return prepare(DecodedImage.whole(image));
    }

    /** {@link #prepare(FloatImage)} for a photo decoded at a step: its model size is the whole photo's. */
    public FloatImage prepare(DecodedImage photo) {
        int[] size = header.geometry().modelSize(photo.width(), photo.height());
        FloatImage atScale = photo.image().withChannels(header.channels()).resize(size[0], size[1]);
        return header.dataTraits() == null ? atScale : header.dataTraits().apply(atScale);
    }

    /**
     * Box halvings that a photo keeps on its way to the model's scale when it is decoded at
     * {@link #decodeStep}: each model pixel still averages at least 4 x 4 decoded pixels.
     */
    static final int KEPT_HALVINGS = 2;

    /**
     * Photo pixels per decoded pixel that this model can do without (a power of two, 1 for
     * photos under 8 times the model's size): {@link #prepare} would average the skipped pixels
     * into a few model pixels anyway, so peak memory follows the model's scale, not the camera's.
     */
    public int decodeStep(int width, int height) {
        int[] size = header.geometry().modelSize(width, height);
        return 1 << Math.max(0, FloatImage.boxHalvings(width, height, size[0], size[1]) - KEPT_HALVINGS);
    }

    /**
     * Reconstructions of images at the model's scale. Images of one padded size share network
     * calls (up to {@link #BATCH_PIXELS} pixels a call); large ones are tiled ({@link Tiling}).
     */
    List<FloatImage> reconstructAll(List<FloatImage> images) {
        int multiple = UNetBlock.sideMultiple(header.patch());
        // A photo thinner than the training crops is mirrored out to them, as training did with
        // it (SsaeTrainer.padTo): the network never saw a frame that thin. Cropped back below.
        int crop = header.training().settings().cropSide();
        List<FloatImage> prepared = new ArrayList<>(images.size());
        for (FloatImage img : images) {
            prepared.add(Tiling.padToAtLeast(img, crop));
        }
        FloatImage[] out = new FloatImage[prepared.size()];
        java.util.Map<Long, List<Integer>> bySize = new java.util.LinkedHashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            FloatImage img = prepared.get(i);
            int pw = Tiling.padded(img.width(), multiple);
            int ph = Tiling.padded(img.height(), multiple);
            if ((long) pw * ph > Tiling.MAX_WHOLE_PIXELS) {
                out[i] = Tiling.run(img, multiple, batchFor(Tiling.TILE * Tiling.TILE), this::reconstruct);
            } else {
                bySize.computeIfAbsent(((long) pw << 32) | ph, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> group : bySize.values()) {
            FloatImage first = prepared.get(group.get(0));
            int pw = Tiling.padded(first.width(), multiple);
            int ph = Tiling.padded(first.height(), multiple);
            int batch = batchFor(pw * ph);
            for (int start = 0; start < group.size(); start += batch) {
                List<Integer> part = group.subList(start, Math.min(group.size(), start + batch));
                List<FloatImage> padded = new ArrayList<>();
                for (int i : part) {
                    padded.add(Tiling.pad(prepared.get(i), pw, ph));
                }
                List<FloatImage> recon = reconstruct(padded);
                for (int k = 0; k < part.size(); k++) {
                    FloatImage img = prepared.get(part.get(k));
                    out[part.get(k)] = Tiling.crop(recon.get(k), 0, 0, img.width(), img.height());
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            FloatImage img = images.get(i);
            out[i] = Tiling.crop(out[i], 0, 0, img.width(), img.height());
        }
        return java.util.Arrays.asList(out);
    }

    /** Pixels per network call: 8 images of 256 x 256 (bounds activation memory for wide photos). */
    static final int BATCH_PIXELS = INFERENCE_BATCH * 256 * 256;

    private static int batchFor(int pixels) {
        return Math.max(1, Math.min(INFERENCE_BATCH, BATCH_PIXELS / pixels));
    }

    /** The header's residual measure between an image and its reconstruction ({@link ResidualMeasure}). */
    private ResidualMap residual(FloatImage input, FloatImage reconstruction) {
        return header.residualMeasure().residual(input, reconstruction, header.residualBlurSigma());
    }

    /** One network call on images of one size, each side a multiple of the network's. */
    private synchronized List<FloatImage> reconstruct(List<FloatImage> prepared) {
        int n = prepared.size();
        int c = header.channels();
        int w = prepared.get(0).width();
        int h = prepared.get(0).height();
        int per = c * w * h;
        float[] data = new float[n * per];
        for (int i = 0; i < n; i++) {
            System.arraycopy(prepared.get(i).data(), 0, data, i * per, per);
        }
        return DjlRuntime.withoutGradients(() -> {
            try (NDManager m = djlModel.getNDManager().newSubManager(device)) {
                NDArray x = m.create(data, new Shape(n, c, h, w));
                NDArray y = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
                float[] out = y.toFloatArray();
                List<FloatImage> result = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    float[] one = new float[per];
                    System.arraycopy(out, i * per, one, 0, per);
                    result.add(new FloatImage(c, w, h, one));
                }
                return result;
            }
        });
    }

    @Override
    public void close() {
        if (ownsNetwork) {
            djlModel.close();
        }
    }
}
