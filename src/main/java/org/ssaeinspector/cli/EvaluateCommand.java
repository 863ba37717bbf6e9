package org.ssaeinspector.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.evaluation.DataSetEvaluator;
import org.ssaeinspector.evaluation.EvaluationReport;
import org.ssaeinspector.evaluation.EvaluationSummary;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.scoring.Inspector;
import org.ssaeinspector.util.Decimals;
import org.ssaeinspector.util.Json;
import org.ssaeinspector.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a labelled test set and report image AUROC, pixel AUROC, AUPRO, the F1-optimal threshold and ms/image.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ssae).")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder with test/ (MVTec layout or plain).")
    Path data;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write one row per image.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the metrics as JSON.")
    Path json;

    @Option(names = "--maps", paramLabel = "DIR", description = "Write a heatmap PNG per image into this folder.")
    Path maps;

    @Option(names = "--false-reject-rate", paramLabel = "R",
            description = "Evaluate at the threshold the model's held-out good images give for this false-reject rate "
                    + "(the training's rule), instead of the model's own threshold: what another target would catch.")
    Double falseRejectRate;

    @Override
    public Integer call() {
        if (falseRejectRate != null && !(falseRejectRate > 0 && falseRejectRate < 0.5)) {
            throw new UserFacingException("--false-reject-rate must be greater than 0 and less than 0.5, was " + falseRejectRate);
        }
        for (Path p : new Path[] {csv, json}) {
            if (p != null) {
                CliInputs.requireWritableTarget(p);
            }
        }
        DataSet dataSet = DataSetScanner.scanTestSet(data);
        TrainCommand.warnSkipped(spec, dataSet);
        try (SsaeModel model = ModelFile.load(modelFile);
             ResultWriter writer = new ResultWriter(modelFile, csv, maps);
             ProgressBar bar = ConsoleProgress.bar("Scoring", dataSet.test().size())) {
            if (falseRejectRate != null) {
                retarget(model, falseRejectRate);
            }
            FramingNote framing = new FramingNote(model);
            EvaluationReport report = new DataSetEvaluator(new Inspector(model)).evaluate(dataSet, e -> {
                writer.add(e.sample(), e.result());
                framing.add(e.result());
                bar.step();
            }, () -> false);
            bar.close();
            // Unreadable test images are rows too, so the CSV lists every image of the test set.
            java.util.Map<Path, ImageSample> samples = new java.util.HashMap<>();
            dataSet.test().forEach(x -> samples.put(x.path(), x));
            List<SkippedFile> unscored = report.skipped().stream().filter(x -> samples.containsKey(x.path())).toList();
            for (SkippedFile skipped : unscored) {
                writer.addUnscored(samples.get(skipped.path()), model.threshold(), skipped.reason());
            }
            writer.finish();
            for (SkippedFile skipped : unscored) { // the scan's own skips were reported above
                spec.commandLine().getErr().println("warning: skipped " + skipped);
            }
            if (report.results().isEmpty()) {
                // No metrics from no scores: a NaN report with exit 0 would read like a pass.
                throw new UserFacingException("none of the " + dataSet.test().size() + " test image(s) could be scored; "
                        + (csv == null ? "the warnings above say why" : "the problem column of " + csv + " says why"));
            }
            EvaluationSummary summary = EvaluationSummary.of(report);
            summary.lines().forEach(spec.commandLine().getOut()::println);
            framing.line().ifPresent(spec.commandLine().getOut()::println);
            TrainCommand.printLineage(spec, model.header());
            if (json != null) {
                Json.write(summary, json);
            }
        }
        return 0;
    }

    /** Moves the model's threshold (in memory only) to another rate on its held-out good images, and says so. */
    private void retarget(SsaeModel model, double rate) {
        ModelHeader h = model.header();
        if (h.heldOutScores().size() < 2) {
            throw new UserFacingException(modelFile + ": the model holds no held-out scores to set a threshold from "
                    + "(it was calibrated on too few images)");
        }
        double t = h.thresholdFor(rate);
        model.setThreshold(t);
        spec.commandLine().getOut().printf(Locale.ROOT, "Threshold for a false-reject rate of %s on the %d held-out good "
                        + "images: %.4f (the model's own: %.4f); it rejects %d of them%n",
                Decimals.significant(100 * rate, 3) + " %", h.heldOutScores().size(), t, h.threshold(), h.heldOutRejectedAt(t));
        h.thresholdBasisFor(rate).ifPresent(b -> spec.commandLine().getOut().println("Threshold: drawn as " + b));
    }
}
