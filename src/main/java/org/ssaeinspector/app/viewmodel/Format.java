package org.ssaeinspector.app.viewmodel;

import java.time.Duration;
import java.util.Locale;

/** Number and time formats shared by the screens. */
public final class Format {
    private Format() {
    }

    /** "1:05" or "1:02:05". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A rate as a percentage with one decimal, or a dash when undefined. */
    public static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    /** A value in [0, 1] with three decimals, or a dash when undefined. */
    public static String ratio(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    public static String score(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }
}
