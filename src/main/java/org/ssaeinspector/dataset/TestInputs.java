package org.ssaeinspector.dataset;

import java.util.List;

/**
 * Images named on the command line for scoring (files and folders expanded), and what was left out.
 *
 * @param images  the images, in the order given (folders in name order), each once
 * @param skipped files that are not images, with the reason
 */
public record TestInputs(List<ImageSample> images, List<SkippedFile> skipped) {
    public TestInputs {
        images = List.copyOf(images);
        skipped = List.copyOf(skipped);
    }
}
