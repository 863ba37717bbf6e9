package org.ssaeinspector.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.scoring.DefectRegion;
import org.ssaeinspector.util.UserFacingException;

class CsvReportTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path dir;

    private static ReportRow row(String path, double score, List<DefectRegion> regions) {
        return new ReportRow(Path.of(path), score, 0.25, score > 0.25, Label.DEFECTIVE, "crack", regions, SHA, null);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    private static String render(List<ReportRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        CsvReport.write(sb, rows);
        return sb.toString();
    }

    @Test
    void headerHasExactlyTheDocumentedColumnsInOrder() throws IOException {
        String csv = render(List.of());
        assertEquals("path,score,threshold,flagged,label,defect_type,regions,bbox_x,bbox_y,bbox_w,bbox_h,defect_area_px,model_sha256,heatmap,problem,another_shape\n", csv);
    }

    @Test
    void rowWithRegionsGivesTheirBoundingBoxAndTotalArea() throws IOException {
        List<DefectRegion> regions = List.of(new DefectRegion(10, 20, 5, 5, 17, 0.9f), new DefectRegion(40, 8, 10, 4, 30, 0.5f));
        ReportRow r = new ReportRow(Path.of("imgs/a.png"), 0.3125, 0.25, true, Label.DEFECTIVE, "crack", regions, SHA,
                Path.of("out/a_heatmap.png"));
        CSVRecord rec = parse(render(List.of(r))).get(0);
        assertEquals("imgs/a.png", rec.get("path"));
        assertEquals("0.3125", rec.get("score"));
        assertEquals("0.25", rec.get("threshold"));
        assertEquals("true", rec.get("flagged"));
        assertEquals("defective", rec.get("label"));
        assertEquals("crack", rec.get("defect_type"));
        assertEquals("2", rec.get("regions"));
        assertEquals("10", rec.get("bbox_x"));
        assertEquals("8", rec.get("bbox_y"));
        assertEquals("40", rec.get("bbox_w")); // 10 .. 50
        assertEquals("17", rec.get("bbox_h")); // 8 .. 25
        assertEquals("47", rec.get("defect_area_px"));
        assertEquals(SHA, rec.get("model_sha256"));
        assertEquals("out/a_heatmap.png", rec.get("heatmap"));
    }

    @Test
    void rowWithoutRegionsHasEmptyBoxAndUnknownLabelIsEmpty() throws IOException {
        ReportRow r = new ReportRow(Path.of("b.png"), 0.1, 0.25, false, Label.UNKNOWN, null, List.of(), SHA, null);
        CSVRecord rec = parse(render(List.of(r))).get(0);
        assertEquals("false", rec.get("flagged"));
        assertEquals("", rec.get("label"));
        assertEquals("", rec.get("defect_type"));
        assertEquals("0", rec.get("regions"));
        for (String c : List.of("bbox_x", "bbox_y", "bbox_w", "bbox_h", "heatmap")) {
            assertEquals("", rec.get(c), c);
        }
        assertEquals("0", rec.get("defect_area_px"));
        ReportRow good = new ReportRow(Path.of("c.png"), 0.1, 0.25, false, Label.GOOD, "good", null, SHA, null);
        CSVRecord goodRec = parse(render(List.of(good))).get(0);
        assertEquals("good", goodRec.get("label"));
        assertEquals("", goodRec.get("defect_type"), "a good part has no defect type (its folder is 'good')");
    }

    @Test
    void anUnscoredImageHasItsProblemAndEmptyScoreCells() throws IOException {
        ReportRow r = ReportRow.unscored(Path.of("broken.png"), 0.25, Label.GOOD, "good", SHA, "truncated PNG");
        CSVRecord rec = parse(render(List.of(r))).get(0);
        for (String c : List.of("score", "flagged", "regions", "bbox_x", "defect_area_px", "heatmap", "another_shape")) {
            assertEquals("", rec.get(c), c);
        }
        assertEquals("0.25", rec.get("threshold"));
        assertEquals("good", rec.get("label"));
        assertEquals("", rec.get("defect_type"));
        assertEquals("truncated PNG", rec.get("problem"));
        ReportRow scoredWithProblem = new ReportRow(Path.of("a.png"), 0.5, 0.25, true, Label.UNKNOWN, "", List.of(), SHA,
                null, "=heatmap not written");
        CSVRecord rec2 = parse(render(List.of(scoredWithProblem))).get(0);
        assertEquals("0.5", rec2.get("score"));
        assertEquals("true", rec2.get("flagged"));
        assertEquals("'=heatmap not written", rec2.get("problem"), "the problem cell is text, defused like the others");
        assertEquals("", parse(render(List.of(row("c.png", 0.1, List.of())))).get(0).get("problem"));
    }

    @Test
    void aPhotoJudgedAgainstPooledStatisticsSaysSoInItsRow() throws IOException {
        ReportRow strip = new ReportRow(Path.of("strip.png"), 3.5, 0.25, true, Label.UNKNOWN, "", List.of(), SHA, null, "", true);
        List<CSVRecord> rows = parse(render(List.of(strip, row("square.png", 0.1, List.of()))));
        assertEquals("true", rows.get(0).get("another_shape"));
        assertEquals("false", rows.get(1).get("another_shape"));
    }

    /** A hot folder's report from before the another_shape column is read and appended to in its own columns. */
    @Test
    void aReportWrittenBeforeTheShapeColumnKeepsItsColumns() throws IOException {
        Path csv = dir.resolve("old.csv");
        Files.writeString(csv, String.join(",", CsvReport.COLUMNS_BEFORE_SHAPE) + "\n"
                + "/in/a.png,0.5,0.25,true,,,0,,,,,0," + SHA + ",,\n");
        List<CsvReport.Recorded> seen = new java.util.ArrayList<>();
        try (CsvReport.Appender a = CsvReport.appendTo(csv, seen::add)) {
            a.add(new ReportRow(Path.of("/in/strip.png"), 3.5, 0.25, true, Label.UNKNOWN, "", List.of(), SHA, null, "", true));
        }
        assertEquals(List.of(new CsvReport.Recorded("/in/a.png", true, true, "")), seen);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", CsvReport.COLUMNS_BEFORE_SHAPE), lines.get(0), "the header is left as it was");
        assertEquals(3, lines.size());
        assertEquals(CsvReport.COLUMNS_BEFORE_SHAPE.size(), parse(String.join("\n", lines)).get(1).size(),
                "the new row has the old report's cells: " + lines.get(2));
        List<CsvReport.Recorded> all = new java.util.ArrayList<>();
        CsvReport.read(csv, all::add);
        assertEquals(2, all.size());
    }

    @Test
    void aStreamedReportHasEachRowOnDiskAtOnceAndKeepsThemWhenTheRunEndsEarly() throws IOException {
        Path csv = Files.writeString(dir.resolve("long-run.csv"), "previous report");
        try (CsvReport.Stream s = CsvReport.open(csv)) {
            s.add(row("one.png", 0.1, List.of()));
            s.add(row("two.png", 0.2, List.of()));
            assertEquals(dir.resolve("long-run.csv.partial"), s.writingTo());
            assertEquals(2, parse(Files.readString(s.writingTo())).size(), "rows are on disk while the run goes on");
            // The run stops here (no commit).
        }
        assertEquals("previous report", Files.readString(csv));
        List<CSVRecord> kept = parse(Files.readString(dir.resolve("long-run.csv.partial")));
        assertEquals(List.of("one.png", "two.png"), kept.stream().map(r -> r.get("path")).toList());

        try (CsvReport.Stream s = CsvReport.open(csv)) {
            s.add(row("all.png", 0.3, List.of()));
            s.commit();
        }
        assertEquals("all.png", parse(Files.readString(csv)).get(0).get("path"));
        assertEquals(List.of(csv), listFiles(dir), "the partial file became the report");
    }

    @Test
    void textCellsThatLookLikeFormulasAreDefusedButNumbersAreNot() throws IOException {
        String[] dangerous = {"=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"};
        for (String d : dangerous) {
            assertEquals("'" + d, CsvReport.text(d));
        }
        assertEquals("normal.png", CsvReport.text("normal.png"));
        assertEquals("a=b", CsvReport.text("a=b"));
        assertEquals("", CsvReport.text(""));

        ReportRow r = new ReportRow(Path.of("=cmd|' /C calc'!A0.png"), -0.5, 0.25, false, Label.DEFECTIVE, "@evil",
                List.of(), "+sha", Path.of("-heat.png"));
        CSVRecord rec = parse(render(List.of(r))).get(0);
        assertEquals("'=cmd|' /C calc'!A0.png", rec.get("path"));
        assertEquals("-0.5", rec.get("score")); // a negative number stays a number
        assertEquals("'@evil", rec.get("defect_type"));
        assertEquals("'+sha", rec.get("model_sha256"));
        assertEquals("'-heat.png", rec.get("heatmap"));
    }

    @Test
    void numbersArePlainDecimalsWithSixSignificantDigits() {
        assertEquals("0.00012", CsvReport.number(1.2e-4));
        assertEquals("12345700000", CsvReport.number(1.2345678901e10));
        assertEquals("0.123457", CsvReport.number(0.12345678901234566));
        assertEquals("254.384", CsvReport.number(254.38412345));
        assertEquals("-9.45", CsvReport.number(-9.45));
        assertEquals("1", CsvReport.number(1.0));
        assertEquals("0", CsvReport.number(0.0));
        assertEquals("-0.5", CsvReport.number(-0.5));
        assertEquals("NaN", CsvReport.number(Double.NaN));
        assertEquals("Infinity", CsvReport.number(Double.POSITIVE_INFINITY));
        assertEquals("'-Infinity", CsvReport.number(Double.NEGATIVE_INFINITY));
        Random random = new Random(9);
        for (int i = 0; i < 1000; i++) {
            double v = random.nextDouble() * Math.pow(10, random.nextInt(20) - 12);
            String s = CsvReport.number(v);
            assertEquals(v, Double.parseDouble(s), 5e-6 * v, s);
            assertTrue(!s.contains("E"), s);
            assertTrue(new java.math.BigDecimal(s).stripTrailingZeros().precision() <= CsvReport.DIGITS, s);
        }
    }

    @Test
    void awkwardPathsSurviveTheRoundTrip() throws IOException {
        String path = "dir, with \"quotes\"/naïve\nline.png";
        CSVRecord rec = parse(render(List.of(row(path, 0.5, List.of())))).get(0);
        assertEquals(path, rec.get("path"));
    }

    @Test
    void writesAtomicallyToAFileAndReplacesAnOldReport() throws IOException {
        Path csv = dir.resolve("sub/report.csv");
        CsvReport.write(csv, List.of(row("a.png", 0.1, List.of())));
        CsvReport.write(csv, List.of(row("b.png", 0.2, List.of()), row("ü.png", 0.3, List.of())));
        List<CSVRecord> recs = parse(Files.readString(csv, StandardCharsets.UTF_8));
        assertEquals(2, recs.size());
        assertEquals("ü.png", recs.get(1).get("path"));
        assertEquals(List.of(csv), listFiles(csv.getParent()));
    }

    @Test
    void failureWhileWritingLeavesTheOldReportAndNoTemporaryFile() throws IOException {
        Path csv = dir.resolve("report.csv");
        CsvReport.write(csv, List.of(row("old.png", 0.1, List.of())));
        String before = Files.readString(csv);
        List<ReportRow> failing = new AbstractList<>() {
            @Override
            public ReportRow get(int index) {
                if (index == 1) {
                    throw new IllegalStateException("scoring was cancelled");
                }
                return row("new.png", 0.2, List.of());
            }

            @Override
            public int size() {
                return 3;
            }
        };
        assertThrows(IllegalStateException.class, () -> CsvReport.write(csv, failing));
        assertEquals(before, Files.readString(csv));
        assertEquals(List.of(csv), listFiles(dir));
    }

    @Test
    void unwritableTargetsAreUserErrorsNamingThePath() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("report.csv"));
        UserFacingException e1 = assertThrows(UserFacingException.class, () -> CsvReport.write(folder, List.of()));
        assertEquals("Cannot write the CSV report " + folder + ": it is a folder, expected a file name", e1.getMessage());

        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        Path inside = blocker.resolve("report.csv");
        UserFacingException e2 = assertThrows(UserFacingException.class, () -> CsvReport.write(inside, List.of()));
        assertTrue(e2.getMessage().startsWith("Cannot write the CSV report " + inside + ": "), e2.getMessage());
        assertEquals(List.of(blocker, folder), listFiles(dir));
        assertEquals(List.of(), listFiles(folder));
    }

    private static List<Path> listFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void anAppendedReportKeepsItsRowsAcrossOpeningsDropsATornRowAndRefusesAnotherCsv() throws IOException {
        Path csv = dir.resolve("line.csv");
        List<CsvReport.Recorded> seen = new java.util.ArrayList<>();
        try (CsvReport.Appender a = CsvReport.appendTo(csv, seen::add)) {
            a.add(row("/in/a.png", 0.5, List.of(new DefectRegion(1, 2, 3, 4, 5, 0.6f))));
            a.add(ReportRow.unscored(Path.of("/in/b.txt"), 0.25, Label.UNKNOWN, "", SHA, "not an image file"));
        }
        assertEquals(List.of(), seen, "a new file has no rows");
        Files.writeString(csv, "=/in/c.png,0.1", java.nio.file.StandardOpenOption.APPEND); // a crash in mid-row
        try (CsvReport.Appender a = CsvReport.appendTo(csv, seen::add)) {
            a.add(row("=/in/d.png", 0.1, List.of()));
        }
        assertEquals(List.of(new CsvReport.Recorded("/in/a.png", true, true, ""),
                new CsvReport.Recorded("/in/b.txt", false, false, "not an image file")), seen);
        List<CsvReport.Recorded> all = new java.util.ArrayList<>();
        CsvReport.read(csv, all::add);
        assertEquals(3, all.size());
        assertEquals(new CsvReport.Recorded("=/in/d.png", true, false, ""), all.get(2), "a defused path reads back as it was");
        String text = Files.readString(csv);
        assertTrue(text.startsWith("path,score,"), text);
        assertEquals(1, text.split("path,score,", -1).length - 1, "one header");
        assertEquals(4, parse(text).size() + 1, "the torn row is gone: " + text);

        Path foreign = Files.writeString(dir.resolve("other.csv"), "a,b\n1,2\n");
        UserFacingException e = assertThrows(UserFacingException.class, () -> CsvReport.appendTo(foreign, r -> { }));
        assertTrue(e.getMessage().contains("not a report of this program"), e.getMessage());
        assertEquals("a,b\n1,2\n", Files.readString(foreign));
    }
}
