package org.ssaeinspector.app.service;

import org.ssaeinspector.scoring.AnomalyMap;

/**
 * The score of one image for the gallery.
 *
 * @param score       image score (model units)
 * @param imageWidth  width of the file's image
 * @param imageHeight height of the file's image
 * @param map         anomaly map at the model's resolution (plain floats, safe on any thread)
 */
public record ImageScore(float score, int imageWidth, int imageHeight, AnomalyMap map) {
}
