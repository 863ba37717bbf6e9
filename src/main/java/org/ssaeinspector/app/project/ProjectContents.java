package org.ssaeinspector.app.project;

import java.nio.file.Path;
import java.util.List;

/**
 * A project file with every path entry checked and decoded ({@link ProjectEntries}), so that
 * applying it to the open project cannot fail half-way.
 *
 * @param name      project name, or null
 * @param model     the model file, or null
 * @param threshold the chosen threshold, or NaN for the model's
 * @param training  good training images
 * @param test      test images
 * @param gallery   how the gallery was shown, or null
 */
public record ProjectContents(String name, Path model, double threshold, List<Path> training, List<Test> test,
                              ProjectDocument.GalleryState gallery) {
    /** One test image; {@code mask} may be null. */
    public record Test(Path path, String label, String manualLabel, String defectType, Path mask) {
    }
}
