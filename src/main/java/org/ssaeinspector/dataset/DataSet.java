package org.ssaeinspector.dataset;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link DataSetScanner} found in a data-set folder.
 *
 * @param name        the folder's name (the MVTec category, e.g. "bottle")
 * @param root        the folder that was scanned
 * @param train       good images to train on, in name order
 * @param test        labelled test images (may be empty)
 * @param skipped     files that were left out, with the reason
 * @param mvtecLayout whether the folder has the MVTec AD layout ({@code train/good}, {@code test/<defect>})
 */
public record DataSet(String name, Path root, List<Path> train, List<ImageSample> test, List<SkippedFile> skipped,
                      boolean mvtecLayout) {
    public DataSet {
        train = List.copyOf(train);
        test = List.copyOf(test);
        skipped = List.copyOf(skipped);
    }

    /** Number of test images with this label. */
    public long testCount(Label label) {
        return test.stream().filter(s -> s.label() == label).count();
    }

    /** Defect folder names of the defective test images, in the order they appear. */
    public List<String> defectTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (ImageSample s : test) {
            if (s.label() == Label.DEFECTIVE) {
                types.add(s.defectType());
            }
        }
        return List.copyOf(types);
    }
}
