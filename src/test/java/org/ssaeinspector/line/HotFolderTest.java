package org.ssaeinspector.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.testing.TinyModel;

/** The hot folder on real files: slow writers, renames, bad files, stops and restarts. */
class HotFolderTest {
    private static LiveModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = LiveModel.load(TinyModel.washer(), Duration.ZERO);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    /** Collects what the hot folder reports. */
    static final class Recorder implements HotFolder.Listener {
        final List<HotFolder.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        final List<String> notices = Collections.synchronizedList(new ArrayList<>());
        final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        final List<HotFolder.Throughput> reports = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void inspected(HotFolder.Outcome outcome) {
            outcomes.add(outcome);
        }

        @Override
        public void throughput(HotFolder.Throughput t) {
            reports.add(t);
        }

        @Override
        public void notice(String message) {
            notices.add(message);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    }

    private HotFolder.Settings settings(Path in, Path csv) {
        return HotFolder.Settings.of(in, csv)
                .withTiming(Duration.ofMillis(30), Duration.ofMillis(400), Duration.ofMillis(300), Duration.ofMillis(500));
    }

    private static HotFolder started(HotFolder.Settings settings, HotFolder.Listener listener) {
        HotFolder folder = new HotFolder(model, settings, listener);
        folder.start();
        return folder;
    }

    /** Writes the image's bytes in pieces with pauses (under the settle time), as slow camera software does. */
    private static void writeSlowly(Path source, Path target, int pieces, long pauseMs) throws Exception {
        byte[] bytes = Files.readAllBytes(source);
        try (OutputStream out = Files.newOutputStream(target)) {
            int step = (bytes.length + pieces - 1) / pieces;
            for (int off = 0; off < bytes.length; off += step) {
                out.write(bytes, off, Math.min(step, bytes.length - off));
                out.flush();
                Thread.sleep(pauseMs);
            }
        }
    }

