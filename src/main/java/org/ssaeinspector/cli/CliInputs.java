package org.ssaeinspector.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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

    /**
     * Fails before long work starts when an output could not be written: its folder is a file
     * or cannot be created, or the target is a folder.
     */
    static void requireWritableTarget(Path target) {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new UserFacingException(target + ": is a folder, expected a file name");
        }
        Path parent = abs.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new UserFacingException(target + ": cannot be written (" + (parent == null ? "no folder"
                    : Files.isDirectory(parent) ? parent + " is not writable" : parent + " is not a folder") + ")");
        }
    }
}
