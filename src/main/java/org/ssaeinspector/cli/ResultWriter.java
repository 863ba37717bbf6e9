package org.ssaeinspector.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.export.CsvReport;
import org.ssaeinspector.export.HeatmapFiles;
import org.ssaeinspector.export.ReportRow;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.util.UserFacingException;

/**
 * Collects per-image results of {@code evaluate} and {@code score}: CSV rows (written once, at
 * the end, atomically) and, when asked, a heatmap PNG per image over the photo.
 */
final class ResultWriter {
    static final double HEATMAP_OPACITY = 0.6;

    private final String modelSha256;
    private final Path csv;
    private final HeatmapFiles.Namer heatmaps;
    private final List<ReportRow> rows = new ArrayList<>();

    ResultWriter(Path modelFile, Path csv, Path mapsDir) {
        this.modelSha256 = DataFingerprint.sha256(modelFile);
        this.csv = csv;
        if (mapsDir != null) {
            CliInputs.requireWritableFolder(mapsDir);
        }
        this.heatmaps = mapsDir == null ? null : new HeatmapFiles.Namer(mapsDir);
    }

    void add(ImageSample sample, InspectionResult result) {
        Path heatmap = null;
        if (heatmaps != null) {
            heatmap = heatmaps.next(sample.path());
            try {
                HeatmapFiles.writeOverlay(heatmap, ImageLoader.load(sample.path()).toBufferedImage(),
                        result.fullSizeMap(), result.threshold(), HEATMAP_OPACITY);
            } catch (ImageLoadException e) {
                heatmap = null; // It was readable moments ago; the CSV row still stands without a map.
            }
        }
        rows.add(new ReportRow(sample.path(), result.score(), result.threshold(), result.flagged(), sample.label(),
                sample.defectType(), result.regions(), modelSha256, heatmap));
    }

    /** Writes the CSV (if one was asked for). */
    void finish() {
        if (csv != null) {
            CsvReport.write(csv, rows);
        }
    }
}
