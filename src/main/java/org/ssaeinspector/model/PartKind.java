package org.ssaeinspector.model;

/**
 * What the images show. It decides the augmentations (objects photographed in a fixture are
 * only flipped horizontally; textures are also flipped vertically and turned) and how the
 * residual is calibrated (per pixel for aligned objects, one global statistic for textures).
 */
public enum PartKind {
    OBJECT, TEXTURE
}
