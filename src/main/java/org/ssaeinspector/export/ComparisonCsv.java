package org.ssaeinspector.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ssaeinspector.evaluation.ModelComparison;
import org.ssaeinspector.util.AtomicFiles;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.UserFacingException;

/** The images whose verdict changes between two models, one row each (cells defused like {@link CsvReport}'s). */
public final class ComparisonCsv {
    public static final List<String> COLUMNS = List.of("path", "label", "defect_type", "score_before", "threshold_before",
            "flagged_before", "score_after", "threshold_after", "flagged_after", "change");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();

    private ComparisonCsv() {
    }

    /** Writes the changed verdicts atomically. */
    public static void write(Path csv, ModelComparison comparison) {
        try {
            AtomicFiles.write(csv, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, FORMAT);
                for (ModelComparison.VerdictChange c : comparison.changes()) {
                    Boolean improves = c.improves();
                    printer.printRecord(CsvReport.text(c.sample().path().toString()),
                            CsvReport.text(c.sample().label().csvValue()), CsvReport.text(c.sample().defectType()),
                            CsvReport.number(c.scoreBefore()), CsvReport.number(comparison.before().modelThreshold()),
                            Boolean.toString(!c.flaggedAfter()), CsvReport.number(c.scoreAfter()),
                            CsvReport.number(comparison.after().modelThreshold()), Boolean.toString(c.flaggedAfter()),
                            improves == null ? "" : improves ? "fixed" : "broken");
                }
                printer.flush();
            });
        } catch (IOException e) {
            throw new UserFacingException("Cannot write the comparison " + csv + ": " + IoMessages.reason(e), e);
        }
    }
}
