package org.ssaeinspector.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.dataset.TestInputs;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.UserFacingException;

/**
 * Scores image archives on Apache Spark with the same engine as {@code score}: the driver lists
 * the inputs (the same files, labels and skipped files as {@code score}) and ships the model file
 * once (a broadcast of its bytes); each executor JVM loads it once and scores its partitions in
 * the engine's batches ({@link PartitionScorer}); Spark's file committer writes the rows (the
 * columns of {@code score}'s CSV) as CSV or Parquet part files, the folder complete when its
 * {@code _SUCCESS} marker is there. Embedded ({@code local[*]}) unless a master is given or the
 * job was submitted with {@code spark-submit}.
 */
public final class SparkScoring {
    /** The master when none is given and the job was not submitted to one. */
    public static final String DEFAULT_MASTER = "local[*]";

    /** Images per partition aimed at: a partition is one task (one progress step, one retry unit). */
    static final int IMAGES_PER_PARTITION = 256;

    /**
     * @param model      the .ssae file (read on the driver, shipped to the executors)
     * @param threshold  flag images above it; null for the model's threshold
     * @param inputs     files, folders and globs (see {@link InputPaths})
     * @param out        the output folder (local path or a URI Spark writes to)
     * @param format     CSV or Parquet
     * @param overwrite  replace an earlier output in {@code out}
     * @param master     the Spark master URL; null for spark-submit's or {@link #DEFAULT_MASTER}
     * @param partitions number of partitions; 0 for about {@link #IMAGES_PER_PARTITION} images each,
     *                   at least two per core
     * @param conf       Spark settings ({@code spark.executor.memory=4g}), applied to a new session
     */
    public record Settings(Path model, Double threshold, List<String> inputs, String out, OutputFormat format,
                           boolean overwrite, String master, int partitions, Map<String, String> conf) {
        public Settings {
            conf = conf == null ? Map.of() : Map.copyOf(conf);
        }
    }

    /** What the caller hears while the job runs (on Spark's listener thread). */
    public interface Listener {
        void started(String master, int images, int partitions);

        void progress(int partitionsDone, int partitions, long imagesDone, long images);
    }

    /**
     * @param images         rows written (scored and not)
     * @param scored         images scored
     * @param flagged        of them, flagged
     * @param failed         images that could not be scored (their rows say why)
     * @param startSeconds   from the call to the job's start: reading the inputs, starting Spark
     * @param scoringSeconds the job itself: scoring and writing
     */
    public record Summary(String master, String out, OutputFormat format, int partitions, double threshold,
                          int images, long scored, long flagged, long failed, double startSeconds,
                          double scoringSeconds) {
        public double imagesPerSecond() {
            return scoringSeconds > 0 ? images / scoringSeconds : 0;
        }
    }

    private SparkScoring() {
    }

