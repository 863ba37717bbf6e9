package org.ssaeinspector.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ssaeinspector.samples.SampleImageGenerator;

/**
 * Finds the bundled {@code sample-images} folder: where the installer says
 * ({@code -Dssae.sampleImages}), in the working directory, or beside the application's jar
 * ({@code <jar dir>/../sample-images} for a build, {@code <app dir>/sample-images} for an
 * installed app, whose jar sits in the app dir).
 */
public final class SampleImagesLocator {
    public static final String FOLDER = "sample-images";
    public static final String PROPERTY = "ssae.sampleImages";

    private SampleImagesLocator() {
    }

    public static Optional<Path> find() {
        return find(System.getProperty(PROPERTY), Path.of("").toAbsolutePath(), codeLocation());
    }

    /**
     * What the app opens at start in a found samples folder: the category that shows the tool
     * best ({@link SampleImageGenerator#FIRST_CATEGORY}) when it is there, else the folder
     * itself (whose first data set then opens).
     */
    public static Path openingFolder(Path samples) {
        Path first = samples.resolve(SampleImageGenerator.FIRST_CATEGORY);
        return Files.isDirectory(first) ? first : samples;
    }

    static Optional<Path> find(String configured, Path workingDir, Path codeLocation) {
        return candidates(configured, workingDir, codeLocation).stream().filter(Files::isDirectory).findFirst();
    }

    static List<Path> candidates(String configured, Path workingDir, Path codeLocation) {
        List<Path> out = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            out.add(Path.of(configured));
        }
        out.add(workingDir.resolve(FOLDER));
        if (codeLocation != null) {
            Path dir = Files.isDirectory(codeLocation) ? codeLocation : codeLocation.getParent();
            if (dir != null) {
                out.add(dir.resolve(FOLDER));
                if (dir.getParent() != null) {
                    out.add(dir.getParent().resolve(FOLDER));
                }
            }
        }
        return out;
    }

    /** The jar (or classes folder) this class was loaded from. */
    private static Path codeLocation() {
        try {
            var source = SampleImagesLocator.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
