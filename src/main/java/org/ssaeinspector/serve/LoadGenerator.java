package org.ssaeinspector.serve;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ssaeinspector.util.UserFacingException;

/**
 * A bounded load test of the inspection service: {@code clients} HTTP clients each post images,
 * one after the other, for a fixed time, then stop by themselves. Only loopback addresses are
 * accepted as targets (a load test is no thing to point at another machine).
 */
public final class LoadGenerator {
    /**
     * What the clients saw.
     *
     * @param requests  answered requests, errors included
     * @param errors    answers other than 200 (by status; 0 for a failed connection)
     * @param latencies milliseconds of the successful requests, sorted
     * @param elapsed   the measured time
     */
    public record Result(int requests, Map<Integer, Integer> errors, double[] latencies, Duration elapsed) {
        public int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        public double perSecond() {
            return requests * 1000.0 / Math.max(1, elapsed.toMillis());
        }

        /** The latency below which {@code p} (0-1) of the successful requests fall, ms (nearest rank). */
        public double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p * latencies.length);
            return latencies[Math.min(latencies.length - 1, Math.max(0, rank - 1))];
        }
    }

    private LoadGenerator() {
    }

    /** Refuses a target that is not on this machine. */
    public static void requireLoopback(URI target) {
        try {
            if (!InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
                throw new UserFacingException(target + ": load tests run against this machine only (127.0.0.1, localhost)");
            }
        } catch (UnknownHostException e) {
            throw new UserFacingException(target + ": unknown host", e);
        }
    }

    /**
     * Posts {@code bodies} (round robin) to {@code inspect} from {@code clients} clients for
     * {@code duration}, after a warm-up that is not counted.
     */
    public static Result run(URI inspect, List<byte[]> bodies, int clients, Duration warmUp, Duration duration, String token)
            throws InterruptedException {
        requireLoopback(inspect);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
        if (!warmUp.isZero()) {
            drive(http, inspect, bodies, clients, warmUp, token);
        }
        long start = System.nanoTime();
        List<ClientResult> results = drive(http, inspect, bodies, clients, duration, token);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int requests = 0;
        Map<Integer, Integer> errors = new TreeMap<>();
        int ok = 0;
        for (ClientResult r : results) {
            requests += r.requests;
            ok += r.latencies.size();
            r.errors.forEach((status, n) -> errors.merge(status, n, Integer::sum));
        }
        double[] latencies = new double[ok];
        int i = 0;
        for (ClientResult r : results) {
            for (double ms : r.latencies) {
                latencies[i++] = ms;
            }
        }
        Arrays.sort(latencies);
        return new Result(requests, errors, latencies, elapsed);
    }

    private static final class ClientResult {
        int requests;
        final List<Double> latencies = new ArrayList<>();
        final Map<Integer, Integer> errors = new TreeMap<>();
    }

    private static List<ClientResult> drive(HttpClient http, URI inspect, List<byte[]> bodies, int clients, Duration duration,
                                            String token) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<ClientResult>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                futures.add(pool.submit(() -> {
                    ClientResult r = new ClientResult();
                    for (int k = first; System.nanoTime() < end; k += clients) {
                        HttpRequest.Builder b = HttpRequest.newBuilder(inspect).timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(k % bodies.size())));
                        if (token != null) {
                            b.header("Authorization", "Bearer " + token);
                        }
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (java.io.IOException e) {
                            status = 0;
                        }
                        r.requests++;
                        if (status == 200) {
                            r.latencies.add((System.nanoTime() - t0) / 1e6);
                        } else {
                            r.errors.merge(status, 1, Integer::sum);
                        }
                    }
                    return r;
                }));
            }
            List<ClientResult> out = new ArrayList<>();
            for (Future<ClientResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
