package org.ssaeinspector.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ssaeinspector.samples.SampleImageGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "samples", mixinStandardHelpOptions = true,
        description = "Generate the synthetic sample data set (a texture and an object, MVTec layout, with masks).")
final class SamplesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}, the bundled set).")
    long seed = SampleImageGenerator.DEFAULT_SEED;

    @Override
    public Integer call() {
        int files = SampleImageGenerator.generate(out, seed).size();
        spec.commandLine().getOut().println("Wrote " + files + " files to " + out);
        return 0;
    }
}
