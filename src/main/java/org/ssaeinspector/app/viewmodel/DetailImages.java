package org.ssaeinspector.app.viewmodel;

import org.ssaeinspector.scoring.AnomalyMap;

/**
 * The pictures of the detail view as packed ARGB pixels (converted to screen images by the view).
 *
 * @param width          original width
 * @param height         original height
 * @param original       the photo
 * @param reconWidth     reconstruction width (the model's resolution)
 * @param reconHeight    reconstruction height
 * @param reconstruction the network's nearest normal image, or null without a model
 * @param map            anomaly map at the original size, or null without a model
 * @param maskOutline    the ground-truth mask's outline (transparent elsewhere), or null
 */
public record DetailImages(int width, int height, int[] original, int reconWidth, int reconHeight,
                           int[] reconstruction, AnomalyMap map, int[] maskOutline) {
}
