package org.ssaeinspector.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Terminal progress bars on stderr, so stdout stays clean for the figures scripts read. */
final class ConsoleProgress {
    private ConsoleProgress() {
    }

    static ProgressBar bar(String task, long max) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setMaxRenderedLength(110)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }
}
