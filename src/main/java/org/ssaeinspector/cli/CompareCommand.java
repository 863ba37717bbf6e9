package org.ssaeinspector.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.evaluation.DataSetEvaluator;
import org.ssaeinspector.evaluation.EvaluationReport;
import org.ssaeinspector.evaluation.EvaluationSummary;
import org.ssaeinspector.evaluation.ModelComparison;
import org.ssaeinspector.export.ComparisonCsv;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.scoring.Inspector;
import org.ssaeinspector.util.Decimals;
import org.ssaeinspector.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Score one test set with two models (the current one first) and show their figures side by side, "
                + "each at its own threshold, and the images whose verdict changes.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, arity = "1", paramLabel = "FILE",
            description = "Model file (.ssae); give it twice: the current model, then the candidate.")
    List<Path> models;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder with test/ (MVTec layout or plain).")
    Path data;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the images whose verdict changes, one row each.")
    Path csv;

    @Override
    public Integer call() {
        if (models.size() != 2) {
            throw new UserFacingException("--model: give exactly two models (the current one, then the candidate), got "
                    + models.size());
        }
        if (csv != null) {
            CliInputs.requireWritableTarget(csv);
        }
        DataSet dataSet = DataSetScanner.scanTestSet(data);
        TrainCommand.warnSkipped(spec, dataSet);
        if (dataSet.test().isEmpty()) {
            throw new UserFacingException(data + ": no test images to compare on");
        }
        EvaluationReport before = evaluate(models.get(0), dataSet);
        EvaluationReport after = evaluate(models.get(1), dataSet);
        if (before.results().isEmpty() || after.results().isEmpty()) {
            throw new UserFacingException("none of the " + dataSet.test().size() + " test image(s) could be scored");
        }
        ModelComparison comparison = ModelComparison.of(before, after);
        lines(comparison).forEach(spec.commandLine().getOut()::println);
        if (csv != null) {
            ComparisonCsv.write(csv, comparison);
        }
        return 0;
    }

    private EvaluationReport evaluate(Path modelFile, DataSet dataSet) {
        try (SsaeModel model = ModelFile.load(modelFile);
             ProgressBar bar = ConsoleProgress.bar("Scoring with " + modelFile.getFileName(), dataSet.test().size())) {
            return new DataSetEvaluator(new Inspector(model)).evaluate(dataSet, e -> bar.step(), () -> false);
        }
    }

    /** The side-by-side table and the changed verdicts. */
    private List<String> lines(ModelComparison c) {
        EvaluationSummary a = EvaluationSummary.of(c.before());
        EvaluationSummary b = EvaluationSummary.of(c.after());
        List<String> out = new java.util.ArrayList<>();
        out.add(String.format(Locale.ROOT, "Data set %s: %d images (%d good, %d defective)", a.dataSet(), a.images(),
                a.good(), a.defective()));
        out.add(String.format(Locale.ROOT, "%-22s %-14s %-14s", "", "current", "candidate"));
        out.add(row("Image AUROC", a, b, EvaluationSummary::imageAuroc));
        out.add(row("Pixel AUROC", a, b, EvaluationSummary::pixelAuroc));
        out.add(row("AUPRO (FPR <= 0.3)", a, b, EvaluationSummary::aupro));
        out.add(row("Threshold", a, b, EvaluationSummary::modelThreshold));
        out.add(row("TPR at threshold", a, b, EvaluationSummary::tprAtModelThreshold));
        out.add(row("FPR at threshold", a, b, EvaluationSummary::fprAtModelThreshold));
        long fixed = c.changes().stream().filter(x -> Boolean.TRUE.equals(x.improves())).count();
        long broken = c.changes().stream().filter(x -> Boolean.FALSE.equals(x.improves())).count();
        out.add(String.format(Locale.ROOT, "Verdicts that change: %d (%d now flagged, %d now passed; by the labels %d right "
                + "now and wrong before, %d wrong now and right before)", c.changes().size(), c.newlyFlagged(),
                c.newlyPassed(), fixed, broken));
        for (ModelComparison.VerdictChange x : c.changes()) {
            Boolean improves = x.improves();
            out.add(String.format(Locale.ROOT, "  %s %s (%s): %s -> %s%s", x.flaggedAfter() ? "now flagged" : "now passed ",
                    x.sample().path(),
                    x.sample().label().csvValue().isEmpty() ? "unlabelled" : x.sample().label().csvValue(),
                    Decimals.significant(x.scoreBefore(), 4),
                    Decimals.significant(x.scoreAfter(), 4),
                    improves == null ? "" : improves ? ", right now" : ", wrong now"));
        }
        return out;
    }

    private static String row(String name, EvaluationSummary a, EvaluationSummary b, Function<EvaluationSummary, Double> f) {
        return String.format(Locale.ROOT, "%-22s %-14s %-14s", name, fmt(f.apply(a)), fmt(f.apply(b)));
    }

    private static String fmt(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
