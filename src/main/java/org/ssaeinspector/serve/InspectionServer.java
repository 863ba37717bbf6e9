package org.ssaeinspector.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.ssaeinspector.line.LiveModel;
import org.ssaeinspector.util.UserFacingException;

/**
 * The HTTP inspection service on an embedded Jetty 12 server (no servlet layer): the endpoints of
 * {@link InspectionService}, behind a bearer token when one is set, a body size limit, and a
 * bounded number of requests at once ({@code threads} scoring, {@code queue} waiting; 503 beyond).
 * An admitted request holds its place while its body arrives, so memory for bodies is bounded by
 * {@code (threads + queue) * maxBodyBytes}. Every answer, errors included, is JSON (the heatmap
 * variant of {@code /v1/inspect} answers a PNG, {@code /metrics} the Prometheus text format).
 * {@link #stop()} refuses new requests (503) and finishes those in flight.
 */
public final class InspectionServer implements AutoCloseable {
    /** Where the service reports what happens beside the requests (model reloads, failures). */
    public interface Log {
        void info(String message);

        void warning(String message);
    }

    static final String INSPECT = "/v1/inspect";
    static final String MODEL = "/v1/model";
    static final String HEALTH = "/health";
    static final String METRICS = "/metrics";
    private static final String JSON_TYPE = "application/json";

    private final ServeSettings settings;
    private final InspectionService service;
    private final ServiceMetrics metrics;
    private final Log log;
    private final Semaphore admission;
    /**
     * The scoring threads: a fixed few, so the engine's per-thread native state (oneDNN scratch
     * memory, grad mode) exists {@code threads} times, not once per HTTP thread.
     */
    private final ThreadPoolExecutor workers;
    private final byte[] token;
    private final Server server;
    private final ServerConnector connector;

