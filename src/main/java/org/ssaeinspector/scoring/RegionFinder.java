package org.ssaeinspector.scoring;

import java.util.List;

/** Connected components of an anomaly map above a threshold (implemented with the evaluation work). */
public final class RegionFinder {
    private RegionFinder() {
    }

    /** 8-connected regions with value strictly above {@code threshold}, largest area first. */
    public static List<DefectRegion> find(AnomalyMap map, float threshold) {
        throw new UnsupportedOperationException("in progress");
    }
}
