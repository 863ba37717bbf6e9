package org.ssaeinspector.scoring;

import org.ssaeinspector.imageio.FloatImage;

/**
 * The network's view of one image, at the model's resolution.
 *
 * @param score          image score (maximum of the map)
 * @param map            calibrated, smoothed anomaly map at the model's resolution
 * @param input          the image as the network saw it (resized, channels converted)
 * @param reconstruction the network's output: the nearest normal image
 * @param pooledStatistics the photo has another shape than the training photos, so its map was
 *                       standardised with statistics pooled over the whole photo rather than
 *                       where on the part each residual is usual ({@link ResidualCalibration#pooledFor})
 */
public record ScoredImage(float score, AnomalyMap map, FloatImage input, FloatImage reconstruction,
                          boolean pooledStatistics) {
    /** A photo scored against the statistics of its own place on the part (or a global calibration). */
    public ScoredImage(float score, AnomalyMap map, FloatImage input, FloatImage reconstruction) {
        this(score, map, input, reconstruction, false);
    }
}
