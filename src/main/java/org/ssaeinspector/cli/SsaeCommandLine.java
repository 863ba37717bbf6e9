package org.ssaeinspector.cli;

import java.io.PrintWriter;
import org.ssaeinspector.app.DesktopLauncher;
import org.ssaeinspector.util.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line. Every failure ends in a one-line message and a non-zero exit code; stack
 * traces are only printed with {@code --debug}.
 */
@Command(name = "ssae-inspector",
        mixinStandardHelpOptions = true,
        versionProvider = SsaeCommandLine.Version.class,
        description = "Visual anomaly detection with self-supervised autoencoders (SSAE).%n"
                + "Without a command, starts the desktop app.",
        subcommands = {CommandLine.HelpCommand.class})
public final class SsaeCommandLine implements Runnable {

    /** Exit code for bad input (files, arguments) as opposed to internal errors. */
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "PROJECT",
            description = "Folder or model to open in the desktop app (default: the sample images).")
    java.nio.file.Path openPath;

    @Override
    public void run() {
        DesktopLauncher.launch(openPath);
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs the command line with the given streams (tests capture them); control characters are shown, not sent. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = create();
        PrintWriter safeOut = new PrintWriter(new TerminalSafeWriter(out), true);
        PrintWriter safeErr = new PrintWriter(new TerminalSafeWriter(err), true);
        cli.setOut(safeOut);
        cli.setErr(safeErr);
        try {
            return cli.execute(args);
        } finally {
            safeOut.flush();
            safeErr.flush();
        }
    }

    public static CommandLine create() {
        CommandLine cli = new CommandLine(new SsaeCommandLine());
        CommandRegistry.addSubcommands(cli);
        // Plain help: its colour codes would otherwise be shown as text by TerminalSafeWriter.
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setExecutionExceptionHandler(new CleanErrorHandler());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Run with --help for usage.");
            return EXIT_USAGE;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.version()};
        }
    }
}
