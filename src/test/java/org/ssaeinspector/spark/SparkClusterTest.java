package org.ssaeinspector.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.model.DjlRuntime;
import org.ssaeinspector.util.AppInfo;

/**
 * The path a cluster takes: a real Spark standalone master and one worker on 127.0.0.1 (child
 * JVMs of Spark's own classes, from this project's dependencies), the job submitted to them with
 * Spark's {@code SparkSubmit} (what the {@code spark-submit} script runs) in client mode, the
 * application jar shipped by Spark to an executor JVM that the worker starts, and the rows
 * written by that executor.
 */
class SparkClusterTest {
    static final Path WASHER = Path.of("sample-images", "washer");

    @TempDir
    static Path dir;
    static Path sparkHome;
    static Path appJar;
    static Process master;
    static Process worker;
    static int masterPort;
    static int masterUiPort;

    @BeforeAll
    static void startCluster() throws Exception {
        DjlRuntime.engine(); // the natives unpacked once, before JVMs that share the folder start
        // A Spark home whose jars/ are this project's dependencies: what the worker puts on its executors' class path.
        sparkHome = Files.createDirectories(dir.resolve("spark-home"));
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        Path classes = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            } else if (Files.exists(p.resolve("org/ssaeinspector/Main.class"))) {
                classes = p;
            }
        }
        // This program reaches the executors only in the application jar, as spark-submit ships it.
        appJar = jarOf(classes, dir.resolve("app.jar"));
        masterPort = freePort();
        masterUiPort = freePort();
        master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort));
        worker = start("worker", "org.apache.spark.deploy.worker.Worker", masterUrl(), "--host", "127.0.0.1",
                "--cores", "2", "--memory", "2g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", Files.createDirectories(dir.resolve("work")).toString());
        awaitAliveWorker();
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (Process p : new Process[] {worker, master}) {
            if (p == null) {
                continue;
            }
            p.descendants().forEach(ProcessHandle::destroy); // the worker's executors
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aSubmittedJobIsScoredByTheWorkersExecutorAndWritten() throws Exception {
        Path extra = Files.createDirectories(dir.resolve("extra"));
        Files.write(extra.resolve("cut-short.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        Path out = dir.resolve("out");
        List<String> submit = new ArrayList<>(javaCommand());
        submit.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl(), "--deploy-mode", "client",
                "--class", "org.ssaeinspector.Main", "--executor-memory", "1g", "--total-executor-cores", "2",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                appJar.toString(),
                "spark-score", "--model", WASHER.resolve("washer.ssae").toString(), "--out", out.toString(),
                WASHER.resolve("test/good").toString(), extra.toString()));
        Process driver = builder(submit).redirectErrorStream(true).redirectOutput(dir.resolve("driver.log").toFile()).start();
        if (!driver.waitFor(3, TimeUnit.MINUTES)) {
            driver.descendants().forEach(ProcessHandle::destroyForcibly);
            driver.destroyForcibly();
            throw new AssertionError("the submitted job did not end in 3 minutes:\n" + Files.readString(dir.resolve("driver.log")));
        }
        String log = Files.readString(dir.resolve("driver.log"));
        assertEquals(0, driver.exitValue(), log);
        assertTrue(log.contains("Scoring 21 image(s) on Spark " + masterUrl()), log);
        assertTrue(log.contains("20 image(s) at threshold"), log);
        assertTrue(Files.exists(out.resolve("_SUCCESS")), log);

        var rows = SparkScoreTest.byPath(SparkScoreTest.partFiles(out, ".csv"));
        assertEquals(21, rows.size());
        String sha = DataFingerprint.sha256(WASHER.resolve("washer.ssae"));
        for (CSVRecord r : rows.values()) {
            assertEquals(sha, r.get("model_sha256"));
            if (r.get("path").endsWith("cut-short.png")) {
                assertEquals("", r.get("score"));
                assertFalse(r.get("problem").isEmpty());
            } else {
                assertEquals("good", r.get("label"));
                assertTrue(Double.parseDouble(r.get("score")) > 0, r.toString());
                assertEquals("", r.get("problem"));
            }
        }
        // Scored in an executor the worker started: its folder under the work dir, the app jar fetched into it.
        try (Stream<Path> files = Files.walk(dir.resolve("work"))) {
            List<Path> fetched = files.filter(p -> p.getFileName().toString().equals("app.jar")).toList();
            assertFalse(fetched.isEmpty(), "the executor fetched the application jar");
        }
    }

    static String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(List.of(AppInfo.sparkJvmArgs().trim().split("\\s+")));
        command.addAll(List.of("-cp", sparkHome.resolve("jars") + File.separator + "*"));
        return command;
    }

    static ProcessBuilder builder(List<String> command) {
        ProcessBuilder b = new ProcessBuilder(command);
        Map<String, String> env = b.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("DJL_OFFLINE", "true");
        return b;
    }

    static Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(javaCommand());
        command.add(mainClass);
        command.addAll(List.of(args));
        return builder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    static void awaitAliveWorker() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        while (System.nanoTime() < deadline) {
            assertTrue(master.isAlive(), () -> "the master stopped: " + log("master"));
            assertTrue(worker.isAlive(), () -> "the worker stopped: " + log("worker"));
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (last.replace(" ", "").contains("\"aliveworkers\":1")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no worker registered with the master in 90 s: " + last + "\n" + log("master") + "\n"
                + log("worker"));
    }

    static String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Path jarOf(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
