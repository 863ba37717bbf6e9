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
    /** Images decoded and scored together: the engine's network batch. */
    private static final int SCORE_BATCH = SsaeModel.INFERENCE_BATCH;
    /** How far a run got, for the notice printed when it is interrupted. */
    private static final class Progress {
        final int total;
        final Path partial;
        volatile int done;

        Progress(int total, Path partial) {
            this.total = total;
            this.partial = partial;
        }

        String describe() {
            return "interrupted after " + done + " of " + total + " image(s); the rows so far are in " + partial;
        }
    }

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
        CliInputs.requireFiniteThreshold(threshold);
        CliInputs.requireWritableTarget(csv);
        TestInputs found = DataSetScanner.scanTestInputs(inputs);
        if (found.images().isEmpty()) {
            throw new UserFacingException("No images found in " + inputs);
        }
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int total = found.images().size();
        int flagged = 0;
        int scored = 0;
        List<SkippedFile> skipped = new java.util.ArrayList<>();
        try (SsaeModel model = ModelFile.load(modelFile);
             ResultWriter writer = new ResultWriter(modelFile, csv, maps)) {
            double t = threshold != null ? threshold : model.threshold();
            for (SkippedFile s : found.skipped()) {
                writer.addUnscored(ImageSample.unlabelled(s.path()), t, s.reason());
                skipped.add(s);
            }
            Inspector inspector = new Inspector(model);
            FramingNote framing = new FramingNote(model);
            Progress progress = new Progress(total, writer.writingTo());
            try (ProgressBar bar = ConsoleProgress.bar("Scoring", total); InterruptNotice notice = new InterruptNotice(progress::describe)) {
                // Decoded a batch at a time and scored in one network call: one call per image left
                // the network waiting on small images (spark-score's comparison showed it). Rows keep
                // the order of the inputs.
                List<ImageSample> images = found.images();
                for (int start = 0; start < images.size(); start += SCORE_BATCH) {
                    List<ImageSample> batch = images.subList(start, Math.min(images.size(), start + SCORE_BATCH));
                    String[] problems = new String[batch.size()];
                    List<java.nio.file.Path> files = new java.util.ArrayList<>();
                    List<org.ssaeinspector.imageio.DecodedImage> photos = new java.util.ArrayList<>();
                    List<Integer> decodedAt = new java.util.ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        try {
                            photos.add(inspector.decode(batch.get(i).path()));
                            files.add(batch.get(i).path());
                            decodedAt.add(i);
                        } catch (ImageLoadException e) {
                            problems[i] = e.problem(); // also a photo too large for this heap: the others still fit
                        }
                    }
                    InspectionResult[] results = new InspectionResult[batch.size()];
                    List<InspectionResult> scoredBatch = photos.isEmpty() ? List.of() : inspector.inspectAll(files, photos, t);
                    for (int k = 0; k < decodedAt.size(); k++) {
                        InspectionResult r = scoredBatch.get(k);
                        int i = decodedAt.get(k);
                        if (r == null) { // alone it did not fit in this heap: the others still did
                            problems[i] = "too large to score in the available memory: " + photos.get(k).width() + " x "
                                    + photos.get(k).height();
                        }
                        results[i] = r;
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        ImageSample sample = batch.get(i);
                        InspectionResult r = results[i];
                        if (r != null) {
                            writer.add(sample, r);
                            framing.add(r);
                            scored++;
                            if (r.flagged()) {
                                flagged++;
                                out.printf(Locale.ROOT, "FLAGGED %s score %.4f, %d region(s)%n", sample.path(), r.score(),
                                        r.regions().size());
                            }
                        } else {
                            writer.addUnscored(sample, t, problems[i]);
                            skipped.add(new SkippedFile(sample.path(), problems[i]));
                        }
                        progress.done++;
                        bar.step();
                    }
                }
            }
            writer.finish();
            for (SkippedFile s : skipped) {
                err.println("warning: skipped " + s);
            }
            out.printf(Locale.ROOT, "Scored %d image(s) at threshold %.4f: %d flagged, %d passed%s. Wrote %s%n",
                    scored, t, flagged, scored - flagged, skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped", csv);
            framing.line().ifPresent(out::println);
        }
        if (scored == 0) {
            throw new UserFacingException("none of the " + total + " image(s) could be scored; the problem column of "
                    + csv + " says why");
        }
        return 0;
    }
}
