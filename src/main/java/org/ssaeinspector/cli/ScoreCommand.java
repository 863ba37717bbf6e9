package org.ssaeinspector.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.dataset.TestInputs;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.scoring.Inspector;
import org.ssaeinspector.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score images (files or folders, recursively) and write one CSV row per image. "
                + "Prints each flagged image and a summary.")
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ssae).")
    Path modelFile;

    @Option(names = "--threshold", paramLabel = "T", description = "Flag images scoring above T (default: the model's threshold).")
    Double threshold;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "CSV file to write.")
    Path csv;

    @Option(names = "--maps", paramLabel = "DIR", description = "Also write a heatmap PNG per image into this folder.")
    Path maps;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Image files or folders.")
    List<Path> inputs;

    @Override
    public Integer call() {
        if (threshold != null && !Double.isFinite(threshold)) {
            throw new UserFacingException("--threshold must be a finite number, was " + threshold);
        }
        CliInputs.requireWritableTarget(csv);
        TestInputs found = DataSetScanner.scanTestInputs(inputs);
        if (found.images().isEmpty()) {
            throw new UserFacingException("No images found in " + inputs);
        }
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        ResultWriter writer = new ResultWriter(modelFile, csv, maps);
        int flagged = 0;
        int scored = 0;
        List<SkippedFile> skipped = new java.util.ArrayList<>(found.skipped());
        try (SsaeModel model = ModelFile.load(modelFile)) {
            double t = threshold != null ? threshold : model.threshold();
            Inspector inspector = new Inspector(model);
            try (ProgressBar bar = ConsoleProgress.bar("Scoring", found.images().size())) {
                for (ImageSample sample : found.images()) {
                    try {
                        InspectionResult r = inspector.inspect(sample.path(), t);
                        writer.add(sample, r);
                        scored++;
                        if (r.flagged()) {
                            flagged++;
                            out.printf(Locale.ROOT, "FLAGGED %s score %.4f, %d region(s)%n", sample.path(), r.score(),
                                    r.regions().size());
                        }
                    } catch (ImageLoadException e) {
                        skipped.add(new SkippedFile(sample.path(), e.problem()));
                    }
                    bar.step();
                }
            }
            writer.finish();
            for (SkippedFile s : skipped) {
                err.println("warning: skipped " + s);
            }
            out.printf(Locale.ROOT, "Scored %d image(s) at threshold %.4f: %d flagged, %d passed%s. Wrote %s%n",
                    scored, t, flagged, scored - flagged, skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped", csv);
        }
        return 0;
    }
}
