package org.ssaeinspector.imageio;

import java.util.List;
import java.util.Locale;

/**
 * Turns decoder warnings into errors where they mean the picture is damaged. The JPEG decoders
 * (JDK and TwelveMonkeys) only warn about a file that ends early and fill the rest with grey;
 * training on such an image would teach the model that grey blocks are normal.
 */
final class DecoderWarnings {
    private DecoderWarnings() {
    }

    /** The problem the warnings reveal, or null when the image is complete. */
    static String problem(ImageFormat format, List<String> warnings) {
        for (String warning : warnings) {
            String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            if (w.contains("premature end") || w.contains("missing eoi") || w.contains("truncated")) {
                return "truncated or corrupt " + format.displayName() + " (file ends early)";
            }
        }
        for (String warning : warnings) {
            String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            // "N extraneous bytes before marker" is common in camera files that decode perfectly.
            if (w.contains("corrupt") && !w.contains("extraneous bytes")) {
                return "truncated or corrupt " + format.displayName() + " (" + warning + ")";
            }
        }
        return null;
    }
}