    private InspectionServer(LiveModel model, ServeSettings settings, Log log) {
        this.settings = settings;
        this.service = new InspectionService(model);
        this.log = log;
        this.admission = new Semaphore(settings.threads() + settings.queue());
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "inspect-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.token = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
        this.metrics = new ServiceMetrics(workers::getActiveCount, () -> workers.getQueue().size(),
                () -> model.current().sha256());
        QueuedThreadPool pool = new QueuedThreadPool(Math.max(32, settings.threads() + settings.queue() + 16), 4);
        pool.setName("serve");
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(new Routes()));
        server.setErrorHandler(new JsonErrors());
        server.setStopTimeout(settings.stopTimeout().toMillis());
        server.setStopAtShutdown(false);
    }

    /**
     * Starts serving {@code model} and, when {@code settings.reloadEvery()} is not zero, watching its
     * file for a new version.
     *
     * @throws UserFacingException when the address is not a loopback one and no token is set, or
     *                             the address cannot be listened on
     */
    public static InspectionServer start(LiveModel model, ServeSettings settings, Log log) {
        requireSafeBinding(settings);
        InspectionServer s = new InspectionServer(model, settings, log);
        try {
            s.server.start();
        } catch (Exception e) {
            try {
                s.server.stop();
            } catch (Exception ignored) {
                // Nothing was started.
            }
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new UserFacingException("cannot listen on " + settings.bind() + ":" + settings.port() + " ("
                    + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()) + ")", e);
        }
        if (!settings.reloadEvery().isZero()) {
            model.watch(settings.reloadEvery(), new LiveModel.Events() {
                @Override
                public void reloaded(LiveModel.Version previous, LiveModel.Version current) {
                    s.metrics.reload(true);
                    log.info("reloaded " + model.file() + ": now serving SHA-256 " + current.sha256().substring(0, 12)
                            + " (was " + previous.sha256().substring(0, 12) + ")");
                }

                @Override
                public void reloadFailed(java.nio.file.Path file, String problem) {
                    s.metrics.reload(false);
                    log.warning("new model file not loaded: " + problem);
                }
            });
        }
        return s;
    }

    /** A service others can reach needs a token: refuse to start without one. */
    public static void requireSafeBinding(ServeSettings settings) {
        InetAddress address;
        try {
            address = InetAddress.getByName(settings.bind());
        } catch (UnknownHostException e) {
            throw new UserFacingException("--bind " + settings.bind() + ": unknown address", e);
        }
        if (!address.isLoopbackAddress() && settings.token() == null) {
            throw new UserFacingException("--bind " + settings.bind() + " lets other machines reach the service: give a --token "
                    + "(clients then send 'Authorization: Bearer TOKEN'), or bind " + ServeSettings.LOOPBACK);
        }
    }

    /** The port listened on (the one chosen when the settings said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return URI.create("http://" + host + ":" + port());
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Refuses new requests, finishes those in flight (up to the stop timeout), then stops. */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warning("stopping the server: " + e.getMessage());
        }
        workers.shutdown();
    }

    @Override
    public void close() {
        stop();
    }

    // ---- requests ----

    private static String endpointOf(String path) {
        return switch (path) {
            case INSPECT -> "inspect";
            case MODEL -> "model";
            case HEALTH -> "health";
            case METRICS -> "metrics";
            default -> "other";
        };
    }

    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long start = System.nanoTime();
            String path = request.getHttpURI().getPath();
            String endpoint = endpointOf(path);
            int status;
            try {
                if (token != null && !endpoint.equals("health")) {
                    authorize(request, response);
                }
                status = switch (endpoint) {
                    case "inspect" -> inspect(request, response, callback);
                    case "model" -> sendJson(response, callback, 200, requireGet(request, response, service.modelInfo()));
                    case "health" -> sendJson(response, callback, 200, requireGet(request, response, service.health()));
                    case "metrics" -> {
                        requireGet(request, response, null);
                        yield send(response, callback, 200, metrics.contentType(), metrics.scrape());
                    }
                    default -> throw new ApiError(404, "not_found", "no endpoint " + path + " (there are POST " + INSPECT
                            + ", GET " + MODEL + ", GET " + HEALTH + ", GET " + METRICS + ")");
                };
            } catch (ApiError e) {
                closeIfBodyUnread(request, response);
                status = sendError(response, callback, e);
            } catch (RuntimeException e) {
                log.warning(path + ": " + e);
                closeIfBodyUnread(request, response);
                status = sendError(response, callback, new ApiError(500, "internal_error", String.valueOf(e.getMessage())));
            }
            metrics.request(endpoint, status, start);
            return true;
        }
    }

    /**
     * A request refused before its body was read (a wrong token, too large, busy, a wrong method)
     * leaves bytes on the connection that Jetty will not parse as the next request. A small body
     * of known length is read and dropped, so the connection stays usable; a larger one (or one of
     * unknown length) closes the connection after the answer, and the answer says so, so a client
     * does not send its next request on it. Closing with unread bytes can make the kernel reset the
     * connection before the client has read the answer (seen under load: the JDK client's "header
     * parser received no bytes" on a 401 and on a 405 with a small body).
     */
    private static void closeIfBodyUnread(Request request, Response response) {
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length > 0 && length <= DRAIN_LIMIT && !chunked) {
            try {
                Content.Source.consumeAll(request);
                return;
            } catch (java.io.IOException | RuntimeException e) {
                // fall through: close after the answer
            }
        }
        if (length != 0 || chunked) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    /** Bodies up to this size are read and dropped when refused (cheap next to a new connection). */
    private static final long DRAIN_LIMIT = 1 << 20;

    private void authorize(Request request, Response response) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String prefix = "Bearer ";
        boolean ok = header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
                && MessageDigest.isEqual(token, header.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"ssae-inspector\"");
            throw new ApiError(401, "unauthorized", header == null
                    ? "this service needs a token: send 'Authorization: Bearer TOKEN'"
                    : "the bearer token is not the one this service was started with");
        }
    }

    private static <T> T requireGet(Request request, Response response, T value) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            throw new ApiError(405, "method_not_allowed", request.getMethod() + " " + request.getHttpURI().getPath()
                    + ": use GET");
        }
        return value;
    }

    private int inspect(Request request, Response response, Callback callback) {
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            throw new ApiError(405, "method_not_allowed", request.getMethod() + " " + INSPECT
                    + ": use POST with the image file's bytes as the body");
        }
        Fields query = Request.extractQueryParameters(request);
        String name = query.getValue("file");
        Double threshold = threshold(query.getValue("threshold"));
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        boolean heatmap = isTrue(query.getValue("heatmap"))
                || (accept != null && accept.toLowerCase(Locale.ROOT).contains("image/png"));
        long declared = request.getLength();
        if (declared > settings.maxBodyBytes()) {
            throw tooLarge(declared + " bytes");
        }
        if (!admission.tryAcquire()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            throw new ApiError(503, "busy", "all " + settings.threads() + " scoring thread(s) are busy and "
                    + settings.queue() + " request(s) are waiting; try again shortly");
        }
        try {
            byte[] body = readBody(request);
            InspectionService.Inspection inspection = onWorker(() -> service.inspect(body, name, threshold, heatmap));
            InspectionService.Verdict v = inspection.verdict();
            metrics.verdict(v.flagged());
            if (inspection.heatmapPng() == null) {
                return sendJson(response, callback, 200, v);
            }
            response.getHeaders().put("X-Score", Float.toString(v.score()));
            response.getHeaders().put("X-Threshold", Double.toString(v.threshold()));
            response.getHeaders().put("X-Flagged", Boolean.toString(v.flagged()));
            response.getHeaders().put("X-Model-Sha256", v.modelSha256());
            return send(response, callback, 200, "image/png", inspection.heatmapPng());
        } finally {
            admission.release();
        }
    }

    /** Runs the scoring on one of the scoring threads and waits for it (admission keeps their queue short). */
    private <T> T onWorker(java.util.concurrent.Callable<T> work) {
        Future<T> f = workers.submit(work);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // a request in flight finishes, even when its thread is asked to stop
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private byte[] readBody(Request request) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, settings.maxBodyBytes() + 1));
            if (body.length > settings.maxBodyBytes()) {
                throw tooLarge("more than that");
            }
            return body;
        } catch (IOException e) {
            throw new ApiError(400, "bad_body", "the request body could not be read (" + e.getMessage() + ")");
        }
    }

    private ApiError tooLarge(String sent) {
        return new ApiError(413, "body_too_large", "the body is larger than this service takes (" + settings.maxBodyBytes()
                + " bytes, --max-body-mb); it sent " + sent);
    }

    private static Double threshold(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            double t = Double.parseDouble(value);
            if (Double.isFinite(t)) {
                return t;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, "bad_threshold", "threshold=" + value + ": not a finite number");
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("yes"));
    }

    private static int sendJson(Response response, Callback callback, int status, Object value) {
        return send(response, callback, status, JSON_TYPE, InspectionService.json(value));
    }

    private static int sendError(Response response, Callback callback, ApiError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.code());
        body.put("message", e.getMessage());
        return sendJson(response, callback, e.status(), body);
    }

    private static int send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return status;
    }

    /** Errors Jetty answers itself (a malformed request, headers too large, stopping): JSON too. */
    private static final class JsonErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
            Object message = request.getAttribute(ERROR_MESSAGE);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "http_" + status);
            body.put("message", message == null ? org.eclipse.jetty.http.HttpStatus.getMessage(status) : message.toString());
            send(response, callback, status, JSON_TYPE, InspectionService.json(body));
            return true;
        }
    }
}
