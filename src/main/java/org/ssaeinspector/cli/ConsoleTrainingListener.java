package org.ssaeinspector.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ssaeinspector.model.TrainingListener;
import org.ssaeinspector.model.TrainingProgress;

/** Shows training on the terminal: a progress bar with step, epoch, loss and ETA; messages on stderr. */
final class ConsoleTrainingListener implements TrainingListener, AutoCloseable {
    private static final int TICKS = 1000;
    private final ProgressBar bar;
    private final PrintWriter err;

    ConsoleTrainingListener(PrintWriter err) {
        this.err = err;
        this.bar = new ProgressBarBuilder()
                .setTaskName("Training")
                .setInitialMax(TICKS)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000)
                .setMaxRenderedLength(110)
                .hideEta()
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    @Override
    public void onProgress(TrainingProgress p) {
        bar.stepTo(Math.round(p.fraction() * TICKS));
        bar.setExtraMessage(String.format(Locale.ROOT, "step %d, epoch %d, loss %.5f, ETA %s",
                p.step(), p.epoch(), p.avgLoss(), Durations.format(p.eta())));
    }

    @Override
    public void onMessage(String message) {
        err.println(message);
    }

    @Override
    public void close() {
        bar.close();
    }
}