    public static Summary run(Settings s, Listener listener) {
        long t0 = System.nanoTime();
        double threshold = s.threshold() != null ? s.threshold() : ModelFile.readHeader(s.model()).threshold();
        byte[] modelBytes = readModel(s.model());
        String sha256 = DataFingerprint.sha256(s.model());
        checkOutput(s.out(), s.overwrite());
        TestInputs found = DataSetScanner.scanTestInputs(InputPaths.expand(s.inputs()));
        // The order of score's CSV: the files left out first, then the images.
        List<ImageTask> tasks = new ArrayList<>();
        for (SkippedFile skipped : found.skipped()) {
            tasks.add(ImageTask.of(skipped));
        }
        for (ImageSample sample : found.images()) {
            tasks.add(ImageTask.of(sample));
        }

        boolean sessionExisted = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession spark = session(s.master(), s.conf());
        try {
            SparkContext sc = spark.sparkContext();
            int partitions = s.partitions() > 0 ? s.partitions()
                    : Math.max(2 * sc.defaultParallelism(), (tasks.size() + IMAGES_PER_PARTITION - 1) / IMAGES_PER_PARTITION);
            List<List<ImageTask>> chunks = chunks(tasks, Math.min(partitions, tasks.size()));
            int[] sizes = chunks.stream().mapToInt(List::size).toArray();
            Broadcast<byte[]> model = JavaSparkContext.fromSparkContext(sc).broadcast(modelBytes);
            LongAccumulator scored = sc.longAccumulator("ssae.scored");
            LongAccumulator flagged = sc.longAccumulator("ssae.flagged");
            LongAccumulator failed = sc.longAccumulator("ssae.failed");
            String group = "ssae-spark-score-" + UUID.randomUUID();
            ProgressListener progress = new ProgressListener(group, sizes, listener);
            sc.addSparkListener(progress);
            double startSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            try {
                sc.setJobGroup(group, "spark-score " + s.inputs(), false);
                listener.started(sc.master(), tasks.size(), chunks.size());
                // One chunk per partition: the driver knows each partition's images (progress).
                JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(sc).parallelize(chunks, chunks.size())
                        .mapPartitions(new PartitionScorer(model, sha256, threshold,
                                s.format(), scored, flagged, failed));
                spark.createDataFrame(rows, s.format().schema()).write()
                        .format(s.format().source())
                        .options(s.format().writerOptions())
                        .mode(s.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
                        .save(s.out());
            } finally {
                sc.clearJobGroup();
                sc.removeSparkListener(progress);
                model.destroy();
            }
            double scoringSeconds = (System.nanoTime() - t1) / 1e9;
            return new Summary(sc.master(), s.out(), s.format(), chunks.size(), threshold, tasks.size(),
                    scored.value(), flagged.value(), failed.value(), startSeconds, scoringSeconds);
        } catch (UserFacingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserFacingException("the Spark job writing " + s.out() + " failed: " + rootMessage(e), e);
        } finally {
            if (!sessionExisted) {
                spark.stop(); // ours: stopped; one that spark-submit or a notebook made stays theirs
            }
        }
    }

    /** The session to run in: an existing one, or a new one on the master asked for. */
    private static SparkSession session(String master, Map<String, String> conf) {
        String effective = master != null ? master : System.getProperty("spark.master", DEFAULT_MASTER);
        SparkSession.Builder builder = SparkSession.builder().appName("ssae-inspector spark-score").master(effective)
                // The command prints its own progress.
                .config("spark.ui.showConsoleProgress", "false");
        if (!effective.startsWith("local") && System.getProperty("spark.jars") == null && !conf.containsKey("spark.jars")) {
            // A cluster's executors have Spark only: this program reaches them in its job jar.
            builder.config("spark.jars", jobJar(effective).toString());
        }
        if (effective.startsWith("local")) {
            SparkLogging.quietForEmbedded();
            // Embedded: nothing to look at from outside, nothing to bind but the loopback.
            builder.config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false"))
                    .config("spark.driver.bindAddress", System.getProperty("spark.driver.bindAddress", "127.0.0.1"))
                    .config("spark.driver.host", System.getProperty("spark.driver.host", "127.0.0.1"));
        }
        conf.forEach(builder::config);
        try {
            return builder.getOrCreate();
        } catch (RuntimeException e) {
            throw new UserFacingException("cannot start Spark on " + effective + ": " + rootMessage(e), e);
        }
    }

    /** The model file's bytes, shipped to the executors once (a broadcast). */
    private static byte[] readModel(Path model) {
        try {
            return Files.readAllBytes(model);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read the model " + model + ": " + IoMessages.reason(e), e);
        }
    }

    /** The name of the job jar that {@code mvn -Pspark package} builds beside the runner jar. */
    static final String JOB_JAR = "ssae-inspector-spark-job.jar";

    /** The job jar beside the jar (or class folder) this class came from. */
    private static Path jobJar(String master) {
        Path here;
        try {
            here = Path.of(SparkScoring.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            here = Path.of("").toAbsolutePath();
        }
        Path jar = here.getParent().resolve(JOB_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new UserFacingException("--master " + master + ": the cluster's executors need this program's job jar, "
                    + "and there is no " + jar + "; build it with 'mvn -B -Pspark package -DskipTests', or submit "
                    + JOB_JAR + " with spark-submit (docs/spark.md)");
        }
        return jar;
    }

    /** {@code n} consecutive chunks of nearly equal size. */
    static <T> List<List<T>> chunks(List<T> items, int n) {
        List<List<T>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>(items.subList((int) ((long) i * items.size() / n), (int) ((long) (i + 1) * items.size() / n))));
        }
        return out;
    }

    /**
     * Refuses an output folder that exists (unless overwriting) and, when overwriting, one that
     * holds anything but an earlier job's files: Spark's overwrite deletes the whole folder.
     */
    private static void checkOutput(String out, boolean overwrite) {
        if (out.contains("://")) {
            return; // a store Spark reaches (hdfs, s3a): its own checks apply
        }
        Path dir = Path.of(out);
        if (!Files.exists(dir)) {
            return;
        }
        if (!overwrite) {
            throw new UserFacingException(out + ": already exists; name a new output folder, or add --overwrite to replace "
                    + "an earlier spark-score output");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException(out + ": is a file; the output is a folder of part files");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                boolean ours = name.startsWith("part-") || name.startsWith(".part-") || name.equals("_SUCCESS")
                        || name.equals("._SUCCESS.crc") || name.equals("_temporary");
                if (!ours) {
                    throw new UserFacingException(out + ": holds " + name + ", which no spark-score run wrote; "
                            + "--overwrite would delete the whole folder, so name a new output folder");
                }
            }
        } catch (IOException e) {
            throw new UserFacingException("Cannot read the output folder " + out + ": " + IoMessages.reason(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg.lines().findFirst().orElse(msg);
    }
}
