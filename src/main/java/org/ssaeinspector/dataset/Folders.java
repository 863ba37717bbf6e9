package org.ssaeinspector.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ssaeinspector.imageio.ImageFiles;

/** Folder-name rules of the data-set layouts. */
final class Folders {
    /** Test sub-folders with these names (any case) hold normal images. */
    static final Set<String> GOOD_NAMES = Set.of("good", "ok");

    private Folders() {
    }

    /**
     * The first of {@code names} that exists as a sub-folder of {@code dir}, matched
     * case-insensitively (so "Train" and "TEST" work on case-sensitive file systems too).
     */
    static Optional<Path> child(Path dir, String... names) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        var entries = ImageFiles.listAll(dir);
        for (String name : names) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && entry.getFileName().toString().equalsIgnoreCase(name)) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    static boolean isGood(Path folder) {
        return GOOD_NAMES.contains(folder.getFileName().toString().toLowerCase(Locale.ROOT));
    }

    static boolean isTest(Path folder) {
        Path name = folder.getFileName();
        return name != null && name.toString().equalsIgnoreCase("test");
    }

    /** Annotation folders: their images are masks, never inputs. */
    static boolean isMaskFolder(Path folder) {
        Path name = folder.getFileName();
        return name != null && (name.toString().equalsIgnoreCase("ground_truth") || name.toString().equalsIgnoreCase("masks"));
    }
}
