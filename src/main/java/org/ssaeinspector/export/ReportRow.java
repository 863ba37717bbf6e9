package org.ssaeinspector.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.scoring.DefectRegion;
import org.ssaeinspector.scoring.InspectionResult;

/**
 * One image's line in the CSV report.
 *
 * @param path        the image file
 * @param score       its anomaly score (model units)
 * @param threshold   the threshold it was judged against
 * @param flagged     whether it was flagged as defective
 * @param label       ground truth when known ({@link Label#UNKNOWN} otherwise)
 * @param defectType  the defect folder name, or empty; always empty for a good part (its folder,
 *                    "good", names no defect)
 * @param regions     the regions above the threshold (may be empty)
 * @param modelSha256 checksum of the model file that scored it
 * @param heatmap     the heatmap PNG written for it, or null
 * @param problem     what went wrong with this image, or empty: an image that could not be scored
 *                    (unreadable, out of memory) has a NaN score; a scored image may still have one
 *                    (its heatmap could not be written)
 * @param anotherShape the photo has another shape than the training photos and was judged against
 *                    the calibration's pooled statistics ({@code ScoredImage.pooledStatistics})
 */
public record ReportRow(Path path, double score, double threshold, boolean flagged, Label label, String defectType,
                        List<DefectRegion> regions, String modelSha256, Path heatmap, String problem,
                        boolean anotherShape) {
    public ReportRow {
        Objects.requireNonNull(path, "path");
        label = label == null ? Label.UNKNOWN : label;
        defectType = defectType == null || label == Label.GOOD ? "" : defectType;
        regions = regions == null ? List.of() : List.copyOf(regions);
        modelSha256 = modelSha256 == null ? "" : modelSha256;
        problem = problem == null ? "" : problem;
    }

    /** A row of a photo of the training photos' shape (or one not scored). */
    public ReportRow(Path path, double score, double threshold, boolean flagged, Label label, String defectType,
                     List<DefectRegion> regions, String modelSha256, Path heatmap, String problem) {
        this(path, score, threshold, flagged, label, defectType, regions, modelSha256, heatmap, problem, false);
    }

    /** A scored image without a problem. */
    public ReportRow(Path path, double score, double threshold, boolean flagged, Label label, String defectType,
                     List<DefectRegion> regions, String modelSha256, Path heatmap) {
        this(path, score, threshold, flagged, label, defectType, regions, modelSha256, heatmap, "");
    }

    /** The row of a scored image: its verdict, and where its heatmap went (or why not: {@code problem}). */
    public static ReportRow scored(ImageSample sample, InspectionResult result, String modelSha256, Path heatmap,
                                   String problem) {
        return new ReportRow(sample.path(), result.score(), result.threshold(), result.flagged(), sample.label(),
                sample.defectType(), result.regions(), modelSha256, heatmap, problem, result.scored().pooledStatistics());
    }

    /** An image that was inspected but could not be scored, and why. */
    public static ReportRow unscored(Path path, double threshold, Label label, String defectType, String modelSha256,
                                     String problem) {
        return new ReportRow(path, Double.NaN, threshold, false, label, defectType, List.of(), modelSha256, null, problem);
    }

    /** The box around all regions as {x, y, width, height} in photo pixels, or null without regions. */
    public int[] box() {
        if (regions.isEmpty()) {
            return null;
        }
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (DefectRegion r : regions) {
            x0 = Math.min(x0, r.x());
            y0 = Math.min(y0, r.y());
            x1 = Math.max(x1, r.x() + r.width());
            y1 = Math.max(y1, r.y() + r.height());
        }
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }

    /** The summed area of the regions, in photo pixels. */
    public long defectAreaPx() {
        long area = 0;
        for (DefectRegion r : regions) {
            area += r.areaPx();
        }
        return area;
    }

    public boolean scored() {
        return !Double.isNaN(score);
    }
}
