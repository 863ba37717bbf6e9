package org.ssaeinspector.scoring;

import java.nio.file.Path;
import java.util.List;

/**
 * The verdict on one image file.
 *
 * @param path        the image
 * @param imageWidth  original width
 * @param imageHeight original height
 * @param score       image score
 * @param threshold   threshold it was judged against
 * @param regions     defect regions above the threshold, in original image coordinates
 * @param scored      the network's view (map, input, reconstruction at model resolution)
 */
public record InspectionResult(Path path, int imageWidth, int imageHeight, float score, double threshold,
                               List<DefectRegion> regions, ScoredImage scored) {
    public boolean flagged() {
        return score > threshold;
    }

    /** The anomaly map at the original image size (computed on demand: large). */
    public AnomalyMap fullSizeMap() {
        return scored.map().resize(imageWidth, imageHeight);
    }
}
