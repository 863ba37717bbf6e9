package org.ssaeinspector.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ssaeinspector.export.HeatmapRenderer;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageFiles;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.line.LiveModel;
import org.ssaeinspector.scoring.DefectRegion;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.util.Json;

/**
 * What the HTTP endpoints do, without HTTP: decode an image body as {@code score} decodes a file,
 * judge it with the model version current when the request started, and describe the verdict, the
 * model and the service's health as JSON. Thread-safe.
 */
public final class InspectionService {
    /** Compact JSON for responses. */
    static final ObjectWriter JSON = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    /**
     * An image's verdict.
     *
     * @param file         the name the client gave (or empty)
     * @param width        the image's width, pixels
     * @param height       its height
     * @param score        its anomaly score
     * @param threshold    the threshold it was judged against
     * @param flagged      score above threshold
     * @param regions      defect regions above the threshold, boxes in image pixels
     * @param anotherShape the image has another shape than the model's training photos, so a
     *                     per-pixel or coarse calibration could only judge it against its
     *                     statistics pooled over the photo: inspected less closely
     * @param modelSha256  SHA-256 of the model file that judged it
     * @param milliseconds time to decode and judge it
     */
    public record Verdict(String file, int width, int height, float score, double threshold, boolean flagged,
                          List<DefectRegion> regions, boolean anotherShape, String modelSha256, double milliseconds) {
    }

    /** A verdict, and the heatmap PNG over the photo when it was asked for (else null). */
    public record Inspection(Verdict verdict, byte[] heatmapPng) {
    }

    private final LiveModel model;
    private final Instant started = Instant.now();

    public InspectionService(LiveModel model) {
        this.model = model;
    }

    public LiveModel model() {
        return model;
    }

    /**
     * Judges one image.
     *
     * @param body      the image file's bytes
     * @param name      the file name the client gave, for the answer and messages (may be empty)
     * @param threshold the threshold to judge against, or null for the model's
     * @param heatmap   also render the heatmap over the photo as a PNG
     * @throws ApiError 400 for an empty or damaged image, 415 for a body that is no image this
     *                  service reads
     */
    public Inspection inspect(byte[] body, String name, Double threshold, boolean heatmap) {
        long start = System.nanoTime();
        Path label = label(name);
        if (body.length == 0) {
            throw new ApiError(400, "empty_body", label + ": the request body is empty; send the image file's bytes");
        }
        FloatImage image;
        try {
            image = ImageLoader.decode(label, body);
        } catch (ImageLoadException e) {
            if (!ImageLoader.isSupportedFormat(body)) {
                throw new ApiError(415, "unsupported_media_type", label + ": " + e.problem() + "; send an image file ("
                        + ImageFiles.SUPPORTED + ")");
            }
            throw new ApiError(400, "bad_image", label + ": " + e.problem());
        }
        try (LiveModel.Lease lease = model.acquire()) {
            double t = threshold != null ? threshold : lease.model().threshold();
            InspectionResult r = lease.inspector().inspect(label, image, t);
            byte[] png = heatmap ? png(HeatmapRenderer.overlay(image.toBufferedImage(), r.fullSizeMap(), t,
                    HeatmapRenderer.OVERLAY_OPACITY)) : null;
            double ms = (System.nanoTime() - start) / 1e6;
            return new Inspection(new Verdict(name == null ? "" : name, r.imageWidth(), r.imageHeight(), r.score(), t,
                    r.flagged(), r.regions(), r.scored().pooledStatistics(), lease.sha256(), Math.round(ms * 10) / 10.0), png);
        } catch (OutOfMemoryError e) {
            throw new ApiError(503, "out_of_memory", label + ": out of memory while scoring this image");
        }
    }

    /** The name as a path for messages; a name that is no valid path is shown as "image". */
    private static Path label(String name) {
        if (name == null || name.isBlank()) {
            return Path.of("image");
        }
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            return Path.of("image");
        }
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET /v1/model}: the model file, its SHA-256, when it was loaded, and its header. */
    public Map<String, Object> modelInfo() {
        LiveModel.Version v = model.current();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", model.file().toString());
        out.put("sha256", v.sha256());
        out.put("loadedAt", v.loadedAt().toString());
        out.put("header", Json.mapper().valueToTree(v.header()));
        return out;
    }

    /** {@code GET /health}. */
    public Map<String, Object> health() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("modelSha256", model.current().sha256());
        out.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
        return out;
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
