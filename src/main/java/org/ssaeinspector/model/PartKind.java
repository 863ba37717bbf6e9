package org.ssaeinspector.model;

/**
 * What the images show, as far as training and calibration care. {@code AUTO} (the default)
 * leaves the calibration to a measurement on held-out good images with synthetic defects
 * ({@link CalibrationChooser}) and only flips horizontally. {@code OBJECT} forces per-pixel
 * calibration (aligned parts in a fixture); {@code TEXTURE} forces one global statistic and adds
 * vertical flips and 90-degree turns to the augmentations.
 */
public enum PartKind {
    AUTO, OBJECT, TEXTURE
}
