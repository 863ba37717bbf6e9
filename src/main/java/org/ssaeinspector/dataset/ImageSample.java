package org.ssaeinspector.dataset;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One image of a data set with what is known about it.
 *
 * @param path       the image file
 * @param label      good, defective or unknown
 * @param defectType the defect folder name ("good" for good images, empty when unknown)
 * @param mask       the ground-truth mask file, when one exists (non-zero pixels are defective)
 */
public record ImageSample(Path path, Label label, String defectType, Optional<Path> mask) {
    public ImageSample {
        defectType = defectType == null ? "" : defectType;
        mask = mask == null ? Optional.empty() : mask;
    }

    public static ImageSample unlabelled(Path path) {
        return new ImageSample(path, Label.UNKNOWN, "", Optional.empty());
    }
}
