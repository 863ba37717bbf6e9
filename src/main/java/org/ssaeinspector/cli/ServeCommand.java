package org.ssaeinspector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.ssaeinspector.line.LiveModel;
import org.ssaeinspector.serve.InspectionServer;
import org.ssaeinspector.serve.ServeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "HTTP inspection service: POST /v1/inspect (image bytes) answers the verdict as JSON, or the "
                + "heatmap PNG (?heatmap=true or Accept: image/png); GET /v1/model, /health, /metrics (Prometheus). "
                + "Loads a new model file when it replaces the old one. Ctrl+C / SIGTERM finish the requests in flight.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ssae).")
    Path modelFile;

    @Option(names = "--port", paramLabel = "N", description = "Port (0: any free one; default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other needs --token.")
    String bind = ServeSettings.LOOPBACK;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:SSAE_TOKEN}",
            description = "Require 'Authorization: Bearer TOKEN' on every request but /health (default: the SSAE_TOKEN "
                    + "environment variable, which keeps it out of the process list).")
    String token;

    @Option(names = "--max-body-mb", paramLabel = "MB", description = "Largest image accepted, MiB (default: ${DEFAULT-VALUE}).")
    int maxBodyMb = 32;

    @Option(names = "--threads", paramLabel = "N", description = "Images scored at the same time (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--queue", paramLabel = "N",
            description = "Requests that may wait for a scoring thread; more get 503 (default: ${DEFAULT-VALUE}).")
    int queue = 16;

    @Option(names = "--reload-ms", paramLabel = "MS",
            description = "How often the model file is looked at for a new version; 0: never (default: ${DEFAULT-VALUE}).")
    long reloadMs = 1000;

    @Option(names = "--stop-timeout-s", paramLabel = "S",
            description = "How long a stop waits for requests in flight (default: ${DEFAULT-VALUE}).")
    long stopTimeoutS = 30;

    @Override
    public Integer call() throws InterruptedException {
        CliInputs.requireRange("--port", port, 0, 65535);
        CliInputs.requireRange("--max-body-mb", maxBodyMb, 1, 1024);
        CliInputs.requireRange("--threads", threads, 1, 64);
        CliInputs.requireRange("--queue", queue, 0, 10_000);
        CliInputs.requireRange("--reload-ms", reloadMs, 0, 3_600_000);
        CliInputs.requireRange("--stop-timeout-s", stopTimeoutS, 0, 3600);
        ServeSettings settings = new ServeSettings(bind, port, token, (long) maxBodyMb << 20, threads, queue,
                Duration.ofMillis(reloadMs), Duration.ofSeconds(stopTimeoutS));
        InspectionServer.requireSafeBinding(settings);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiveModel model = LiveModel.load(modelFile, Duration.ofMillis(reloadMs));
        InspectionServer server;
        try {
            server = InspectionServer.start(model, settings, new ConsoleServiceLog(out, err));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        out.printf("Serving %s (SHA-256 %s) on %s%s: POST /v1/inspect, GET /v1/model, /health, /metrics.%n"
                        + "Ctrl+C stops after the requests in flight.%n",
                modelFile, model.current().sha256().substring(0, 12), server.uri(), settings.token() == null ? "" : " (token required)");
        Thread hook = new Thread(() -> {
            server.stop();
            model.close();
            out.println("Stopped.");
            out.flush();
        }, "serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        server.join();
        return 0;
    }
}
