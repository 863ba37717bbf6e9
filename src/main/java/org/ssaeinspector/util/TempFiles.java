package org.ssaeinspector.util;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our temporary files: {@code .<name>.<pid>.<random>.ssae-tmp} next to the file they will
 * become. The name says whose they are, so one left behind by a killed process is recognised and
 * removed by the next write of the same file, and nothing else is ever touched.
 */
final class TempFiles {
    static final String SUFFIX = ".ssae-tmp";
    /**
     * A temp file whose process is gone is stale once it is this old: younger ones may belong to a
     * process on another machine sharing the folder, and our writes take seconds.
     */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);
    private static final Pattern OURS = Pattern.compile("\\.(.+)\\.(\\d+)\\.\\d+" + Pattern.quote(SUFFIX));

    private TempFiles() {
    }

    /** A new, empty, owner-only temp file for {@code target} in its folder. */
    static Path create(Path target) throws IOException {
        String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".";
        return Files.createTempFile(target.getParent(), prefix, SUFFIX);
    }

    /** Deletes stale temp files of ours for {@code target}; problems are ignored (it is housekeeping). */
    static void removeStale(Path target) {
        Path folder = target.getParent();
        String name = target.getFileName().toString();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "." + globEscape(name) + ".*" + SUFFIX)) {
            for (Path p : entries) {
                Matcher m = OURS.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(name) && isStale(p, Long.parseLong(m.group(2)))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable folder or a file removed meanwhile: the write itself decides.
        }
    }

    private static boolean isStale(Path temp, long pid) throws IOException {
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return !alive && Files.getLastModifiedTime(temp).toInstant().isBefore(Instant.now().minus(STALE_AFTER));
    }

    private static String globEscape(String s) {
        return s.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }
}
