package org.ssaeinspector.model;

import java.util.List;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.scoring.ScoredImage;

/**
 * A trained, calibrated SSAE network ready to score images. Thread-safe for scoring (calls are
 * serialised); close it to free native memory.
 */
public final class SsaeModel implements AutoCloseable {
    // Implemented in the engine work: holds the DJL model, the calibration and the header.

    public ModelHeader header() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Default threshold from the header. */
    public double threshold() {
        return header().threshold();
    }

    /** Scores one image of any size and channel count (converted to the model's). */
    public ScoredImage score(FloatImage image) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Scores several images in batches (faster than one by one). */
    public List<ScoredImage> scoreAll(List<FloatImage> images) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The device the network runs on, in words ("CPU", "GPU 0: ..."). */
    public String deviceName() {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public void close() {
    }
}
