package org.ssaeinspector.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.export.CsvReport;
import org.ssaeinspector.testing.InProcessCli;
import org.ssaeinspector.testing.InProcessCli.Run;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.scoring.Inspector;

/**
 * spark-score on embedded Spark (local[2]) against score on the same files: the same rows, every
 * column equal (scores to 1e-5: the network sees other batches), unreadable files as rows.
 */
class SparkScoreTest {
    static final Path WASHER = Path.of("sample-images", "washer");
    static final Path MODEL = WASHER.resolve("washer.ssae");

    @TempDir
    static Path dir;
    static Path extra;

    static Run run(String... args) {
        return InProcessCli.run(args);
    }

    @BeforeAll
    static void brokenFiles() throws IOException {
        extra = Files.createDirectories(dir.resolve("extra"));
        byte[] png = Files.readAllBytes(WASHER.resolve("test/good/000.png"));
        Files.write(extra.resolve("cut-short.png"), java.util.Arrays.copyOf(png, 200)); // a truncated upload
        Files.writeString(extra.resolve("notes.txt"), "not an image");
    }

    @Test
    void csvMatchesScoresCsvOnLocal2WithTheBrokenFilesAsRows() throws IOException {
        Path csv = dir.resolve("score.csv");
        Run score = run("score", "--model", MODEL.toString(), "--csv", csv.toString(), WASHER.resolve("test").toString(),
                extra.toString());
        assertEquals(0, score.exitCode(), score.err());
        Path out = dir.resolve("spark-out");
        Run spark = run("spark-score", "--model", MODEL.toString(), "--master", "local[2]", "--partitions", "3",
                "--out", out.toString(), WASHER.resolve("test").toString(), extra.toString());
        assertEquals(0, spark.exitCode(), spark.err());
        assertTrue(Files.exists(out.resolve("_SUCCESS")), "Spark's committer marks a complete output");
        assertTrue(spark.out().contains("Scoring 42 image(s) on Spark local[2] in 3 partition(s)"), spark.out());
        assertTrue(spark.out().contains("2 not scored"), spark.out());

        Map<String, CSVRecord> expected = byPath(List.of(csv));
        Map<String, CSVRecord> actual = byPath(partFiles(out, ".csv"));
        assertEquals(42, expected.size());
        assertEquals(expected.keySet(), actual.keySet());
        int flagged = 0;
        for (var e : expected.entrySet()) {
            CSVRecord want = e.getValue();
            CSVRecord got = actual.get(e.getKey());
            for (String column : CsvReport.COLUMNS) {
                if (column.equals("score") && !want.get(column).isEmpty()) {
                    // Six significant digits in the CSV: 1e-5 plus one unit of the last digit it shows.
                    double a = Double.parseDouble(want.get(column));
                    double lastDigit = Math.pow(10, Math.floor(Math.log10(Math.abs(a))) - 5);
                    assertEquals(a, Double.parseDouble(got.get(column)), 1e-5 + lastDigit * 1.0001, e.getKey());
                } else {
                    assertEquals(want.get(column), got.get(column), e.getKey() + " " + column);
                }
            }
            flagged += "true".equals(got.get("flagged")) ? 1 : 0;
        }
        assertTrue(flagged > 0 && flagged < 40, "some flagged, some passed: " + flagged);
        assertTrue(spark.out().contains(": " + flagged + " flagged"), spark.out());
        CSVRecord broken = actual.get(extra.resolve("cut-short.png").toString());
        assertEquals("", broken.get("score"));
        assertFalse(broken.get("problem").isEmpty());
        assertFalse(actual.get(extra.resolve("notes.txt").toString()).get("problem").isEmpty());
        // The labels come from the layout, as with score.
        assertEquals("defective", actual.get(WASHER.resolve("test/scratch/000.png").toString()).get("label"));
    }

