package org.ssaeinspector.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.dataset.MaskLoader;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.imageio.DecodedImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.scoring.Inspector;
import org.ssaeinspector.util.UserFacingException;

/**
 * Scores the test part of a data set with one model and computes image AUROC, pixel AUROC and
 * AUPRO. Pixel metrics are taken in the photo's own pixels: the map is resized to the photo and
 * compared with the mask as it is, on a regular grid of at most {@link #MAX_METRIC_PIXELS} pixels
 * per photo (every k-th pixel in each direction), so memory stays bounded for large photos.
 */
public final class DataSetEvaluator {
    private final Inspector inspector;

    public DataSetEvaluator(Inspector inspector) {
        this.inspector = inspector;
    }

    /**
     * @param onImage  called after each image (progress, CSV rows, heatmaps); may be a no-op
     * @param cancelled checked between images
     */
    public EvaluationReport evaluate(DataSet data, Consumer<ImageEvaluation> onImage, BooleanSupplier cancelled) {
        if (data.test().isEmpty()) {
            throw new UserFacingException(data.root() + ": no test images to evaluate (expected test/<good|defect>/...)");
        }
        double threshold = inspector.model().threshold();
        List<ImageEvaluation> results = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>(data.skipped());
        PixelMetrics pixels = new PixelMetrics();
        RegionOverlap overlap = new RegionOverlap();
        double totalMillis = 0;
        for (ImageSample sample : data.test()) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            InspectionResult result;
            double millis;
            try {
                DecodedImage image = inspector.decode(sample.path());
                long t0 = System.nanoTime();
                result = inspector.inspect(sample.path(), image, threshold);
                millis = (System.nanoTime() - t0) / 1e6;
            } catch (ImageLoadException e) {
                skipped.add(new SkippedFile(sample.path(), e.problem()));
                continue;
            }
            totalMillis += millis;
            addPixels(pixels, overlap, sample, result, skipped);
            ImageEvaluation evaluation = new ImageEvaluation(sample, result, millis);
            results.add(evaluation);
            onImage.accept(evaluation);
        }
        return report(data, results, skipped, pixels, threshold, totalMillis, overlap);
    }

    /** Pixels per photo that enter the pixel metrics (about 360 x 360). */
    static final int MAX_METRIC_PIXELS = 1 << 17;

    /** Every k-th photo pixel in each direction enters the pixel metrics. */
    static int metricStride(int width, int height) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(width * (double) height / MAX_METRIC_PIXELS)));
    }

    private static void addPixels(PixelMetrics pixels, RegionOverlap overlap, ImageSample sample, InspectionResult result,
                                  List<SkippedFile> skipped) {
        int k = metricStride(result.imageWidth(), result.imageHeight());
        var map = result.scored().map().resize(Math.max(1, result.imageWidth() / k), Math.max(1, result.imageHeight() / k));
        boolean[] mask = new boolean[map.width() * map.height()];
        if (sample.label() == Label.DEFECTIVE) {
            if (sample.mask().isEmpty()) {
                return; // A defective image without a mask says nothing about pixels.
            }
            try {
                mask = MaskLoader.load(sample.mask().get(), map.width(), map.height());
            } catch (ImageLoadException e) {
                skipped.add(new SkippedFile(sample.mask().get(), "mask left out of pixel metrics: " + e.problem()));
                return;
            }
        } else if (sample.label() != Label.GOOD) {
            return;
        }
        pixels.add(map.values(), mask, map.width(), map.height());
        if (sample.label() == Label.DEFECTIVE) {
            overlap.add(map.values(), mask, map.width(), map.height(), result.threshold());
        }
    }

    private static EvaluationReport report(DataSet data, List<ImageEvaluation> results, List<SkippedFile> skipped,
                                           PixelMetrics pixels, double threshold, double totalMillis,
                                           RegionOverlap overlap) {
        int n = results.size();
        double[] scores = new double[n];
        Label[] labels = new Label[n];
        for (int i = 0; i < n; i++) {
            scores[i] = results.get(i).result().score();
            labels[i] = results.get(i).sample().label();
        }
        OperatingPoints points = OperatingPoints.of(scores, labels);
        boolean bothClasses = points.goodCount() > 0 && points.defectiveCount() > 0;
        double imageAuroc = bothClasses ? points.roc().auc() : Double.NaN;
        F1Optimum f1 = points.defectiveCount() > 0 ? points.f1Optimal() : null;
        boolean pixelReady = pixels.defectPixels() > 0 && pixels.normalPixels() > 0;
        return new EvaluationReport(data.name(), n, points.goodCount(), points.defectiveCount(), imageAuroc,
                pixelReady ? pixels.pixelAuroc() : Double.NaN, pixelReady ? pixels.aupro() : Double.NaN, f1,
                threshold, points.countsAt(threshold), n == 0 ? Double.NaN : totalMillis / n, results, skipped,
                overlap.meanIou());
    }
}
