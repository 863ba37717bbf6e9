package org.ssaeinspector.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.UserFacingException;

/**
 * The inputs of {@code spark-score} as files and folders: a name that does not exist and holds one
 * of the glob characters (star, question mark, bracket, brace) is a glob such as
 * {@code "archive/2025-*"} or {@code "lines/**.png"} (quoted, so that the shell leaves it to us and
 * no argument list grows past the system's limit), expanded here in path order; anything else is
 * taken as it is.
 */
final class InputPaths {
    private InputPaths() {
    }

    static List<Path> expand(List<String> inputs) {
        List<Path> out = new ArrayList<>();
        for (String input : inputs) {
            if (isGlob(input) && !Files.exists(Path.of(input))) {
                List<Path> matches = matches(input);
                if (matches.isEmpty()) {
                    throw new UserFacingException("No file or folder matches " + input);
                }
                out.addAll(matches);
            } else {
                out.add(Path.of(input));
            }
        }
        return out;
    }

    private static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    /** The files and folders that match, with the pattern's own prefix (relative stays relative). */
    private static List<Path> matches(String pattern) {
        Path whole = Path.of(pattern);
        Path base = whole.getRoot();
        int i = 0;
        for (; i < whole.getNameCount() && !isGlob(whole.getName(i).toString()); i++) {
            base = base == null ? whole.getName(i) : base.resolve(whole.getName(i));
        }
        Path start = base == null ? Path.of("") : base;
        boolean deep = pattern.contains("**");
        int depth = deep ? Integer.MAX_VALUE : whole.getNameCount() - i;
        Path absoluteStart = start.toAbsolutePath().normalize();
        // Matched against the absolute names, so "../x/*" and "/data/*" work alike.
        String absolutePattern = absoluteStart.resolve(whole.subpath(i, whole.getNameCount())).toString();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolutePattern);
        if (!Files.isDirectory(absoluteStart)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(absoluteStart, depth)) {
            return walk.filter(p -> !p.equals(absoluteStart) && matcher.matches(p))
                    .sorted()
                    .map(p -> start.resolve(absoluteStart.relativize(p)))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
            throw new UserFacingException("Cannot list the files that match " + pattern + ": " + IoMessages.reason(cause), e);
        }
    }
}