    @Test
    void parquetScoresEqualTheEnginesOneByOneScores() throws Exception {
        Path out = dir.resolve("parquet-out");
        List<long[]> progress = java.util.Collections.synchronizedList(new ArrayList<>());
        SparkScoring.Summary summary = SparkScoring.run(new SparkScoring.Settings(MODEL, null,
                List.of(WASHER.resolve("test").toString(), extra + "/*.png"), out.toString(), OutputFormat.PARQUET, false,
                "local[2]", 5, Map.of()), new SparkScoring.Listener() {
                    @Override
                    public void started(String master, int images, int partitions) {
                        progress.add(new long[] {0, partitions, 0, images});
                    }

                    @Override
                    public void progress(int partitionsDone, int partitions, long imagesDone, long images) {
                        progress.add(new long[] {partitionsDone, partitions, imagesDone, images});
                    }
                });
        assertEquals(41, summary.images());
        assertEquals(40, summary.scored());
        assertEquals(1, summary.failed());
        assertEquals(5, summary.partitions());
        // One step per partition, each once, images counted up to all of them.
        assertEquals(6, progress.size(), () -> progress.stream().map(java.util.Arrays::toString).toList().toString());
        for (int i = 1; i < progress.size(); i++) {
            assertEquals(i, progress.get(i)[0]);
            assertTrue(progress.get(i)[2] > progress.get(i - 1)[2]);
        }
        assertEquals(41, progress.get(5)[2]);
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        assertFalse(partFiles(out, ".parquet").isEmpty());

        Map<String, Row> rows = new LinkedHashMap<>();
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1").getOrCreate();
        try {
            for (Row row : spark.read().parquet(out.toString()).collectAsList()) {
                assertNull(rows.put(row.getAs("path"), row));
                assertEquals(CsvReport.COLUMNS, List.of(row.schema().fieldNames()));
            }
        } finally {
            spark.stop();
        }
        assertEquals(41, rows.size());
        Row broken = rows.get(extra.resolve("cut-short.png").toString());
        assertNull(broken.getAs("score"));
        assertNull(broken.getAs("flagged"));
        assertFalse(((String) broken.getAs("problem")).isEmpty());
        assertEquals(summary.flagged(), rows.values().stream().filter(x -> Boolean.TRUE.equals(x.getAs("flagged"))).count());

        // The unrounded scores against the engine one image at a time, as score runs it. Batches of 8
        // change float32 sums in the 6th-7th significant digit; the structural-similarity plane of a
        // format-5 model divides by small per-pixel spreads and carries that to the 5th (measured
        // here: at most 4e-6 relative with the squared difference alone, 4.8e-5 with the bundled
        // squared+ssim washer model), so 2e-4, relative for scores above 1.
        double worst = 0;
        try (SsaeModel model = ModelFile.load(MODEL)) {
            Inspector inspector = new Inspector(model);
            for (var e : rows.entrySet()) {
                if (e.getKey().endsWith("cut-short.png")) {
                    continue;
                }
                InspectionResult want = inspector.inspect(Path.of(e.getKey()), model.threshold());
                Row got = e.getValue();
                double score = got.getAs("score");
                assertEquals(want.score(), score, 2e-4 * Math.max(1, Math.abs(want.score())), e.getKey());
                worst = Math.max(worst, Math.abs(score - want.score()) / Math.max(1, Math.abs(want.score())));
                assertEquals(want.flagged(), got.getAs("flagged"), e.getKey());
                assertEquals(want.regions().size(), (int) got.getAs("regions"), e.getKey());
                assertEquals(model.threshold(), (double) got.getAs("threshold"), 0);
                assertEquals("", got.getAs("problem"));
            }
        }
        System.out.printf("spark-score vs one by one: largest score difference %.2g (relative above 1)%n", worst);
    }

    @Test
    void refusesAnOutputFolderThatExistsOrThatOverwritingWouldWipe() throws IOException {
        Path out = Files.createDirectories(dir.resolve("earlier"));
        Files.writeString(out.resolve("_SUCCESS"), "");
        Run again = run("spark-score", "--model", MODEL.toString(), "--out", out.toString(), extra.toString());
        assertEquals(2, again.exitCode());
        assertEquals("error: " + out + ": already exists; name a new output folder, or add --overwrite to replace an "
                + "earlier spark-score output", again.err().strip());
        Files.writeString(out.resolve("thesis.docx"), "years of work");
        Run foreign = run("spark-score", "--model", MODEL.toString(), "--overwrite", "--out", out.toString(), extra.toString());
        assertEquals(2, foreign.exitCode());
        assertTrue(foreign.err().startsWith("error: " + out + ": holds thesis.docx, which no spark-score run wrote"),
                foreign.err());
        assertTrue(Files.exists(out.resolve("thesis.docx")));
    }

    @Test
    void withoutSparkOnTheClassPathItSaysInOneLineHowToGetIt() throws Exception {
        // The class path of the installer and of target/ssae-inspector.jar: everything but Spark's jars.
        String classPath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.replace('\\', '/').contains("/org/apache/spark/"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                "org.ssaeinspector.Main", "spark-score", "--model", MODEL.toString(), "--out", dir.resolve("none").toString(),
                WASHER.resolve("test").toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertEquals("error: " + SparkClasspath.HOW_TO_GET_IT, err.strip());
        assertFalse(Files.exists(dir.resolve("none")));
    }

    @Test
    void globsExpandToTheMatchingFilesInPathOrder() throws IOException {
        Path root = Files.createDirectories(dir.resolve("globs"));
        for (String name : List.of("a/1.png", "a/2.jpg", "b/3.png", "b/deep/4.png")) {
            Files.createDirectories(root.resolve(name).getParent());
            Files.writeString(root.resolve(name), "x");
        }
        assertEquals(List.of(root.resolve("a/1.png"), root.resolve("b/3.png")),
                InputPaths.expand(List.of(root + "/*/*.png")));
        assertEquals(List.of(root.resolve("a/1.png"), root.resolve("b/3.png"), root.resolve("b/deep/4.png")),
                InputPaths.expand(List.of(root + "/**.png")));
        assertEquals(List.of(root.resolve("a"), root.resolve("b")), InputPaths.expand(List.of(root + "/[ab]")));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.ssaeinspector.util.UserFacingException.class,
                () -> InputPaths.expand(List.of(root + "/*.tif")));
        assertEquals("No file or folder matches " + root + "/*.tif", e.getMessage());
    }

    @Test
    void chunksCoverEveryImageOnceInOrder() {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(i);
        }
        List<List<Integer>> chunks = SparkScoring.chunks(items, 3);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8, 9)), chunks);
    }

    static List<Path> partFiles(Path out, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-") && p.toString().endsWith(suffix))
                    .sorted().toList();
        }
    }

    static Map<String, CSVRecord> byPath(List<Path> csvFiles) throws IOException {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (Path file : csvFiles) {
            try (Reader reader = Files.newBufferedReader(file); CSVParser parser = CSVParser.parse(reader, format)) {
                assertEquals(CsvReport.COLUMNS, parser.getHeaderNames(), file.toString());
                for (CSVRecord r : parser) {
                    assertNull(rows.put(r.get("path"), r), "one row per image: " + r.get("path"));
                }
            }
        }
        return rows;
    }
}
