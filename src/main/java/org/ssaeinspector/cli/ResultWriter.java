package org.ssaeinspector.cli;

import java.nio.file.Path;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.export.CsvReport;
import org.ssaeinspector.export.HeatmapFiles;
import org.ssaeinspector.export.HeatmapRenderer;
import org.ssaeinspector.export.ReportRow;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.util.UserFacingException;

/**
 * Per-image results of {@code evaluate} and {@code score}: CSV rows streamed to disk as they come
 * (see {@link CsvReport#open}) and, when asked, a heatmap PNG per image over the photo. A heatmap
 * that cannot be written is that row's problem, not the run's.
 */
final class ResultWriter implements AutoCloseable {
    private final String modelSha256;
    private final HeatmapFiles.Namer heatmaps;
    private final CsvReport.Stream csv;

    ResultWriter(Path modelFile, Path csv, Path mapsDir) {
        this.modelSha256 = DataFingerprint.sha256(modelFile);
        if (mapsDir != null) {
            CliInputs.requireWritableFolder(mapsDir);
        }
        this.heatmaps = mapsDir == null ? null : new HeatmapFiles.Namer(mapsDir);
        this.csv = csv == null ? null : CsvReport.open(csv);
    }

    void add(ImageSample sample, InspectionResult result) {
        Path heatmap = null;
        String problem = "";
        if (heatmaps != null) {
            heatmap = heatmaps.next(sample.path());
            try {
                HeatmapFiles.writeOverlay(heatmap, ImageLoader.load(sample.path()).toBufferedImage(),
                        result.fullSizeMap(), result.threshold(), HeatmapRenderer.OVERLAY_OPACITY);
            } catch (ImageLoadException e) {
                heatmap = null;
                problem = "heatmap not written: the image became unreadable (" + e.problem() + ")";
            } catch (UserFacingException e) {
                heatmap = null;
                problem = "heatmap not written: " + e.getMessage();
            } catch (OutOfMemoryError e) {
                heatmap = null;
                problem = "heatmap not written: the photo is too large for the available memory at full size";
            }
        }
        write(ReportRow.scored(sample, result, modelSha256, heatmap, problem));
    }

    /** A row for an image that was inspected but could not be scored. */
    void addUnscored(ImageSample sample, double threshold, String problem) {
        write(ReportRow.unscored(sample.path(), threshold, sample.label(), sample.defectType(), modelSha256, problem));
    }

    private void write(ReportRow row) {
        if (csv != null) {
            csv.add(row);
        }
    }

    /** Where the CSV rows are until {@link #finish()} (null without a CSV). */
    Path writingTo() {
        return csv == null ? null : csv.writingTo();
    }

    /** Puts the complete CSV (if one was asked for) in place. */
    void finish() {
        if (csv != null) {
            csv.commit();
        }
    }

    /** Without {@link #finish()}, the rows so far stay in the partial file. */
    @Override
    public void close() {
        if (csv != null) {
            try {
                csv.close();
            } catch (java.io.IOException e) {
                // The rows written so far are on disk already; closing adds nothing to keep.
            }
        }
    }
}
