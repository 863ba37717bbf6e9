package org.ssaeinspector.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.dataset.SkippedFile;

/**
 * One input of a Spark scoring job as it travels from the driver to an executor: the file (read
 * on the executor: the same path must reach it there), its label from the data-set layout, and,
 * for a file the driver already left out (not an image), why.
 *
 * @param path       the file, as named on the driver (the row's path, as with score)
 * @param file       the same, absolute: what an executor reads, whatever its working folder
 * @param label      ground truth from the folder layout, UNKNOWN otherwise
 * @param defectType the defect folder's name, or empty
 * @param problem    why it is not scored, or null when it is to be scored
 */
record ImageTask(String path, String file, Label label, String defectType, String problem) implements Serializable {
    static ImageTask of(ImageSample sample) {
        return new ImageTask(sample.path().toString(), sample.path().toAbsolutePath().toString(), sample.label(),
                sample.defectType(), null);
    }

    static ImageTask of(SkippedFile skipped) {
        return new ImageTask(skipped.path().toString(), skipped.path().toAbsolutePath().toString(), Label.UNKNOWN, "",
                skipped.reason());
    }

    ImageSample sample() {
        return new ImageSample(Path.of(path), label, defectType, java.util.Optional.empty());
    }
}
