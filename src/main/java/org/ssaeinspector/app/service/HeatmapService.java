package org.ssaeinspector.app.service;

import java.io.IOException;
import java.nio.file.Path;
import org.ssaeinspector.scoring.InspectionResult;

/** Heatmap colours and heatmap image files (the export package does the work). */
public interface HeatmapService {
    ColourScale scale(double threshold);

    /** Writes the photo with the heatmap overlaid as a PNG, atomically. */
    void writeOverlayPng(InspectionResult result, java.awt.image.BufferedImage photo, Path png) throws IOException;
}
