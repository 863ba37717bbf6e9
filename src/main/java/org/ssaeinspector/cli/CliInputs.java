package org.ssaeinspector.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ssaeinspector.util.UserFacingException;

/** Argument checks shared by the commands, with messages that name the file and the problem. */
final class CliInputs {
    private CliInputs() {
    }

    /** Training images of a data folder: {@code train/good} of an MVTec category, else the folder itself. */
    static List<Path> trainingImages(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException(dir + ": training folder not found");
        }
        Path mvtec = dir.resolve("train").resolve("good");
        Path folder = Files.isDirectory(mvtec) ? mvtec : dir;
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new UserFacingException(folder + ": no images in the training folder");
            }
            return files;
        } catch (IOException e) {
            throw new UserFacingException(folder + ": cannot list the training folder (" + e.getMessage() + ")", e);
        }
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
}
