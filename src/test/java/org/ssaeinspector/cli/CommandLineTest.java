package org.ssaeinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.testing.ForkedCli;
import org.ssaeinspector.testing.InProcessCli;
import org.ssaeinspector.testing.InProcessCli.Run;
import org.ssaeinspector.testing.LargePng;
import org.ssaeinspector.testing.SpecialFiles;
import org.ssaeinspector.testing.SyntheticImages;
import org.ssaeinspector.util.AppInfo;
import org.ssaeinspector.util.Json;

/** The command line end to end, in process, on the bundled sample images. */
class CommandLineTest {
    static final Path WASHER = Path.of("sample-images", "washer");

    @TempDir
    static Path dir;
    static Path model;

    static Run run(String... args) {
        return InProcessCli.run(args);
    }

    @BeforeAll
    static void trainTinyModel() throws Exception {
        model = dir.resolve("washer.ssae");
        Run r = run("train", "--data", WASHER.toString(), "--out", model.toString(), "--size", "32", "--width", "16",
                "--epochs", "1", "--batch", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Wrote " + model), r.out());
        assertTrue(r.out().contains("\nThreshold: drawn as "), "says what drew the threshold: " + r.out());
        assertTrue(Files.size(model) > 1000);
    }

    @Test
    void versionIsPrinted() {
        Run r = run("--version");
        assertEquals(0, r.exitCode());
        assertEquals(AppInfo.NAME + " " + AppInfo.version(), r.out().trim());
    }

    @Test
    void evaluateAtAnotherFalseRejectRateUsesTheHeldOutScoresAndSaysSo() {
        Run r = run("evaluate", "--model", model.toString(), "--data", WASHER.toString(), "--false-reject-rate", "0.3");
        assertEquals(0, r.exitCode(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "Threshold for a false-reject rate of 30 % on the (\\d+) held-out good images: ([0-9.]+) "
                        + "\\(the model's own: ([0-9.]+)\\); it rejects (\\d+) of them").matcher(r.out());
        assertTrue(m.find(), r.out());
        int held = Integer.parseInt(m.group(1));
        int rejected = Integer.parseInt(m.group(4));
        assertTrue(rejected <= Math.floor(0.3 * held), rejected + " of " + held);
        assertTrue(r.out().contains("Model threshold      " + m.group(2) + " "), "evaluated at it: " + r.out());
        assertTrue(Double.parseDouble(m.group(2)) < Double.parseDouble(m.group(3)), "30 % sits below the 1 % threshold");
        assertTrue(r.out().contains("Threshold: drawn as the empirical quantile of the " + held + " held-out scores"),
                "30 % of the held-out images is a rate they can show: " + r.out());

        Run bad = run("evaluate", "--model", model.toString(), "--data", WASHER.toString(), "--false-reject-rate", "0.7");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--false-reject-rate must be greater than 0 and less than 0.5, was 0.7"), bad.err());
    }

    @Test
    void evaluateWritesMetricsCsvJsonAndHeatmaps() throws Exception {
        Path csv = dir.resolve("eval.csv");
        Path json = dir.resolve("eval.json");
        Path maps = dir.resolve("maps");
        Run r = run("evaluate", "--model", model.toString(), "--data", WASHER.toString(), "--csv", csv.toString(),
                "--json", json.toString(), "--maps", maps.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Image AUROC"), r.out());
        assertTrue(r.out().contains("Pixel AUROC"), r.out());
        assertTrue(r.out().contains("Region box IoU"), r.out());
        List<CSVRecord> rows = csvRows(csv);
        assertEquals(40, rows.size(), "20 good + 20 defective washer test images");
        assertEquals(40, rows.stream().filter(x -> Files.exists(Path.of(x.get("heatmap")))).count());
        assertEquals(20, rows.stream().filter(x -> x.get("label").equals("defective")).count());
        var metrics = Json.mapper().readTree(json.toFile());
        double auroc = metrics.get("imageAuroc").asDouble();
        assertTrue(auroc >= 0 && auroc <= 1, "image AUROC " + auroc);
        assertEquals(40, metrics.get("images").asInt());
    }

    @Test
    void scoreSkipsBadFilesNamingThemAndWritesTheRest() throws Exception {
        Path input = dir.resolve("incoming");
        Files.createDirectories(input);
        Files.copy(WASHER.resolve("test/good/000.png"), input.resolve("a.png"));
        Files.copy(WASHER.resolve("test/scratch/000.png"), input.resolve("b.png"));
        Files.writeString(input.resolve("broken.png"), "not a png");
        Files.createFile(input.resolve("empty.jpg"));
        Path csv = dir.resolve("score.csv");
        Run r = run("score", "--model", model.toString(), "--threshold", "0", "--csv", csv.toString(), input.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("broken.png"), r.err());
        assertTrue(r.err().contains("empty.jpg"), r.err());
        List<CSVRecord> rows = csvRows(csv);
        assertEquals(4, rows.size(), "every input is a row, the unreadable ones with their problem");
        for (CSVRecord row : rows) {
            assertEquals("0", row.get("threshold"));
            assertEquals(64, row.get("model_sha256").length());
            assertEquals("", row.get("label"), "unlabelled folder");
        }
        assertEquals(2, rows.stream().filter(x -> x.get("problem").isEmpty() && !x.get("score").isEmpty()).count());
        CSVRecord broken = rows.stream().filter(x -> x.get("path").endsWith("broken.png")).findFirst().orElseThrow();
        assertEquals("", broken.get("score"));
        assertFalse(broken.get("problem").isEmpty());
        assertTrue(r.out().contains("Scored 2 image(s)"), r.out());
        assertFalse(Files.exists(dir.resolve("score.csv.partial")));
    }

    /**
     * A model that knows where on the part residuals are usual (per-pixel, fixed by --kind object)
     * scores a strip cut from a part against its pooled statistics, and says so; a photo of the
     * training shape gets no such note.
     */
    @Test
    void aPhotoOfAnotherShapeIsNamedInTheNoteOfScoreAndEvaluate() throws Exception {
        Path objectModel = dir.resolve("washer-object.ssae");
        Run trained = run("train", "--data", WASHER.toString(), "--out", objectModel.toString(), "--size", "32", "--width", "16",
                "--epochs", "1", "--batch", "4", "--kind", "object");
        assertEquals(0, trained.exitCode(), trained.err());
        Path input = Files.createDirectories(dir.resolve("shapes"));
        Files.copy(WASHER.resolve("test/good/000.png"), input.resolve("square.png"));
        java.awt.image.BufferedImage part = javax.imageio.ImageIO.read(WASHER.resolve("test/good/001.png").toFile());
        javax.imageio.ImageIO.write(part.getSubimage(0, 0, part.getWidth(), part.getHeight() / 3), "png",
                input.resolve("strip.png").toFile());

        Run r = run("score", "--model", objectModel.toString(), "--csv", dir.resolve("shapes.csv").toString(), input.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Note: 1 of 2 image(s) have another shape than the training photos"), r.out());
        for (org.apache.commons.csv.CSVRecord rec : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(dir.resolve("shapes.csv"))).getRecords()) {
            assertEquals(String.valueOf(rec.get("path").endsWith("strip.png")), rec.get("another_shape"), rec.toString());
        }

        Run square = run("score", "--model", objectModel.toString(), "--csv", dir.resolve("square.csv").toString(),
                input.resolve("square.png").toString());
        assertEquals(0, square.exitCode(), square.err());
        assertFalse(square.out().contains("another shape"), square.out());
    }

    @Test
    void scoreWritesThroughASymlinkedCsvAndIntoAFifo() throws Exception {
        Path real = Files.writeString(dir.resolve("real-report.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("linked.csv"), real);
        Run r = run("score", "--model", model.toString(), "--csv", link.toString(), WASHER.resolve("test/good/000.png").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(1, csvRows(real).size());

        Path fifo = dir.resolve("pipe.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(SpecialFiles.mkfifo(fifo));
        var reader = SpecialFiles.readAll(fifo);
        Run viaFifo = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2),
                () -> run("score", "--model", model.toString(), "--csv", fifo.toString(),
                        WASHER.resolve("test/good/000.png").toString()));
        assertEquals(0, viaFifo.exitCode(), viaFifo.err());
        assertTrue(reader.get().startsWith("path,score,"), "the CSV came through the FIFO");
        assertFalse(Files.isRegularFile(fifo), "still a FIFO");
    }

    @Test
    void unwritableOutputsAreRefusedBeforeAnyWork() throws Exception {
        Path locked = Files.writeString(dir.resolve("locked.csv"), "keep");
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        Run r = run("score", "--model", model.toString(), "--csv", locked.toString(), WASHER.resolve("test/good").toString());
        assertCleanFailure(r, locked + ": cannot be written (the file is read-only)");
        assertEquals("keep", Files.readString(locked));
        assertEquals("", r.out(), "nothing was scored");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertCleanFailure(run("evaluate", "--model", model.toString(), "--data", WASHER.toString(),
                    "--json", "/proc/x.json"), "/proc/x.json: cannot be written");
        }
        Path blocker = Files.writeString(dir.resolve("maps-blocker"), "x");
        assertCleanFailure(run("score", "--model", model.toString(), "--csv", dir.resolve("m.csv").toString(),
                "--maps", blocker.resolve("maps").toString(), WASHER.resolve("test/good").toString()), "maps-blocker");
        assertCleanFailure(run("benchmark", "--data", WASHER.toString(), "--epochs", "1",
                "--model-out", blocker.resolve("m.ssae").toString()), "maps-blocker");
        assertFalse(Files.exists(dir.resolve("m.csv")));
    }

    @Test
    void aRunInWhichNothingCouldBeScoredFailsButListsEveryInput() throws Exception {
        Path input = Files.createDirectories(dir.resolve("all-bad"));
        Files.writeString(input.resolve("x.png"), "not a png");
        Files.write(input.resolve("y.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
        Path csv = dir.resolve("all-bad.csv");
        Run r = run("score", "--model", model.toString(), "--csv", csv.toString(), input.toString());
        assertEquals(SsaeCommandLine.EXIT_USAGE, r.exitCode(), r.err());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("error: none of the 2 image(s) could be scored"), r.err());
        assertEquals(2, lines.stream().filter(l -> l.startsWith("warning: skipped")).count(), r.err());
        List<CSVRecord> rows = csvRows(csv);
        assertEquals(2, rows.size());
        assertTrue(rows.stream().noneMatch(x -> x.get("problem").isEmpty()));
    }

    @Test
    void anEvaluationInWhichNothingCouldBeScoredFailsInOneLineAndWritesNoMetrics() throws Exception {
        Path data = dir.resolve("all-bad-set");
        Files.createDirectories(data.resolve("test/good")); // no train/: evaluating needs only test/
        Files.createDirectories(data.resolve("test/crack"));
        Files.writeString(data.resolve("test/good/x.png"), "not a png");
        Files.write(data.resolve("test/crack/y.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path csv = dir.resolve("all-bad-eval.csv");
        Path json = dir.resolve("all-bad-eval.json");
        Run r = run("evaluate", "--model", model.toString(), "--data", data.toString(), "--csv", csv.toString(),
                "--json", json.toString());
        assertEquals(SsaeCommandLine.EXIT_USAGE, r.exitCode(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals("error: none of the 2 test image(s) could be scored; the problem column of " + csv + " says why",
                lines.get(lines.size() - 1), r.err());
        assertFalse(r.out().contains("AUROC"), "no metrics from no scores: " + r.out());
        assertFalse(Files.exists(json), "no JSON of NaN metrics");
        List<CSVRecord> rows = csvRows(csv);
        assertEquals(2, rows.size());
        assertTrue(rows.stream().noneMatch(x -> x.get("problem").isEmpty()));
    }

    @Test
    void aHeatmapThatCannotBeWrittenIsThatRowsProblemNotTheRuns() throws Exception {
        Path input = Files.createDirectories(dir.resolve("two-parts"));
        Files.copy(WASHER.resolve("test/good/000.png"), input.resolve("a.png"));
        Files.copy(WASHER.resolve("test/good/001.png"), input.resolve("b.png"));
        Path maps = Files.createDirectories(dir.resolve("blocked-maps"));
        Files.createDirectory(maps.resolve("two-parts_a_heatmap.png")); // a folder where a's heatmap would go
        Path csv = dir.resolve("blocked-maps.csv");
        Run r = run("score", "--model", model.toString(), "--csv", csv.toString(), "--maps", maps.toString(), input.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> rows = csvRows(csv);
        CSVRecord a = rows.stream().filter(x -> x.get("path").endsWith("a.png")).findFirst().orElseThrow();
        CSVRecord b = rows.stream().filter(x -> x.get("path").endsWith("b.png")).findFirst().orElseThrow();
        assertFalse(a.get("score").isEmpty(), "still scored");
        assertTrue(a.get("problem").startsWith("heatmap not written"), a.get("problem"));
        assertEquals("", a.get("heatmap"));
        assertTrue(Files.isRegularFile(Path.of(b.get("heatmap"))));
        assertEquals("", b.get("problem"));
    }

    /**
     * In a JVM with a 96 MB heap: a 67-megapixel photo that a model sees at 32 x 32 is decoded at
     * every 64th pixel and scored (in full it would take 335 MB); a 100-megapixel strip that does
     * not fit even so is its row's problem, and the run goes on to the next photo.
     */
    @Test
    void aLargePhotoIsDecodedAtWhatTheModelNeedsAndOneThatDoesNotFitIsItsRowsProblem() throws Exception {
        Path good = dir.resolve("one-view-two-cameras");
        for (Path p : SyntheticImages.writeParts(dir.resolve("small-camera"), 4, 64, 21)) {
            Files.move(p, Files.createDirectories(good).resolve("64-" + p.getFileName()));
        }
        for (Path p : SyntheticImages.writeParts(dir.resolve("large-camera"), 4, 96, 22)) {
            Files.move(p, good.resolve("96-" + p.getFileName()));
        }
        Path viewModel = dir.resolve("one-view.ssae");
        Run trained = run("train", "--data", good.toString(), "--out", viewModel.toString(), "--size", "32", "--width", "16",
                "--epochs", "1", "--batch", "4");
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.out().contains("other sizes of the same view scaled to it"), trained.out());

        Path photos = Files.createDirectories(dir.resolve("large-photos"));
        Path big = LargePng.write(photos.resolve("a-big.png"), 8192, 8192);
        Path strip = LargePng.write(photos.resolve("b-strip.png"), 100_000, 1000);
        Path small = good.resolve("64-part_000.png");
        Path csv = dir.resolve("large.csv");
        ForkedCli.Run r = ForkedCli.run(List.of("-Xmx96m"), 0, "score", "--model", viewModel.toString(), "--csv",
                csv.toString(), big.toString(), strip.toString(), small.toString());

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        List<CSVRecord> rows = csvRows(csv);
        assertEquals(3, rows.size());
        assertEquals("", rows.get(0).get("problem"), "the big photo is scored");
        assertFalse(rows.get(0).get("score").isEmpty());
        assertEquals("", rows.get(1).get("score"));
        assertTrue(rows.get(1).get("problem").matches("too large to (decode|score) in the available memory: 100000 x 1000"),
                rows.get(1).get("problem"));
        assertTrue(r.err().contains("b-strip.png: too large to"), r.err());
        assertEquals("", rows.get(2).get("problem"), "the run went on");
        assertTrue(r.out().contains("Scored 2 image(s)"), r.out());
    }

    /**
     * A CSV that cannot be written part of the way (a file-size limit, as on a full disk): the run
     * stops with one line saying how far it got, and the partial file keeps the whole rows before.
     * The photos themselves decode under the limit (no temporary copies).
     */
    @Test
    void aCsvThatCannotBeWrittenPartWayStopsTheRunAndKeepsTheRowsBefore() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell for ulimit");
        Path csv = dir.resolve("limited.csv");
        ForkedCli.Run r = ForkedCli.run(List.of(), 2, "score", "--model", model.toString(), "--csv", csv.toString(),
                WASHER.resolve("test").toString());

        assertEquals(SsaeCommandLine.EXIT_USAGE, r.exitCode(), r.out() + r.err());
        Path partial = dir.resolve("limited.csv.partial");
        String last = r.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("error: Cannot write the CSV report " + partial + ": "), r.err());
        assertTrue(last.toLowerCase(java.util.Locale.ROOT).contains("file too large; the run stopped, the "), last);
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(csv), "no complete report");
        String kept = Files.readString(partial);
        assertTrue(kept.endsWith("\n"), "no half-written row: " + kept);
        List<CSVRecord> rows = csvRows(partial);
        assertTrue(rows.size() > 0 && rows.size() < 40, rows.size() + " rows");
        assertTrue(last.endsWith("the " + rows.size() + " row(s) before it are kept in " + partial), last);
        for (CSVRecord row : rows) {
            assertTrue(Files.isRegularFile(Path.of(row.get("path"))), row.toString());
            assertEquals(64, row.get("model_sha256").length());
            assertEquals("", row.get("problem"), "decoding writes no temporary file, so the limit does not touch it");
        }
    }

    @Test
    void oneEpochIsReportedAsOneAndEachSkippedImageIsNamedOnce() throws Exception {
        Path good = dir.resolve("plain-good");
        org.ssaeinspector.testing.SyntheticImages.writeParts(good, 7, 32, 5);
        Files.writeString(good.resolve("broken.png"), "not a png");
        Path out = dir.resolve("one-epoch.ssae");
        Run r = run("train", "--data", good.toString(), "--out", out.toString(), "--size", "32", "--width", "16",
                "--epochs", "1", "--batch", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("(1 epochs)"), r.out());
        assertEquals(1, r.err().split("broken.png", -1).length - 1, r.err());
    }

    @Test
    void controlCharactersInFileNamesAreShownNotSentToTheTerminal() throws Exception {
        Path input = Files.createDirectories(dir.resolve("escapes"));
        String name = "red\u001b[31mpart\u0007.png";
        Files.copy(WASHER.resolve("test/good/000.png"), input.resolve(name));
        Files.writeString(input.resolve("bad\u001b]0;title\u0007.png"), "not a png");
        Run r = run("score", "--model", model.toString(), "--threshold", "0", "--csv", dir.resolve("escapes.csv").toString(),
                input.toString());
        assertEquals(0, r.exitCode(), r.err());
        String all = r.out() + r.err();
        assertFalse(all.contains("\u001b") || all.contains("\u0007"), all);
        assertTrue(r.out().contains("red\\x1b[31mpart\\x07.png"), r.out());
        assertTrue(r.err().contains("bad\\x1b]0;title\\x07.png"), r.err());
        assertEquals(name, Path.of(csvRows(dir.resolve("escapes.csv")).stream()
                .filter(x -> x.get("problem").isEmpty()).findFirst().orElseThrow().get("path")).getFileName().toString(),
                "the CSV keeps the real name");
    }

    @Test
    void missingOrEmptyTrainingFolderFailsInOneLine() throws Exception {
        assertCleanFailure(run("train", "--data", dir.resolve("nope").toString(), "--out", dir.resolve("x.ssae").toString()),
                "nope");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertCleanFailure(run("train", "--data", empty.toString(), "--out", dir.resolve("x.ssae").toString()), "empty");
        assertFalse(Files.exists(dir.resolve("x.ssae")));
    }

    @Test
    void unreadableModelFailsNamingTheFile() throws Exception {
        Path fake = Files.writeString(dir.resolve("fake.ssae"), "hello");
        assertCleanFailure(run("score", "--model", fake.toString(), "--csv", dir.resolve("o.csv").toString(),
                WASHER.resolve("test/good").toString()), "fake.ssae");
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    @Test
    void unwritableOutputFailsBeforeTrainingAndLeavesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path out = file.resolve("model.ssae");
        assertCleanFailure(run("train", "--data", WASHER.toString(), "--out", out.toString(), "--epochs", "1"),
                "plain-file");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        Run r = run("train", "--data", WASHER.toString(), "--out", dir.resolve("y.ssae").toString(), "--kind", "liquid");
        assertCleanFailure(r, "--kind");
        assertCleanFailure(run("train", "--data", WASHER.toString(), "--out", "z.ssae", "--bogus"), "bogus");
        assertCleanFailure(run("train", "--out", "z.ssae"), "--data");
        assertCleanFailure(run("train", "--data", WASHER.toString(), "--out", "z.ssae", "--patch", "3"), "patch");
        assertCleanFailure(run("train", "--data", WASHER.toString(), "--out", "z.ssae", "--size", "48", "--patch", "4"),
                "multiple of 32");
        assertCleanFailure(run("train", "--data", WASHER.toString(), "--out", "z.ssae", "--scale", "-1"), "--scale");
        assertCleanFailure(run("train", "--data", WASHER.toString(), "--out", "z.ssae", "--scale", "NaN"), "--scale");
        assertCleanFailure(run("train", "--data", WASHER.toString(), "--out", "z.ssae", "--scale", "9"), "scale");
        assertCleanFailure(run("train", "--data", WASHER.toString(), "--out", "z.ssae", "--crop", "50"), "crop");
        assertCleanFailure(run("train", "--data", WASHER.toString(), "--out", "z.ssae", "--input-noise", "2"), "noise");
    }

    /** Every numeric option is checked for range and finiteness before any work, naming the option. */
    @Test
    void numericOptionsOutOfRangeOrNotFiniteAreUsageErrorsBeforeAnyWork() {
        String[][] train = {
                {"--lr", "NaN"}, {"--lr", "-1"}, {"--lr", "5"},
                {"--minutes", "NaN"}, {"--minutes", "-1"}, {"--minutes", "1e9"}, {"--minutes", "Infinity"},
                {"--epochs", "0"}, {"--epochs", "-3"},
                {"--false-reject-rate", "NaN"}, {"--false-reject-rate", "0.7"},
                {"--size", "100000"}, {"--size", "-64"},
                {"--width", "100000"}, {"--width", "2"},
                {"--batch", "0"}, {"--batch", "100000"},
                {"--crop", "100000"},
                {"--input-noise", "NaN"},
                {"--scale", "Infinity"},
        };
        Path out = dir.resolve("never.ssae");
        for (String[] o : train) {
            Run r = run("train", "--data", WASHER.toString(), "--out", out.toString(), o[0], o[1]);
            assertCleanFailure(r, o[0]);
            assertFalse(r.err().contains("Training on"), "refused before training: " + r.err());
        }
        assertFalse(Files.exists(out));
        for (String t : List.of("NaN", "Infinity", "-Infinity")) {
            assertCleanFailure(run("score", "--model", model.toString(), "--threshold", t, "--csv",
                    dir.resolve("never.csv").toString(), WASHER.resolve("test/good").toString()), "--threshold");
        }
        assertFalse(Files.exists(dir.resolve("never.csv")));
        assertCleanFailure(run("benchmark", "--data", WASHER.toString(), "--checkpoints", "1,NaN"), "--checkpoints");
    }

    @Test
    void watchAndServeRefuseBadOptionsAndInputsInOneLine() throws Exception {
        Path in = Files.createDirectories(dir.resolve("watched"));
        Path csv = dir.resolve("watched.csv");
        String[][] watch = {
                {"--queue", "0"}, {"--batch", "1000"}, {"--settle-ms", "-1"}, {"--poll-ms", "0"}, {"--threshold", "NaN"},
                {"--pass-dir", in.toString()},
        };
        for (String[] o : watch) {
            assertCleanFailure(run("watch", "--model", model.toString(), "--in", in.toString(), "--csv", csv.toString(), o[0], o[1]),
                    o[0].equals("--pass-dir") ? "must not be the watched folder" : o[0]);
        }
        assertCleanFailure(run("watch", "--model", model.toString(), "--in", dir.resolve("nowhere").toString(), "--csv",
                csv.toString()), "nowhere: not a folder");
        assertCleanFailure(run("watch", "--model", dir.resolve("missing.ssae").toString(), "--in", in.toString(), "--csv",
                csv.toString()), "missing.ssae: model file not found");
        Path foreign = Files.writeString(dir.resolve("foreign.csv"), "id,name\n1,x\n");
        assertCleanFailure(run("watch", "--model", model.toString(), "--in", in.toString(), "--csv", foreign.toString()),
                "foreign.csv: not a report of this program");
        assertEquals("id,name\n1,x\n", Files.readString(foreign), "left as it was");

        String[][] serve = {{"--port", "70000"}, {"--threads", "0"}, {"--queue", "-1"}, {"--max-body-mb", "0"}, {"--reload-ms", "-5"}};
        for (String[] o : serve) {
            assertCleanFailure(run("serve", "--model", model.toString(), o[0], o[1]), o[0]);
        }
        Run open = run("serve", "--model", model.toString(), "--bind", "0.0.0.0", "--token", "");
        assertCleanFailure(open, "--bind 0.0.0.0 lets other machines reach the service: give a --token");
        assertCleanFailure(run("serve", "--model", dir.resolve("missing.ssae").toString(), "--port", "0"),
                "missing.ssae: model file not found");
    }

    private static void assertCleanFailure(Run r, String mention) {
        assertEquals(SsaeCommandLine.EXIT_USAGE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(mention), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    private static List<CSVRecord> csvRows(Path csv) throws Exception {
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv))) {
            return p.getRecords();
        }
    }
}
