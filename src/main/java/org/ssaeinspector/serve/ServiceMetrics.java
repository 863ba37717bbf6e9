package org.ssaeinspector.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The service's metrics, in the Prometheus text format: requests by endpoint and status, a latency
 * histogram by endpoint, verdicts, model reloads, the work in progress and waiting, and which
 * model file is loaded. One registry per service (tests start several).
 */
final class ServiceMetrics {
    /** Latency buckets, seconds: a scored image takes tens of milliseconds to seconds. */
    private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram latency;
    private final Counter verdicts;
    private final Counter reloads;

    ServiceMetrics(IntSupplier scoring, IntSupplier waiting, Supplier<String> modelSha256) {
        requests = Counter.builder().name("ssae_http_requests_total")
                .help("HTTP requests by endpoint and status code").labelNames("endpoint", "status").register(registry);
        latency = Histogram.builder().name("ssae_http_request_duration_seconds")
                .help("Time from the request reaching the service to its answer being sent, by endpoint").labelNames("endpoint")
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
        verdicts = Counter.builder().name("ssae_verdicts_total")
                .help("Inspected images by verdict (pass: at or below the threshold, fail: flagged)")
                .labelNames("verdict").register(registry);
        reloads = Counter.builder().name("ssae_model_reloads_total")
                .help("New model files seen on disk, by result (ok: now serving; failed: kept the old model)")
                .labelNames("result").register(registry);
        GaugeWithCallback.builder().name("ssae_inspections_in_progress").help("Images being scored now")
                .callback(cb -> cb.call(scoring.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("ssae_inspections_waiting").help("Inspection requests admitted and waiting for a scoring thread")
                .callback(cb -> cb.call(waiting.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("ssae_model_info").help("The model being served (value 1), by its file's SHA-256")
                .labelNames("sha256").callback(cb -> cb.call(1, modelSha256.get())).register(registry);
        for (String v : new String[] {"pass", "fail"}) {
            verdicts.labelValues(v); // present from the start, at 0
        }
        for (String r : new String[] {"ok", "failed"}) {
            reloads.labelValues(r);
        }
    }

    void request(String endpoint, int status, long startNanos) {
        requests.labelValues(endpoint, Integer.toString(status)).inc();
        latency.labelValues(endpoint).observe((System.nanoTime() - startNanos) / 1e9);
    }

    void verdict(boolean flagged) {
        verdicts.labelValues(flagged ? "fail" : "pass").inc();
    }

    void reload(boolean ok) {
        reloads.labelValues(ok ? "ok" : "failed").inc();
    }

    String contentType() {
        return writer.getContentType();
    }

    byte[] scrape() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(out, registry.scrape());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
