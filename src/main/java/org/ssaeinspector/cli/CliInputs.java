package org.ssaeinspector.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.ssaeinspector.util.AtomicFiles;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.UserFacingException;

/** Argument checks shared by the commands, with messages that name the file and the problem. */
final class CliInputs {
    private CliInputs() {
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new UserFacingException(option + ": '" + value + "' is not one of " + allowed);
        }
    }

    /** Refuses a whole-number option outside {@code [min, max]}, naming it and the range. */
    static int requireRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UserFacingException(option + " must be from " + min + " to " + max + ", was " + value);
        }
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    /** Refuses a threshold that is not a finite number. */
    static void requireFiniteThreshold(Double threshold) {
        if (threshold != null && !Double.isFinite(threshold)) {
            throw new UserFacingException("--threshold must be a finite number, was " + threshold);
        }
    }

    /**
     * Fails before long work starts when an output could not be written (see
     * {@link AtomicFiles#checkWritable}); the message names the file and the reason.
     */
    static void requireWritableTarget(Path target) {
        try {
            AtomicFiles.checkWritable(target);
        } catch (IOException e) {
            throw new UserFacingException(target + ": cannot be written (" + IoMessages.reason(e) + ")", e);
        }
    }

    /** The same for a folder that files will be written into: created now if missing. */
    static void requireWritableFolder(Path folder) {
        try {
            AtomicFiles.checkWritableFolder(folder);
        } catch (IOException e) {
            throw new UserFacingException(folder + ": cannot write files into this folder (" + IoMessages.reason(e) + ")", e);
        }
    }
}
