package org.ssaeinspector.spark;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ssaeinspector.util.AppInfo;

/**
 * Main class of {@code target/ssae-inspector-spark.jar} ({@code mvn -Pspark package}): runs the
 * command line in a JVM of its own with this program's libraries ({@code lib/}), Spark's
 * ({@code spark-lib/}, both beside the jar) and the options Spark needs on Java 17. A jar's
 * manifest can name jars but not a folder of them, and cannot pass JVM options; a child JVM can.
 * JVM options given to this one ({@code -Xmx8g}) are passed on. Names no Spark type.
 */
public final class SparkRunner {
    private SparkRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = ownJar();
        Path dir = jar.getParent();
        if (!Files.isDirectory(dir.resolve("spark-lib")) || !Files.isDirectory(dir.resolve("lib"))) {
            System.err.println("error: " + dir + " has no lib/ and spark-lib/ folders beside " + jar.getFileName()
                    + "; build them with 'mvn -B -Pspark package -DskipTests' and run the jar from target/");
            System.exit(2);
        }
        Process child = new ProcessBuilder(command(jar, dir, args)).inheritIO().start();
        // Ctrl+C reaches both (one process group); a SIGTERM to this JVM is passed on.
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        System.exit(code);
    }

    static List<String> command(Path jar, Path dir, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(Arrays.stream(AppInfo.sparkJvmArgs().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, jar.toString(), dir.resolve("lib") + File.separator + "*",
                dir.resolve("spark-lib") + File.separator + "*"));
        command.add("org.ssaeinspector.Main");
        command.addAll(List.of(args));
        return command;
    }

    private static Path ownJar() throws URISyntaxException {
        return Path.of(SparkRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    }
}
