package org.ssaeinspector.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.ssaeinspector.spark.OutputFormat;
import org.ssaeinspector.spark.SparkClasspath;
import org.ssaeinspector.spark.SparkScoring;
import org.ssaeinspector.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spark-score}: {@code score} for archives, on Apache Spark (embedded by default). Only
 * parses and prints: the job is {@link SparkScoring}. Option types name no Spark class, so that
 * {@code --help} and the one-line error work where Spark is left out (the installer).
 */
@Command(name = "spark-score", mixinStandardHelpOptions = true,
        description = {"Score image archives on Apache Spark: files, folders or quoted globs, in partitions scored "
                + "in parallel; writes the columns of score's CSV as CSV or Parquet part files into a new folder "
                + "(complete when it holds _SUCCESS). Embedded (local[*]) unless --master or spark-submit names a cluster; "
                + "see docs/spark.md.",
            "Needs Spark on the class path: java -jar target/ssae-inspector-spark.jar (mvn -Pspark package)."})
final class SparkScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ssae).")
    Path modelFile;

    @Option(names = "--threshold", paramLabel = "T", description = "Flag images scoring above T (default: the model's threshold).")
    Double threshold;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder to create (a local path or a URI Spark writes to).")
    String out;

    @Option(names = "--format", paramLabel = "csv|parquet", defaultValue = "csv", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--overwrite", description = "Replace the output of an earlier spark-score run in DIR.")
    boolean overwrite;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. spark://host:7077 or local[4] "
            + "(default: spark-submit's, else " + SparkScoring.DEFAULT_MASTER + ").")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Partitions (tasks) to split the images into (default: about 256 images each, at least two per core).")
    int partitions;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting for the job, e.g. "
            + "spark.executor.memory=4g (repeatable).")
    java.util.Map<String, String> conf;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Image files, folders, or globs in quotes ('archive/2025-*/*.png').")
    List<String> inputs;

    @Override
    public Integer call() {
        SparkClasspath.require();
        CliInputs.requireFiniteThreshold(threshold);
        if (partitions < 0) {
            throw new UserFacingException("--partitions must be 1 or more, was " + partitions);
        }
        var outWriter = spec.commandLine().getOut();
        ProgressBar[] bar = new ProgressBar[1];
        SparkScoring.Summary summary;
        try {
            summary = SparkScoring.run(new SparkScoring.Settings(modelFile, threshold, inputs, out,
                    OutputFormat.parse(format), overwrite, master, partitions, conf), new SparkScoring.Listener() {
                        @Override
                        public void started(String sparkMaster, int images, int parts) {
                            outWriter.printf(Locale.ROOT, "Scoring %d image(s) on Spark %s in %d partition(s)%n", images,
                                    sparkMaster, parts);
                            outWriter.flush();
                            bar[0] = ConsoleProgress.bar("Scoring", images);
                        }

                        @Override
                        public void progress(int partitionsDone, int parts, long imagesDone, long images) {
                            bar[0].stepTo(imagesDone);
                            bar[0].setExtraMessage(partitionsDone + "/" + parts + " partitions");
                        }
                    });
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        long passed = summary.scored() - summary.flagged();
        outWriter.printf(Locale.ROOT, "Scored %d image(s) at threshold %.4f: %d flagged, %d passed%s. Wrote %s (%s)%n",
                summary.scored(), summary.threshold(), summary.flagged(), passed,
                summary.failed() == 0 ? "" : ", " + summary.failed() + " not scored (the problem column says why)",
                summary.out(), summary.format().name().toLowerCase(Locale.ROOT));
        outWriter.printf(Locale.ROOT, "%d image(s) in %.1f s: %.1f images/s on %s, %d partition(s); start-up %.1f s%n",
                summary.images(), summary.scoringSeconds(), summary.imagesPerSecond(), summary.master(),
                summary.partitions(), summary.startSeconds());
        if (summary.scored() == 0) {
            throw new UserFacingException("none of the " + summary.images() + " image(s) could be scored; the problem column of "
                    + summary.out() + " says why");
        }
        return 0;
    }
}
