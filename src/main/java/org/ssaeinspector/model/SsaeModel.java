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
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.scoring.GaussianSmoothing;
import org.ssaeinspector.scoring.ResidualCalibration;
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

    /** The device the network runs on, in words. */
    public String deviceName() {
        return DjlRuntime.describe(device);
    }

    /** Scores one image of any size and channel count (converted to the model's). */
    public ScoredImage score(FloatImage image) {
        return scoreAll(List.of(image)).get(0);
    }

    /** Scores several images in batches (faster than one by one). */
    public List<ScoredImage> scoreAll(List<FloatImage> images) {
        List<ScoredImage> out = new ArrayList<>(images.size());
        for (int start = 0; start < images.size(); start += INFERENCE_BATCH) {
            List<FloatImage> inputs = new ArrayList<>();
            for (FloatImage img : images.subList(start, Math.min(images.size(), start + INFERENCE_BATCH))) {
                inputs.add(prepare(img));
            }
            List<FloatImage> recon = reconstruct(inputs);
            for (int i = 0; i < inputs.size(); i++) {
                float[] residual = residual(inputs.get(i), recon.get(i));
                AnomalyMap map = calibration.anomalyMap(residual, header.smoothingSigma());
                out.add(new ScoredImage(map.max(), map, inputs.get(i), recon.get(i)));
            }
        }
        return out;
    }

    /** Raw residual maps (before calibration) of images already at the model's size. */
    List<float[]> residuals(List<FloatImage> preparedImages) {
        List<float[]> out = new ArrayList<>(preparedImages.size());
        for (int start = 0; start < preparedImages.size(); start += INFERENCE_BATCH) {
            List<FloatImage> batch = preparedImages.subList(start, Math.min(preparedImages.size(), start + INFERENCE_BATCH));
            List<FloatImage> recon = reconstruct(batch);
            for (int i = 0; i < batch.size(); i++) {
                out.add(residual(batch.get(i), recon.get(i)));
            }
        }
        return out;
    }

    /** The image as the network takes it: the model's channel count and square size. */
    public FloatImage prepare(FloatImage image) {
        return image.withChannels(header.channels()).resize(header.imageSize(), header.imageSize());
    }

    /**
     * Mean over channels of the squared difference of the two images, each first blurred by the
     * header's residual sigma: detail the network cannot reproduce exactly (fine texture, noise)
     * then does not masquerade as evidence.
     */
    private float[] residual(FloatImage input, FloatImage reconstruction) {
        double blur = header.residualBlurSigma();
        return squaredDifference(blurred(input, blur), blurred(reconstruction, blur));
    }

    private static FloatImage blurred(FloatImage image, double sigma) {
        if (sigma <= 0) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        int n = w * h;
        float[] out = new float[image.data().length];
        for (int c = 0; c < image.channels(); c++) {
            float[] plane = java.util.Arrays.copyOfRange(image.data(), c * n, (c + 1) * n);
            System.arraycopy(GaussianSmoothing.blur(plane, w, h, sigma), 0, out, c * n, n);
        }
        return new FloatImage(image.channels(), w, h, out);
    }

    /** Mean over channels of the squared difference. */
    static float[] squaredDifference(FloatImage input, FloatImage reconstruction) {
        int n = input.width() * input.height();
        int c = input.channels();
        float[] a = input.data();
        float[] b = reconstruction.data();
        float[] r = new float[n];
        for (int ch = 0; ch < c; ch++) {
            int base = ch * n;
            for (int i = 0; i < n; i++) {
                float d = a[base + i] - b[base + i];
                r[i] += d * d;
            }
        }
        for (int i = 0; i < n; i++) {
            r[i] /= c;
        }
        return r;
    }

    private synchronized List<FloatImage> reconstruct(List<FloatImage> prepared) {
        int n = prepared.size();
        int c = header.channels();
        int s = header.imageSize();
        int per = c * s * s;
        float[] data = new float[n * per];
        for (int i = 0; i < n; i++) {
            System.arraycopy(prepared.get(i).data(), 0, data, i * per, per);
        }
        return DjlRuntime.withoutGradients(() -> {
            try (NDManager m = djlModel.getNDManager().newSubManager(device)) {
                NDArray x = m.create(data, new Shape(n, c, s, s));
                NDArray y = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
                float[] out = y.toFloatArray();
                List<FloatImage> result = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    float[] one = new float[per];
                    System.arraycopy(out, i * per, one, 0, per);
                    result.add(new FloatImage(c, s, s, one));
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
