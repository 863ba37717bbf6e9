package org.ssaeinspector.cli;

import java.nio.file.Path;
import java.util.List;
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
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.scoring.Inspector;
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

    @Override
    public Integer call() {
        for (Path p : new Path[] {csv, json}) {
            if (p != null) {
                CliInputs.requireWritableTarget(p);
            }
        }
        DataSet dataSet = DataSetScanner.scan(data);
        TrainCommand.warnSkipped(spec, dataSet);
        try (SsaeModel model = ModelFile.load(modelFile);
             ResultWriter writer = new ResultWriter(modelFile, csv, maps);
             ProgressBar bar = ConsoleProgress.bar("Scoring", dataSet.test().size())) {
            EvaluationReport report = new DataSetEvaluator(new Inspector(model)).evaluate(dataSet, e -> {
                writer.add(e.sample(), e.result());
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
            if (json != null) {
                Json.write(summary, json);
            }
        }
        return 0;
    }
}
