package org.ssaeinspector.cli;

import picocli.CommandLine;

/** The list of sub-commands, kept in one place. */
final class CommandRegistry {
    private CommandRegistry() {
    }

    static void addSubcommands(CommandLine cli) {
        cli.addSubcommand(new TrainCommand());
        cli.addSubcommand(new EvaluateCommand());
        cli.addSubcommand(new ScoreCommand());
        cli.addSubcommand(new SparkScoreCommand());
        cli.addSubcommand(new CalibrateCommand());
        cli.addSubcommand(new CompareCommand());
        cli.addSubcommand(new WatchCommand());
        cli.addSubcommand(new ServeCommand());
        cli.addSubcommand(new BenchmarkCommand());
        cli.addSubcommand(new BenchmarkServeCommand());
        cli.addSubcommand(new BenchmarkWatchCommand());
        cli.addSubcommand(new BenchmarkSparkCommand());
        cli.addSubcommand(new SamplesCommand());
    }
}
