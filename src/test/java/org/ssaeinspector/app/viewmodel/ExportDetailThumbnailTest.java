package org.ssaeinspector.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.app.fakes.Fixtures;
import org.ssaeinspector.app.fakes.RecordingPrompts;
import org.ssaeinspector.app.fakes.TestImages;
import org.ssaeinspector.app.service.Thumbnail;
import org.ssaeinspector.app.service.ThumbnailLoader;
import org.ssaeinspector.app.task.SynchronousRunner;
import org.ssaeinspector.dataset.Label;

class ExportDetailThumbnailTest {
    @TempDir
    Path tmp;
    FakeEngineService engine;
    RecordingPrompts prompts;
    MainViewModel main;

    @BeforeEach
    void setUp() throws Exception {
        engine = new FakeEngineService();
        prompts = new RecordingPrompts();
        main = Fixtures.main(engine, new SynchronousRunner(), prompts);
        main.drop(List.of(TestImages.mvtec(tmp.resolve("widget"), 2, 4, 3, 48).toFile()), null);
        Path model = tmp.resolve("m.ssae");
        engine.saveModel(FakeEngineService.model(0.2), model, 0.2);
        main.openModel(model, Double.NaN);
    }

    @Test
    void exportsFlaggedImagesWithHeatmaps() throws Exception {
        Path csv = tmp.resolve("out/report.csv");
        List<String> done = new ArrayList<>();
        main.export().export(csv, ExportViewModel.Scope.FLAGGED, true, done::add, prompts.errors::add);
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());
        List<CSVRecord> rows;
        try (var reader = Files.newBufferedReader(csv)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).getRecords();
        }
        assertEquals(3, rows.size());
        for (CSVRecord r : rows) {
            assertEquals("true", r.get("flagged"));
            assertEquals("defective", r.get("label"));
            assertTrue(Double.parseDouble(r.get("score")) > 0.2);
        }
        Path folder = ExportViewModel.heatmapFolder(csv);
        assertEquals(tmp.resolve("out/report-heatmaps"), folder);
        try (var s = Files.list(folder)) {
            List<Path> pngs = s.toList();
            assertEquals(3, pngs.size());
            assertEquals(48, ImageIO.read(pngs.get(0).toFile()).getWidth());
        }
        assertTrue(done.get(0).startsWith("Exported 3 images to report.csv with heatmaps"), done.get(0));
    }

    @Test
    void exportsAllWithoutHeatmaps() throws Exception {
        Path csv = tmp.resolve("all.csv");
        main.export().export(csv, ExportViewModel.Scope.ALL, false, s -> { }, prompts.errors::add);
        assertEquals(8, Files.readAllLines(csv).size(), "header and 7 rows");
        assertFalse(Files.exists(ExportViewModel.heatmapFolder(csv)));
    }

    @Test
    void nothingFlaggedGivesAMessage() {
        main.project().thresholdProperty().set(10);
        main.export().export(tmp.resolve("x.csv"), ExportViewModel.Scope.FLAGGED, false, s -> { }, prompts.errors::add);
        assertEquals(List.of("No image is flagged at this threshold."), prompts.errors);
        assertFalse(Files.exists(tmp.resolve("x.csv")));
    }

    @Test
    void detailLoadsPicturesRegionsAndMaskAndSteps() {
        DetailViewModel d = main.detail();
        ImageItem top = main.gallery().visibleItems().get(0);
        assertEquals(Label.DEFECTIVE, top.label());
        d.itemProperty().set(top);
        DetailImages img = d.imagesProperty().get();
        assertNotNull(img, d.problemProperty().get());
        assertEquals(48, img.width());
        assertEquals(48 * 48, img.original().length);
        assertEquals(FakeEngineService.MODEL_SIDE * FakeEngineService.MODEL_SIDE, img.reconstruction().length);
        assertNotNull(img.maskOutline());
        assertTrue(java.util.Arrays.stream(img.maskOutline()).anyMatch(c -> c == MaskOutline.COLOUR));
        assertEquals(1, d.regionsProperty().get().size());
        assertEquals(48 * 48, d.heatProperty().get().length);
        assertTrue(java.util.Arrays.stream(d.heatProperty().get()).anyMatch(c -> (c >>> 24) > 0), "heat is visible");
        assertTrue(d.step(1));
        assertEquals(main.gallery().visibleItems().get(1), d.itemProperty().get());
        assertEquals(d.itemProperty().get(), main.gallery().selectedProperty().get());
        d.mark(Label.GOOD);
        assertEquals(Label.GOOD, d.itemProperty().get().label());
    }

    @Test
    void detailOfAnUnreadableFileShowsTheProblem() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.png"), "x");
        main.drop(List.of(bad.toFile()), ImageSet.TEST);
        ImageItem item = main.project().items(ImageSet.TEST).stream().filter(i -> i.name().equals("bad.png"))
                .findFirst().orElseThrow();
        main.detail().itemProperty().set(item);
        assertNull(main.detail().imagesProperty().get());
        assertTrue(main.detail().problemProperty().get().contains("bad.png"), main.detail().problemProperty().get());
    }

    @Test
    void thumbnailsAreSmallCachedAndBrokenFilesMarked() throws Exception {
        ThumbnailCache cache = new ThumbnailCache(new SynchronousRunner(), new ThumbnailLoader(16), 2);
        Path a = TestImages.write(TestImages.good(64, new java.util.Random(1)), tmp.resolve("a.png"));
        Path b = TestImages.write(new java.awt.image.BufferedImage(40, 20, 1), tmp.resolve("b.png"));
        Path c = Files.writeString(tmp.resolve("c.png"), "broken");
        List<Thumbnail> got = new ArrayList<>();
        cache.request(a, got::add);
        cache.request(b, got::add);
        cache.request(c, got::add);
        assertEquals(16, got.get(0).width());
        assertEquals(16, got.get(1).width());
        assertEquals(8, got.get(1).height());
        assertTrue(got.get(2).isBroken());
        assertEquals(2, cache.size(), "bounded");
    }
}
