package org.ssaeinspector.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.dataset.TestInputs;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.model.Recalibration;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Recalibrate a model with confirmed good images (seconds, no training): they join its "
                + "calibration and the threshold is drawn again at the model's false-reject target. Writes a new model.")
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model to start from (.ssae); left as it is.")
    Path modelFile;

    @Option(names = "--good", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Confirmed good images: files or folders (recursively).")
    List<Path> good;

    @Option(names = "--out", required = true, paramLabel = "FILE.ssae", description = "Model file to write.")
    Path out;

    @Option(names = "--replace", description = "Allow --out to be the --model file itself (it is replaced).")
    boolean replace;

    @Override
    public Integer call() {
        requireNewTarget(modelFile, out, replace);
        TestInputs inputs = DataSetScanner.scanTestInputs(good);
        for (SkippedFile s : inputs.skipped()) {
            spec.commandLine().getErr().println("warning: skipped " + s);
        }
        if (inputs.images().isEmpty()) {
            throw new UserFacingException("no good images found in " + good);
        }
        CliInputs.requireWritableTarget(out);
        try (SsaeModel parent = ModelFile.load(modelFile)) {
            Recalibration.Outcome outcome = Recalibration.recalibrate(parent, modelFile,
                    inputs.images().stream().map(ImageSample::path).toList(), msg -> { }, () -> false);
            for (SkippedFile s : outcome.skipped()) {
                spec.commandLine().getErr().println("warning: skipped " + s);
            }
            try (SsaeModel model = outcome.model()) {
                ModelFile.save(model, out);
                ModelHeader before = parent.header();
                ModelHeader after = model.header();
                spec.commandLine().getOut().printf(Locale.ROOT,
                        "Recalibrated with %d good image(s): threshold %.4f -> %.4f (false-reject target %.1f %%, "
                                + "from %d held-out good images). Of the added images the old threshold flagged %d, "
                                + "the new one flags %d (each scored without itself). Wrote %s%n",
                        outcome.added(), before.threshold(), after.threshold(), 100 * after.targetFalseRejectRate(),
                        after.heldOutScores().size(), outcome.addedRejectedBefore(), outcome.addedRejectedAfter(), out);
            }
        }
        return 0;
    }

    /** A model is replaced in place only when the user says so. */
    static void requireNewTarget(Path model, Path out, boolean replace) {
        if (!replace && model.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new UserFacingException(out + ": --out is the model itself; write a new file, or add --replace to replace it");
        }
    }
}
