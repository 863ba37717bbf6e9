package org.ssaeinspector.scoring;

import org.ssaeinspector.imageio.FloatImage;

/**
 * The network's view of one image, at the model's resolution.
 *
 * @param score          image score (maximum of the map)
 * @param map            calibrated, smoothed anomaly map at the model's resolution
 * @param input          the image as the network saw it (resized, channels converted)
 * @param reconstruction the network's output: the nearest normal image
 */
public record ScoredImage(float score, AnomalyMap map, FloatImage input, FloatImage reconstruction) {
}
