package org.ssaeinspector.app.interim;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ssaeinspector.app.service.ReportService;
import org.ssaeinspector.scoring.DefectRegion;
import org.ssaeinspector.util.AtomicFiles;

/** Interim CSV report (one row per image). */
public final class InterimReportService implements ReportService {
    @Override
    public void writeCsv(Path csv, List<Entry> entries) throws IOException {
        AtomicFiles.write(csv, out -> {
            CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader("file", "score", "threshold", "flagged", "label",
                            "defect_type", "regions", "largest_region_px", "largest_region_box").build());
            for (Entry e : entries) {
                List<DefectRegion> regions = e.result().regions();
                DefectRegion big = regions.isEmpty() ? null : regions.get(0);
                printer.printRecord(e.result().path(), String.format(Locale.ROOT, "%.6f", e.result().score()),
                        String.format(Locale.ROOT, "%.6f", e.result().threshold()), e.result().flagged(),
                        e.label().csvValue(), e.defectType(), regions.size(), big == null ? 0 : big.areaPx(),
                        big == null ? "" : big.x() + " " + big.y() + " " + big.width() + " " + big.height());
            }
            printer.flush();
        });
    }
}
