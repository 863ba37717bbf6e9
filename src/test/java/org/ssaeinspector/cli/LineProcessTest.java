package org.ssaeinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.Main;
import org.ssaeinspector.testing.SlowUpload;
import org.ssaeinspector.testing.TinyModel;

/**
 * {@code watch} and {@code serve} as separate processes, stopped the hard way (SIGKILL) and the
 * polite way (SIGTERM), as on a production line.
 */
class LineProcessTest {
    @TempDir
    Path dir;

    /** A child JVM running the command line, its output collected in files. */
    private record Child(Process process, Path outFile, Path errFile) {
        String out() throws IOException {
            return Files.readString(outFile);
        }

        String err() throws IOException {
            return Files.readString(errFile);
        }
    }

    private Child launch(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.graph_optimizer=false", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Child(p, out, err);
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static List<CSVRecord> rows(Path csv) {
        if (!Files.exists(csv)) {
            return List.of();
        }
        try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(); // read while a row is being written
        }
    }

    private static Set<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Writes an image in four pieces under a temporary name, then renames it. */
    private static void arrive(Path source, Path target) throws Exception {
        byte[] bytes = Files.readAllBytes(source);
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            int step = bytes.length / 4 + 1;
            for (int off = 0; off < bytes.length; off += step) {
                out.write(bytes, off, Math.min(step, bytes.length - off));
                out.flush();
                Thread.sleep(15);
            }
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void watchScoresEveryImageExactlyOnceAcrossAKillAndARestartAndStopsCleanlyOnSigterm() throws Exception {
        Path model = TinyModel.washer();
        Path in = Files.createDirectories(dir.resolve("in"));
        Path csv = dir.resolve("rows.csv");
        Path pass = dir.resolve("pass");
        Path fail = dir.resolve("fail");
        String[] args = {"watch", "--model", model.toString(), "--in", in.toString(), "--csv", csv.toString(), "--pass-dir",
            pass.toString(), "--fail-dir", fail.toString(), "--settle-ms", "300", "--poll-ms", "50", "--rescan-ms", "500",
            "--report-s", "1"};
        Files.copy(TinyModel.washerImage(true, 0), in.resolve("img-00.png"));
        Child first = launch("watch-1", args);
        int n = 0;
        for (; n < 6; n++) {
            arrive(TinyModel.washerImage(n % 3 != 0, n), in.resolve(String.format("img-%02d.png", n + 1)));
        }
        waitFor(() -> rows(csv).size() >= 3, "the first rows");
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, whatever was in progress is lost
        assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
        for (; n < 10; n++) {
            arrive(TinyModel.washerImage(n % 3 != 0, n), in.resolve(String.format("img-%02d.png", n + 1)));
        }
        Child second = launch("watch-2", args);
        for (; n < 14; n++) {
            arrive(TinyModel.washerImage(n % 3 != 0, n), in.resolve(String.format("img-%02d.png", n + 1)));
        }
        waitFor(() -> {
            try {
                return rows(csv).size() >= 15 && names(in).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, "15 rows and an empty folder");
        second.process().destroy(); // SIGTERM
        assertTrue(second.process().waitFor(60, TimeUnit.SECONDS));
        assertTrue(second.out().contains("Stopped:"), second.out());
        // Nothing but PyTorch's own start-up notes ("[W... NNPACK ...]" on processors it does not know).
        assertEquals("", second.err().lines().filter(l -> !l.isBlank() && !l.startsWith("[W"))
                .collect(Collectors.joining("\n")));

        Map<String, Long> perName = rows(csv).stream().collect(Collectors.groupingBy(
                r -> Path.of(r.get("path")).getFileName().toString(), Collectors.counting()));
        assertEquals(15, perName.size(), perName.toString());
        perName.forEach((name, count) -> assertEquals(1L, count, name + " has one row"));
        Set<String> moved = new TreeSet<>(names(pass));
        moved.addAll(names(fail));
        assertEquals(perName.keySet(), moved, "every image is in the pass or the fail folder");
        for (CSVRecord r : rows(csv)) {
            assertEquals("", r.get("problem"), r.toString());
        }
    }

    @Test
    void serveFinishesTheRequestInFlightOnSigterm() throws Exception {
        Child server = launch("serve", "serve", "--model", TinyModel.washer().toString(), "--port", "0", "--reload-ms", "0");
        Pattern listening = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)");
        waitFor(() -> {
            try {
                return listening.matcher(server.out()).find() || !server.process().isAlive();
            } catch (IOException e) {
                return false;
            }
        }, "the server to listen");
        Matcher m = listening.matcher(server.out());
        assertTrue(m.find(), server.out() + server.err());
        URI base = URI.create(m.group(1));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());

        byte[] png = Files.readAllBytes(TinyModel.washerImage(true, 1));
        SlowUpload inFlight = SlowUpload.start(base, "/v1/inspect?file=last.png", png);
        Thread.sleep(300);
        server.process().destroy(); // SIGTERM while the request is in flight
        Thread.sleep(500);
        String response = inFlight.finish();
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("\"file\":\"last.png\""), response);
        assertTrue(server.process().waitFor(60, TimeUnit.SECONDS));
        assertTrue(server.out().contains("Stopped."), server.out());
    }
}
