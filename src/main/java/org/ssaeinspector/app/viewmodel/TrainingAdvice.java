package org.ssaeinspector.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.model.TrainingSummary;

/**
 * Why a finished training may give a poor model, each with what to do: too few steps, too few
 * held-out images to measure the promised false-reject rate, a loss still falling at the end.
 */
public final class TrainingAdvice {
    /** Below this many steps the network has hardly started (benchmarks reach good maps after ~2,000). */
    static final long MIN_STEPS = 500;
    static final long GOOD_STEPS = 2000;
    /** The loss still falls when its last quarter is this much below the quarter before. */
    static final double STILL_FALLING = 0.05;

    private TrainingAdvice() {
    }

    public static List<String> of(ModelHeader header, List<LossPoint> loss) {
        List<String> out = new ArrayList<>();
        TrainingSummary s = header.training();
        if (s.steps() < MIN_STEPS) {
            out.add(String.format(Locale.ROOT, "Only %d training steps: the model has hardly started to learn and "
                    + "will miss defects. Train again for longer%s.", s.steps(), minutesFor(s)));
        }
        double rate = header.targetFalseRejectRate();
        int held = header.heldOutCount();
        if (rate > 0 && held * rate < 1) {
            out.add(String.format(Locale.ROOT, "Only %d good images were held out: a false-reject rate of %s cannot "
                    + "be measured on so few (that needs at least %d), so the threshold is a rough guess. Add more "
                    + "good images, or set the threshold on labelled test images (FRR in the main window).",
                    held, Format.percent(rate), (int) Math.ceil(1 / rate)));
        }
        if (s.steps() >= MIN_STEPS && stillFalling(loss)) {
            out.add("The loss was still falling when training ended: training longer will likely give a better model.");
        }
        return out;
    }

    /** " (about 12 minutes at this machine's pace)", or nothing when the pace is unknown. */
    private static String minutesFor(TrainingSummary s) {
        if (s.steps() <= 0 || s.seconds() <= 0) {
            return "";
        }
        long minutes = (long) Math.ceil(GOOD_STEPS * s.seconds() / s.steps() / 60);
        return String.format(Locale.ROOT, " (about %d minute%s for %,d steps at this machine's pace)", minutes,
                minutes == 1 ? "" : "s", GOOD_STEPS);
    }

    /** The mean smoothed loss of the last quarter against the quarter before. */
    static boolean stillFalling(List<LossPoint> loss) {
        int n = loss.size();
        if (n < 8) {
            return false;
        }
        int q = n / 4;
        double before = mean(loss.subList(n - 2 * q, n - q));
        double last = mean(loss.subList(n - q, n));
        return last < before * (1 - STILL_FALLING);
    }

    private static double mean(List<LossPoint> points) {
        return points.stream().mapToDouble(LossPoint::loss).average().orElse(Double.NaN);
    }
}
