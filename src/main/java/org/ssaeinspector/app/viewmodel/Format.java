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

    /** A score with 2, 1 or 0 decimals by size ("0.47", "12.3", "154"); fast, for thousands of badges. */
    public static String score(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(v);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
        long scale = decimals == 2 ? 100 : decimals == 1 ? 10 : 1;
        long r = Math.round(a * scale);
        StringBuilder b = new StringBuilder(8);
        if (v < 0 && r != 0) {
            b.append('-');
        }
        b.append(r / scale);
        if (decimals > 0) {
            long frac = r % scale;
            b.append('.');
            if (decimals == 2 && frac < 10) {
                b.append('0');
            }
            b.append(frac);
        }
        return b.toString();
    }
}
