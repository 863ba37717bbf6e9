package org.ssaeinspector.app.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A project file as JSON: image paths relative to the project file where possible, so a
 * project folder can be moved with its images.
 *
 * @param format    file format version
 * @param name      project name
 * @param model     the .ssae model file, or null
 * @param threshold the chosen threshold, or null for the model's
 * @param training  good training images
 * @param test      test images with labels
 * @param gallery   how the gallery was shown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectDocument(int format, String name, String model, Double threshold, List<String> training,
                              List<TestImage> test, GalleryState gallery) {
    public static final int FORMAT = 1;

    public ProjectDocument {
        training = training == null ? List.of() : training;
        test = test == null ? List.of() : test;
    }

    /**
     * One test image.
     *
     * @param path        the image
     * @param label       label from its folder: good, defective or empty
     * @param manualLabel label set by hand, or null
     * @param defectType  defect folder name
     * @param mask        ground-truth mask, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TestImage(String path, String label, String manualLabel, String defectType, String mask) {
    }

    /** Gallery settings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GalleryState(String set, String filter, String sort, double overlayOpacity) {
    }
}