    /** Writes the image under a temporary name (slowly), then renames it, as careful camera software does. */
    private static void writeByRename(Path source, Path target, String tempName) throws Exception {
        Path temp = target.resolveSibling(tempName);
        writeSlowly(source, temp, 4, 40);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    static List<CSVRecord> rows(Path csv) throws IOException {
        try (CSVParser p = CSVParser.parse(csv, java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    private static Map<String, Long> rowsPerName(Path csv) throws IOException {
        return rows(csv).stream().collect(Collectors.groupingBy(r -> Path.of(r.get("path")).getFileName().toString(),
                Collectors.counting()));
    }

    static void waitFor(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static Set<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * Under a model that knows where on the part residuals are usual (per-pixel, the object kind),
     * a strip cut from a part is judged against the pooled statistics, and the line hears it.
     */
    @Test
    void aPhotoOfAnotherShapeIsANotice() throws Exception {
        Path objectModel = dir.resolve("object.ssae");
        int code = org.ssaeinspector.cli.SsaeCommandLine.run(new String[] {"train", "--data", TinyModel.WASHER.toString(),
                "--out", objectModel.toString(), "--size", "32", "--width", "16", "--epochs", "1", "--batch", "4",
                "--kind", "object"}, new java.io.PrintWriter(new java.io.StringWriter(), true),
                new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertEquals(0, code);
        Path in = Files.createDirectories(dir.resolve("shapes-in"));
        Path csv = dir.resolve("shapes.csv");
        java.awt.image.BufferedImage part = javax.imageio.ImageIO.read(TinyModel.washerImage(true, 4).toFile());
        Recorder recorder = new Recorder();
        try (LiveModel objects = LiveModel.load(objectModel, Duration.ZERO)) {
            HotFolder folder = new HotFolder(objects, settings(in, csv), recorder);
            folder.start();
            try {
                javax.imageio.ImageIO.write(part.getSubimage(0, 0, part.getWidth(), part.getHeight() / 3), "png",
                        in.resolve("strip.png").toFile());
                Files.copy(TinyModel.washerImage(true, 5), in.resolve("square.png"));
                waitFor(() -> recorder.outcomes.size() == 2, Duration.ofSeconds(60), "both photos");
            } finally {
                folder.stop();
            }
        }
        assertEquals(1, recorder.notices.stream().filter(n -> n.contains("another shape")).count(), recorder.notices.toString());
        assertTrue(recorder.notices.stream().anyMatch(n -> n.contains("strip.png: another shape")), recorder.notices.toString());
        java.util.Map<String, String> shapeByFile = new java.util.HashMap<>();
        for (org.apache.commons.csv.CSVRecord rec : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(csv)).getRecords()) {
            shapeByFile.put(Path.of(rec.get("path")).getFileName().toString(), rec.get("another_shape"));
        }
        assertEquals(java.util.Map.of("strip.png", "true", "square.png", "false"), shapeByFile, "the CSV says it too");
    }

    @Test
    void slowAndRenamedWritesAreScoredOnceEachAcrossAStopAndRestart() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path csv = dir.resolve("out.csv");
        Path pass = dir.resolve("pass");
        Path fail = dir.resolve("fail");
        HotFolder.Settings s = settings(in, csv).withFolders(pass, fail, in.resolve("rejected"), false);
        for (int i = 0; i < 3; i++) {
            Files.copy(TinyModel.washerImage(true, i), in.resolve("early-" + i + ".png"));
        }
        Recorder first = new Recorder();
        HotFolder folder = started(s, first);
        writeSlowly(TinyModel.washerImage(false, 0), in.resolve("slow-0.png"), 8, 60);
        writeByRename(TinyModel.washerImage(true, 3), in.resolve("renamed-0.png"), ".renamed-0.png.tmp");
        Files.writeString(in.resolve("broken.png"), "this is not a PNG");
        waitFor(() -> first.outcomes.size() >= 6, Duration.ofSeconds(60), "6 files done before the stop");
        writeByRename(TinyModel.washerImage(false, 1), in.resolve("renamed-1.png"), "renamed-1.png.part");
        folder.stop();
        int beforeRestart = rows(csv).size();

        // While nothing watches: more images arrive, one of them still being written when the watcher starts again.
        writeSlowly(TinyModel.washerImage(true, 4), in.resolve("while-stopped.png"), 3, 20);
        Files.writeString(in.resolve("notes.txt"), "not an image");
        Recorder second = new Recorder();
        HotFolder again = started(s, second);
        writeSlowly(TinyModel.washerImage(false, 2), in.resolve("slow-1.png"), 8, 60);
        writeByRename(TinyModel.washerImage(true, 5), in.resolve("renamed-2.png"), ".renamed-2.tmp");
        Set<String> expected = Set.of("early-0.png", "early-1.png", "early-2.png", "slow-0.png", "renamed-0.png", "broken.png",
                "renamed-1.png", "while-stopped.png", "notes.txt", "slow-1.png", "renamed-2.png");
        waitFor(() -> {
            try {
                return rowsPerName(csv).keySet().containsAll(expected) && names(in).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, Duration.ofSeconds(60), "every file scored and moved");
        Thread.sleep(800); // a rescan or two more: nothing may be scored twice
        again.stop();

        Map<String, Long> perName = rowsPerName(csv);
        assertEquals(expected, perName.keySet());
        perName.forEach((name, n) -> assertEquals(1L, n, name + " scored once"));
        assertTrue(beforeRestart >= 6, "rows written before the stop: " + beforeRestart);
        for (CSVRecord r : rows(csv)) {
            String name = Path.of(r.get("path")).getFileName().toString();
            boolean bad = name.equals("broken.png") || name.equals("notes.txt");
            assertEquals(bad, !r.get("problem").isEmpty(), name + ": " + r.get("problem"));
            assertEquals(bad, r.get("score").isEmpty(), name);
            assertEquals(64, r.get("model_sha256").length());
            if (!bad) {
                Path where = r.get("flagged").equals("true") ? fail : pass;
                assertTrue(Files.exists(where.resolve(name)), name + " in " + where);
            }
        }
        assertEquals(Set.of("broken.png", "notes.txt"), names(in.resolve("rejected")));
        assertEquals(9, names(pass).size() + names(fail).size());
        assertTrue(rows(csv).stream().anyMatch(r -> r.get("problem").contains("not an image")), "the reason is in the row");
        assertTrue(first.warnings.isEmpty() && second.warnings.isEmpty(), first.warnings + " " + second.warnings);
    }

    @Test
    void aStopBetweenTheRowAndTheMoveIsFinishedOnRestartWithoutAnotherRowAndATornRowIsDropped() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path csv = dir.resolve("out.csv");
        for (int i = 0; i < 3; i++) {
            Files.copy(TinyModel.washerImage(true, i), in.resolve(i + ".png"));
        }
        // First run without pass / fail folders: the rows are written, the files stay (as after a stop before the move).
        HotFolder.Settings staying = settings(in, csv);
        Recorder first = new Recorder();
        HotFolder folder = started(staying, first);
        waitFor(() -> first.outcomes.size() == 3, Duration.ofSeconds(60), "3 rows");
        folder.stop();
        // A crash while a fourth row was being written left half a line.
        Files.writeString(csv, in.resolve("3.png").toAbsolutePath() + ",0.12", java.nio.file.StandardOpenOption.APPEND);
        Files.copy(TinyModel.washerImage(true, 3), in.resolve("3.png"));

        Path pass = dir.resolve("pass");
        Path fail = dir.resolve("fail");
        Recorder second = new Recorder();
        HotFolder again = started(staying.withFolders(pass, fail, in.resolve("rejected"), false), second);
        assertEquals(3, again.recordedAtStart());
        assertEquals(3, second.notices.size(), "the three moves are finished: " + second.notices);
        waitFor(() -> second.outcomes.size() == 1, Duration.ofSeconds(60), "the fourth image");
        again.stop();
        assertEquals(List.of("0.png", "1.png", "2.png", "3.png"), rows(csv).stream()
                .map(r -> Path.of(r.get("path")).getFileName().toString()).sorted().toList());
        assertEquals(Set.of(), names(in));
        assertEquals(4, names(pass).size() + names(fail).size());
        assertFalse(Files.readString(csv).contains(",0.12\n"), "the torn row is gone");
    }

    @Test
    void aFileReplacedUnderTheSameNameIsScoredAgainAnUnchangedOneNot() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path csv = dir.resolve("out.csv");
        Files.copy(TinyModel.washerImage(true, 0), in.resolve("a.png"));
        Files.copy(TinyModel.washerImage(true, 1), in.resolve("b.png"));
        HotFolder.Settings s = settings(in, csv);
        Recorder first = new Recorder();
        HotFolder folder = started(s, first);
        waitFor(() -> first.outcomes.size() == 2, Duration.ofSeconds(60), "2 rows");
        // The camera's counter starts again: a new a.png over the old one (by rename), while watched...
        Thread.sleep(20);
        Path temp = in.resolve(".a.tmp");
        Files.copy(TinyModel.washerImage(false, 0), temp);
        Files.move(temp, in.resolve("a.png"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        waitFor(() -> first.outcomes.size() == 3, Duration.ofSeconds(60), "the new a.png");
        folder.stop();
        // ...and while not watched.
        Files.copy(TinyModel.washerImage(false, 1), temp);
        Files.setLastModifiedTime(temp, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Files.move(temp, in.resolve("b.png"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Recorder second = new Recorder();
        HotFolder again = started(s, second);
        waitFor(() -> second.outcomes.size() == 1, Duration.ofSeconds(60), "the new b.png");
        Thread.sleep(800);
        again.stop();
        assertEquals(1, second.outcomes.size(), "a.png is unchanged since its row: not scored again");
        assertEquals(Map.of("a.png", 2L, "b.png", 2L), rowsPerName(csv));
        assertEquals(Set.of("a.png", "b.png"), names(in), "without pass / fail folders the images stay");
    }

    @Test
    void aBurstIsScoredInBatchesThroughASmallQueueAndThroughputIsReported() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path csv = dir.resolve("out.csv");
        Path pass = dir.resolve("pass");
        Path fail = dir.resolve("fail");
        Recorder rec = new Recorder();
        HotFolder folder = started(settings(in, csv).withFolders(pass, fail, null, true).withScoring(0.0, 3, 4), rec);
        for (int i = 0; i < 24; i++) {
            Files.copy(TinyModel.washerImage(i % 2 == 0, i % 10), in.resolve(String.format("burst-%02d.png", i)));
        }
        waitFor(() -> rec.outcomes.size() == 24, Duration.ofSeconds(120), "24 rows");
        Thread.sleep(1200);
        folder.stop();
        assertEquals(24, rows(csv).size());
        assertEquals(24, names(fail).size(), "threshold 0: every image is flagged, and copied");
        assertEquals(24, names(in).size(), "--copy keeps the originals");
        assertTrue(rec.reports.stream().mapToLong(HotFolder.Throughput::total).max().orElse(0) >= 1, rec.reports.toString());
    }

    @Test
    void theCsvAndItsJournalInsideTheWatchedFolderAreLeftAlone() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path csv = in.resolve("results.csv");
        Files.copy(TinyModel.washerImage(true, 0), in.resolve("a.png"));
        Recorder rec = new Recorder();
        HotFolder folder = started(settings(in, csv), rec);
        waitFor(() -> rec.outcomes.size() == 1, Duration.ofSeconds(60), "1 row");
        Thread.sleep(800);
        folder.stop();
        assertEquals(1, rows(csv).size());
        assertEquals(Set.of("a.png", "results.csv", "results.csv.journal"), names(in));
    }

    @Test
    void temporaryAndHiddenNamesAreNotCandidates() {
        for (String name : List.of(".a.png", "a.png.tmp", "a.part", "a.png.partial", "a.png~", "Thumbs.db")) {
            assertFalse(HotFolder.isCandidateName(Path.of(name)), name);
        }
        assertTrue(HotFolder.isCandidateName(Path.of("a.png")));
        assertTrue(HotFolder.isCandidateName(Path.of("notes.txt")), "reported and moved aside, not ignored");
    }
}
