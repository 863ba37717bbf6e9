package org.ssaeinspector.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.line.LiveModel;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.testing.SlowUpload;
import org.ssaeinspector.testing.TinyModel;
import org.ssaeinspector.util.Json;
import org.ssaeinspector.util.UserFacingException;

/** The HTTP service end to end: a real server on a loopback port, a real client, every endpoint and every error. */
class InspectionServerTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;
    private Path modelFile;
    private LiveModel model;
    private InspectionServer server;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<String> infos = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void copyModel() throws Exception {
        modelFile = dir.resolve("model.ssae");
        Files.copy(TinyModel.washer(), modelFile);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        if (model != null) {
            model.close();
        }
    }

    private URI start(ServeSettings settings) {
        model = LiveModel.load(modelFile, Duration.ofMillis(100));
        server = InspectionServer.start(model, settings, new InspectionServer.Log() {
            @Override
            public void info(String message) {
                infos.add(message);
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        });
        return server.uri();
    }

    private URI start() {
        return start(ServeSettings.defaults().withLimits(1 << 20, 2, 4).withReloadEvery(Duration.ofMillis(100)));
    }

    private static HttpResponse<byte[]> post(URI uri, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""), new String(r.body(), StandardCharsets.UTF_8));
        return Json.mapper().readTree(r.body());
    }

    private static byte[] image(boolean good, int n) throws Exception {
        return Files.readAllBytes(TinyModel.washerImage(good, n));
    }

    /** Asserts a JSON error with this status whose message mentions {@code mention}. */
    private static void assertError(HttpResponse<byte[]> r, int status, String code, String mention) throws Exception {
        JsonNode e = json(r);
        assertEquals(status, r.statusCode(), e.toString());
        assertEquals(code, e.get("error").asText(), e.toString());
        assertTrue(e.get("message").asText().contains(mention), e.toString());
    }

    /**
     * A model that knows where on the part residuals are usual (per-pixel, fixed by --kind object)
     * judges a strip cut from a part against its pooled statistics, and the verdict says so.
     */
    @Test
    void theVerdictSaysWhenAnImageHasAnotherShapeThanTheTrainingPhotos() throws Exception {
        int code = org.ssaeinspector.cli.SsaeCommandLine.run(new String[] {"train", "--data", TinyModel.WASHER.toString(),
                "--out", modelFile.toString(), "--size", "32", "--width", "16", "--epochs", "1", "--batch", "4",
                "--kind", "object"}, new java.io.PrintWriter(new java.io.StringWriter(), true),
                new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertEquals(0, code);
        URI base = start();
        assertFalse(json(post(base.resolve("/v1/inspect"), image(true, 1))).get("anotherShape").asBoolean());
        BufferedImage part = ImageIO.read(new ByteArrayInputStream(image(true, 2)));
        java.io.ByteArrayOutputStream strip = new java.io.ByteArrayOutputStream();
        ImageIO.write(part.getSubimage(0, 0, part.getWidth(), part.getHeight() / 3), "png", strip);
        JsonNode v = json(post(base.resolve("/v1/inspect?file=strip.png"), strip.toByteArray()));
        assertTrue(v.get("anotherShape").asBoolean(), v.toString());
        assertEquals(part.getHeight() / 3, v.get("height").asInt());
    }

    @Test
    void inspectAnswersTheVerdictWithBoxesInImagePixels() throws Exception {
        URI base = start();
        String sha = DataFingerprint.sha256(modelFile);
        HttpResponse<byte[]> r = post(base.resolve("/v1/inspect?file=part-7.png"), image(false, 3));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode v = json(r);
        assertEquals("part-7.png", v.get("file").asText());
        assertEquals(256, v.get("width").asInt());
        assertEquals(256, v.get("height").asInt());
        assertEquals(sha, v.get("modelSha256").asText());
        double threshold = ModelFile.readHeader(modelFile).threshold();
        assertEquals(threshold, v.get("threshold").asDouble(), 1e-9);
        assertEquals(v.get("score").asDouble() > threshold, v.get("flagged").asBoolean());
        assertTrue(v.get("milliseconds").asDouble() > 0);

        JsonNode all = json(post(base.resolve("/v1/inspect?threshold=0"), image(false, 3)));
        assertTrue(all.get("flagged").asBoolean(), "every score is above 0");
        assertFalse(all.get("regions").isEmpty());
        for (JsonNode box : all.get("regions")) {
            int x = box.get("x").asInt();
            int y = box.get("y").asInt();
            assertTrue(x >= 0 && y >= 0 && x + box.get("width").asInt() <= 256 && y + box.get("height").asInt() <= 256, box.toString());
            assertTrue(box.get("areaPx").asInt() > 0);
        }
    }

    @Test
    void theHeatmapIsAPngOfTheImageWithTheVerdictInHeaders() throws Exception {
        URI base = start();
        for (HttpResponse<byte[]> r : List.of(post(base.resolve("/v1/inspect?heatmap=true"), image(true, 0)),
                post(base.resolve("/v1/inspect"), image(true, 0), "Accept", "image/png"))) {
            assertEquals(200, r.statusCode());
            assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.body()));
            assertEquals(256, png.getWidth());
            assertEquals(256, png.getHeight());
            assertTrue(r.headers().firstValue("X-Score").isPresent());
            assertEquals(DataFingerprint.sha256(modelFile), r.headers().firstValue("X-Model-Sha256").orElse(""));
        }
    }

    @Test
    void modelHealthAndMetricsAnswer() throws Exception {
        URI base = start();
        String sha = DataFingerprint.sha256(modelFile);
        JsonNode m = json(get(base.resolve("/v1/model")));
        assertEquals(sha, m.get("sha256").asText());
        assertEquals(ModelFile.readHeader(modelFile).threshold(), m.get("header").get("threshold").asDouble(), 1e-12);
        assertEquals(16, m.get("header").get("width").asInt());
        JsonNode h = json(get(base.resolve("/health")));
        assertEquals("ok", h.get("status").asText());
        assertEquals(sha, h.get("modelSha256").asText());

        post(base.resolve("/v1/inspect"), image(true, 1));
        post(base.resolve("/v1/inspect?threshold=0"), image(true, 1));
        post(base.resolve("/v1/inspect"), "text".getBytes(StandardCharsets.UTF_8));
        get(base.resolve("/nowhere"));
        HttpResponse<byte[]> r = get(base.resolve("/metrics"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        String text = new String(r.body(), StandardCharsets.UTF_8);
        for (String line : List.of("ssae_http_requests_total{endpoint=\"inspect\",status=\"200\"} 2",
                "ssae_http_requests_total{endpoint=\"inspect\",status=\"415\"} 1",
                "ssae_http_requests_total{endpoint=\"other\",status=\"404\"} 1",
                "ssae_verdicts_total{verdict=\"fail\"}", "ssae_verdicts_total{verdict=\"pass\"}",
                "ssae_http_request_duration_seconds_bucket{endpoint=\"inspect\",le=\"0.005\"}",
                "ssae_http_request_duration_seconds_count{endpoint=\"inspect\"} 3",
                "ssae_model_info{sha256=\"" + sha + "\"} 1", "ssae_inspections_in_progress 0",
                "ssae_model_reloads_total{result=\"ok\"} 0")) {
            assertTrue(text.contains(line), line + " in\n" + text);
        }
        long verdicts = text.lines().filter(l -> l.startsWith("ssae_verdicts_total{")).mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertEquals(2, verdicts);
    }

    @Test
    void everyErrorIsJsonNamingTheProblem() throws Exception {
        URI base = start();
        assertError(post(base.resolve("/v1/inspect"), new byte[(1 << 20) + 1]), 413, "body_too_large", "1048576 bytes");
        assertError(post(base.resolve("/v1/inspect?file=notes.txt"), "hello, not an image".getBytes(StandardCharsets.UTF_8)),
                415, "unsupported_media_type", "notes.txt: not an image");
        byte[] png = image(true, 2);
        assertError(post(base.resolve("/v1/inspect?file=cut.png"), java.util.Arrays.copyOf(png, png.length / 2)), 400,
                "bad_image", "cut.png: truncated");
        assertError(post(base.resolve("/v1/inspect"), new byte[0]), 400, "empty_body", "empty");
        assertError(post(base.resolve("/v1/inspect?threshold=abc"), png), 400, "bad_threshold", "threshold=abc");
        assertError(get(base.resolve("/v1/inspect")), 405, "method_not_allowed", "use POST");
        assertError(post(base.resolve("/v1/model"), png), 405, "method_not_allowed", "use GET");
        assertError(get(base.resolve("/v2/inspect")), 404, "not_found", "/v2/inspect");
        // The service still answers after all that.
        assertEquals(200, post(base.resolve("/v1/inspect"), png).statusCode());
    }

    @Test
    void aBodyLargerThanTheLimitWithoutALengthIsRefusedToo() throws Exception {
        URI base = start();
        HttpRequest chunked = HttpRequest.newBuilder(base.resolve("/v1/inspect")).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[(1 << 20) + 10]))).build();
        HttpResponse<byte[]> r = CLIENT.send(chunked, HttpResponse.BodyHandlers.ofByteArray());
        assertError(r, 413, "body_too_large", "1048576 bytes");
    }

    @Test
    void aTokenIsRequiredWhenSetAndANetworkBindingWithoutOneIsRefused() throws Exception {
        URI base = start(ServeSettings.defaults().withAddress(ServeSettings.LOOPBACK, 0, "s3cret"));
        HttpResponse<byte[]> none = get(base.resolve("/v1/model"));
        assertError(none, 401, "unauthorized", "Authorization: Bearer");
        assertEquals("Bearer realm=\"ssae-inspector\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertError(get(base.resolve("/metrics"), "Authorization", "Bearer wrong"), 401, "unauthorized", "not the one");
        assertError(post(base.resolve("/v1/inspect"), image(true, 0), "Authorization", "Bearer s3cre"), 401, "unauthorized", "not the one");
        assertEquals(200, get(base.resolve("/v1/model"), "Authorization", "Bearer s3cret").statusCode());
        assertEquals(200, post(base.resolve("/v1/inspect"), image(true, 0), "Authorization", "Bearer s3cret").statusCode());
        assertEquals(200, get(base.resolve("/health")).statusCode(), "health checks need no token");

        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> InspectionServer.requireSafeBinding(ServeSettings.defaults().withAddress("0.0.0.0", 0, null)));
        assertTrue(refused.getMessage().contains("--token"), refused.getMessage());
        InspectionServer.requireSafeBinding(ServeSettings.defaults().withAddress("0.0.0.0", 0, "t"));
        InspectionServer.requireSafeBinding(ServeSettings.defaults().withAddress("localhost", 0, null));
        InspectionServer.requireSafeBinding(ServeSettings.defaults().withAddress("::1", 0, null));
    }

    @Test
    void whenEveryPlaceIsTakenTheNextRequestGets503AndTheOthersFinish() throws Exception {
        URI base = start(ServeSettings.defaults().withLimits(1 << 20, 1, 1));
        byte[] png = image(true, 4);
        SlowUpload first = SlowUpload.start(base, "/v1/inspect", png);
        SlowUpload second = SlowUpload.start(base, "/v1/inspect", png);
        Thread.sleep(300); // both uploads admitted (the server is reading their bodies)
        HttpResponse<byte[]> busy = post(base.resolve("/v1/inspect"), png);
        assertError(busy, 503, "busy", "1 scoring thread(s)");
        assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""));
        assertTrue(first.finish().startsWith("HTTP/1.1 200"));
        assertTrue(second.finish().startsWith("HTTP/1.1 200"));
        assertEquals(200, post(base.resolve("/v1/inspect"), png).statusCode(), "places are free again");
        String metrics = new String(get(base.resolve("/metrics")).body(), StandardCharsets.UTF_8);
        assertTrue(metrics.contains("ssae_http_requests_total{endpoint=\"inspect\",status=\"503\"} 1"), metrics);
    }

    @Test
    void aStopFinishesTheRequestInFlightAndTakesNoNewOnes() throws Exception {
        URI base = start();
        byte[] png = image(false, 5);
        SlowUpload inFlight = SlowUpload.start(base, "/v1/inspect", png);
        Thread.sleep(300);
        Thread stopper = new Thread(server::stop);
        stopper.start();
        Thread.sleep(300);
        String response = inFlight.finish();
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("\"modelSha256\""), response);
        stopper.join(30_000);
        assertFalse(stopper.isAlive());
        assertThrows(java.io.IOException.class, () -> get(base.resolve("/health")));
    }

    @Test
    void aNewModelFileIsServedWithoutDroppingRequestsAndABrokenOneIsRefused() throws Exception {
        URI base = start();
        String oldSha = DataFingerprint.sha256(modelFile);
        byte[] png = image(true, 6);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> loops = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            loops.add(clients.submit(() -> {
                List<String> shas = new ArrayList<>();
                while (running.get()) {
                    HttpResponse<byte[]> r = post(base.resolve("/v1/inspect"), png);
                    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
                    shas.add(Json.mapper().readTree(r.body()).get("modelSha256").asText());
                }
                return shas;
            }));
        }
        Thread.sleep(300);
        // A new version of the model, written beside the file and renamed over it (ModelFile.save does so).
        try (SsaeModel m = ModelFile.load(modelFile)) {
            m.setThreshold(m.threshold() * 2);
            ModelFile.save(m, modelFile);
        }
        String newSha = DataFingerprint.sha256(modelFile);
        assertNotEquals(oldSha, newSha);
        IntegrationWait.until(() -> json(get(base.resolve("/health"))).get("modelSha256").asText().equals(newSha));
        Thread.sleep(300);
        running.set(false);
        List<String> seen = new ArrayList<>();
        for (Future<List<String>> f : loops) {
            seen.addAll(f.get());
        }
        clients.shutdown();
        assertTrue(seen.contains(oldSha) && seen.contains(newSha), "requests were answered by both: " + seen.size());
        assertEquals(newSha, seen.get(seen.size() - 1));
        JsonNode m = json(get(base.resolve("/v1/model")));
        assertEquals(newSha, m.get("sha256").asText());
        assertEquals(ModelFile.readHeader(modelFile).threshold(), m.get("header").get("threshold").asDouble(), 1e-12);
        assertTrue(infos.stream().anyMatch(i -> i.contains("now serving SHA-256 " + newSha.substring(0, 12))), infos.toString());

        // A broken file renamed over it: reported, the loaded model kept.
        Path broken = dir.resolve("broken.ssae");
        Files.write(broken, java.util.Arrays.copyOf(Files.readAllBytes(modelFile), 5000));
        Files.move(broken, modelFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        IntegrationWait.until(() -> !warnings.isEmpty());
        assertTrue(warnings.get(0).contains(modelFile.toString()) && warnings.get(0).contains("keeping the model loaded"),
                warnings.toString());
        assertEquals(newSha, json(post(base.resolve("/v1/inspect"), png)).get("modelSha256").asText());
        String metrics = new String(get(base.resolve("/metrics")).body(), StandardCharsets.UTF_8);
        assertTrue(metrics.contains("ssae_model_reloads_total{result=\"ok\"} 1"), metrics);
        assertTrue(metrics.contains("ssae_model_reloads_total{result=\"failed\"} 1"), metrics);
        assertEquals(1, warnings.size(), "reported once, not at every look: " + warnings);
    }

    /** Polls a condition for up to 30 s. */
    static final class IntegrationWait {
        interface Check {
            boolean ok() throws Exception;
        }

        static void until(Check check) throws Exception {
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!check.ok()) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("timed out");
                }
                Thread.sleep(50);
            }
        }
    }
}
