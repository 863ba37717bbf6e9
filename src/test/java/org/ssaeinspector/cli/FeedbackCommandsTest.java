package org.ssaeinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.testing.InProcessCli;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.export.ComparisonCsv;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.ModelHeader;

/** {@code calibrate}, {@code train --from} and {@code compare} end to end on the washer samples. */
class FeedbackCommandsTest {
    static final Path WASHER = CommandLineTest.WASHER;

    @TempDir
    static Path dir;
    static Path model;
    static String modelSha;

    @BeforeAll
    static void trainTinyModel() {
        model = dir.resolve("washer.ssae");
        InProcessCli.Run r = CommandLineTest.run("train", "--data", WASHER.toString(), "--out", model.toString(),
                "--size", "32", "--width", "16", "--epochs", "1", "--batch", "4");
        assertEquals(0, r.exitCode(), r.err());
        modelSha = DataFingerprint.sha256(model);
    }

    @Test
    void calibrateWritesANewModelWithItsLineageAndLeavesTheOldOne() {
        Path out = dir.resolve("recalibrated.ssae");
        InProcessCli.Run r = CommandLineTest.run("calibrate", "--model", model.toString(), "--good",
                WASHER.resolve("test/good").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Recalibrated with 20 good image(s)"), r.out());
        assertEquals(modelSha, DataFingerprint.sha256(model), "the model given is left as it was");
        ModelHeader before = ModelFile.readHeader(model);
        ModelHeader after = ModelFile.readHeader(out);
        assertEquals(before.heldOutScores().size() + 20, after.heldOutScores().size());
        assertEquals(modelSha, after.lineage().get(0).parentSha256());

        InProcessCli.Run eval = CommandLineTest.run("evaluate", "--model", out.toString(), "--data", WASHER.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("Lineage: recalibrated from model " + modelSha.substring(0, 12) + " with 20 good images"),
                eval.out());
    }

    @Test
    void aModelIsReplacedInPlaceOnlyWhenAsked() throws Exception {
        Path copy = dir.resolve("copy.ssae");
        Files.copy(model, copy);
        InProcessCli.Run refused = CommandLineTest.run("calibrate", "--model", copy.toString(), "--good",
                WASHER.resolve("test/good").toString(), "--out", copy.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--out is the model itself"), refused.err());
        assertEquals(modelSha, DataFingerprint.sha256(copy));
        InProcessCli.Run replaced = CommandLineTest.run("calibrate", "--model", copy.toString(), "--good",
                WASHER.resolve("test/good").toString(), "--out", copy.toString(), "--replace");
        assertEquals(0, replaced.exitCode(), replaced.err());
        assertEquals(1, ModelFile.readHeader(copy).lineage().size());
    }

    @Test
    void trainFromContinuesTheModelAndRefusesShapeOptions() {
        Path out = dir.resolve("further.ssae");
        InProcessCli.Run r = CommandLineTest.run("train", "--from", model.toString(), "--data", WASHER.toString(),
                "--data", WASHER.resolve("test/good").toString(), "--epochs", "1", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Lineage: trained further from model " + modelSha.substring(0, 12) + " with 80 good images"),
                "60 training images of the category and 20 more: " + r.out());
        ModelHeader h = ModelFile.readHeader(out);
        ModelHeader parent = ModelFile.readHeader(model);
        assertEquals(parent.geometry(), h.geometry());
        assertEquals(parent.width(), h.width());
        assertEquals(80, h.trainImageCount() + h.heldOutCount());

        InProcessCli.Run refused = CommandLineTest.run("train", "--from", model.toString(), "--data", WASHER.toString(),
                "--width", "32", "--epochs", "1", "--out", dir.resolve("wide.ssae").toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--width: comes from the model given with --from"), refused.err());
        assertTrue(Files.notExists(dir.resolve("wide.ssae")));
    }

    @Test
    void compareShowsBothModelsAndTheVerdictsThatChange() throws Exception {
        Path candidate = dir.resolve("candidate.ssae");
        assertEquals(0, CommandLineTest.run("calibrate", "--model", model.toString(), "--good",
                WASHER.resolve("test/good").toString(), "--out", candidate.toString()).exitCode());
        Path csv = dir.resolve("changes.csv");
        InProcessCli.Run r = CommandLineTest.run("compare", "--model", model.toString(), "--model", candidate.toString(),
                "--data", WASHER.toString(), "--csv", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("current") && r.out().contains("candidate"), r.out());
        assertTrue(r.out().contains("Image AUROC") && r.out().contains("FPR at threshold"), r.out());
        Matcher m = Pattern.compile("Verdicts that change: (\\d+) \\((\\d+) now flagged, (\\d+) now passed").matcher(r.out());
        assertTrue(m.find(), r.out());
        int changes = Integer.parseInt(m.group(1));
        assertEquals(changes, Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)));
        try (CSVParser p = CSVParser.parse(csv, java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(ComparisonCsv.COLUMNS, p.getHeaderNames());
            List<CSVRecord> rows = p.getRecords();
            assertEquals(changes, rows.size());
            for (CSVRecord row : rows) {
                assertTrue(!row.get("flagged_before").equals(row.get("flagged_after")), row.toString());
                boolean flaggedAfter = Double.parseDouble(row.get("score_after")) > Double.parseDouble(row.get("threshold_after"));
                assertEquals(Boolean.toString(flaggedAfter), row.get("flagged_after"));
            }
        }
        InProcessCli.Run one = CommandLineTest.run("compare", "--model", model.toString(), "--data", WASHER.toString());
        assertEquals(2, one.exitCode());
        assertTrue(one.err().contains("give exactly two models"), one.err());
    }
}
