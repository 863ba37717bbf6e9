package org.ssaeinspector.app.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.scoring.InspectionResult;

/** The CSV report with the command line's columns (the export package does the work). */
public interface ReportService {
    /** One judged image with what the user knows about it. */
    record Entry(InspectionResult result, Label label, String defectType) {
    }

    void writeCsv(Path csv, List<Entry> entries) throws IOException;
}
