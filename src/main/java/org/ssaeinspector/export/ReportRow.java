package org.ssaeinspector.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.scoring.DefectRegion;

/**
 * One image's line in the CSV report.
 *
 * @param path        the image file
 * @param score       its anomaly score (model units)
 * @param threshold   the threshold it was judged against
 * @param flagged     whether it was flagged as defective
 * @param label       ground truth when known ({@link Label#UNKNOWN} otherwise)
 * @param defectType  the defect folder name, or empty
 * @param regions     the regions above the threshold (may be empty)
 * @param modelSha256 checksum of the model file that scored it
 * @param heatmap     the heatmap PNG written for it, or null
 */
public record ReportRow(Path path, double score, double threshold, boolean flagged, Label label, String defectType,
                        List<DefectRegion> regions, String modelSha256, Path heatmap) {
    public ReportRow {
        Objects.requireNonNull(path, "path");
        label = label == null ? Label.UNKNOWN : label;
        defectType = defectType == null ? "" : defectType;
        regions = regions == null ? List.of() : List.copyOf(regions);
        modelSha256 = modelSha256 == null ? "" : modelSha256;
    }
}
