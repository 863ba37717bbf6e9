package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.scoring.ScoredImage;
import org.ssaeinspector.testing.SyntheticImages;
import org.ssaeinspector.util.Json;
import org.ssaeinspector.util.UserFacingException;

class ModelFileTest {
    @TempDir
    static Path dir;
    static SsaeModel model;
    static Path saved;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        List<Path> good = SyntheticImages.writeParts(dir.resolve("good"), 10, 32, 21);
        TrainingSettings s = TrainingSettings.defaults().withImageSize(32).withWidth(4).withBatchSize(4).withEpochs(1);
        model = new SsaeTrainer().train(good, s, TrainingListener.NONE, () -> false).model();
        saved = dir.resolve("tiny.ssae");
        ModelFile.save(model, saved);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void reloadedModelScoresExactlyLikeTheOriginal() {
        FloatImage probe = SyntheticImages.part(40, new Random(8), true);
        try (SsaeModel back = ModelFile.load(saved)) {
            assertEquals(model.header(), back.header());
            var a = model.score(probe);
            var b = back.score(probe);
            assertEquals(a.score(), b.score(), 0f);
            assertArrayEquals(a.reconstruction().data(), b.reconstruction().data(), 0f);
        }
    }

    @Test
    void aPatchedNetworkRoundTripsExactly() throws Exception {
        Path file = dir.resolve("patched.ssae");
        FloatImage probe = SyntheticImages.part(40, new Random(9), true);
        try (SsaeModel patched = trainOneEpoch("good-patched", 22, 2, 8)) {
            assertEquals(2, patched.header().patch());
            ModelFile.save(patched, file);
            try (SsaeModel back = ModelFile.load(file)) {
                assertEquals(patched.header(), back.header());
                assertArrayEquals(patched.score(probe).reconstruction().data(), back.score(probe).reconstruction().data(), 0f);
            }
        }
    }

    /**
     * Files of format 1 name no patch and no geometry: their networks had no patch, and they
     * squashed every photo to their square side. They still load and score as they did.
     */
    @Test
    void formatOneFilesLoadAsUnpatchedNetworksThatSquashPhotos() throws Exception {
        Path v3 = dir.resolve("v3.ssae");
        Path v1 = dir.resolve("v1.ssae");
        FloatImage probe = SyntheticImages.part(40, new Random(10), true);
        try (SsaeModel m = trainOneEpoch("good-v1", 23, 1, 4)) {
            assertEquals("per-pixel", m.header().calibration());
            ModelFile.save(m, v3);
            rewriteAsFormatOne(v3, v1);
            try (SsaeModel back = ModelFile.load(v1)) {
                assertEquals(1, back.header().formatVersion());
                assertEquals(1, back.header().patch());
                assertEquals(1, back.header().training().settings().patch());
                assertTrue(back.header().geometry().squashes());
                ScoredImage old = back.score(probe);
                assertEquals(32, old.map().width(), "a 40 px photo is squashed to the 32 px square");
                ScoredImage now = m.score(probe.resize(32, 32));
                assertArrayEquals(now.reconstruction().data(), old.reconstruction().data(), 0f);
                assertArrayEquals(now.map().values(), old.map().values(), 1e-6f);
            }
        }
    }

    /** A 32 px model after one epoch on six generated parts: enough to have weights to compare. */
    private static SsaeModel trainOneEpoch(String folder, long seed, int patch, int width) throws Exception {
        List<Path> good = SyntheticImages.writeParts(dir.resolve(folder), 6, 32, seed);
        TrainingSettings s = TrainingSettings.defaults().withImageSize(32).withPatch(patch).withWidth(width)
                .withBatchSize(4).withEpochs(1).withKind(PartKind.OBJECT);
        return new SsaeTrainer().train(good, s, TrainingListener.NONE, () -> false).model();
    }

    /**
     * Copies a model file as format 1 wrote it: version 1, no patch, no geometry or calibration
     * choice in the header, the calibration grid stored by one side.
     */
    private static void rewriteAsFormatOne(Path from, Path to) throws Exception {
        try (ZipFile in = new ZipFile(from.toFile());
             OutputStream out = Files.newOutputStream(to); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("header.json")) {
                    var root = (ObjectNode) Json.mapper().readTree(bytes);
                    root.put("formatVersion", 1);
                    root.remove("patch");
                    root.remove("geometry");
                    root.remove("calibrationChoice");
                    ObjectNode settings = (ObjectNode) root.path("training").path("settings");
                    settings.remove("patch");
                    settings.remove("scale");
                    settings.remove("cropSize");
                    settings.put("kind", "OBJECT");
                    bytes = Json.mapper().writeValueAsBytes(root);
                } else if (e.getName().equals("calibration.bin")) {
                    bytes = squareCalibration(bytes);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
    }

    /** The grid calibration (mode, width, height, ...) in the format 1 and 2 layout (mode, side, ...). */
    private static byte[] squareCalibration(byte[] grid) throws Exception {
        var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(grid));
        var bytes = new java.io.ByteArrayOutputStream();
        var out = new java.io.DataOutputStream(bytes);
        out.writeUTF(in.readUTF());
        int side = in.readInt();
        assertEquals(side, in.readInt(), "a square grid");
        out.writeInt(side);
        out.write(in.readAllBytes());
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void headerCanBeReadAloneAndSaveLeavesNoTemporaryFiles() throws Exception {
        assertEquals(model.header(), ModelFile.readHeader(saved));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void truncatedFileIsRefusedWithItsName() throws Exception {
        byte[] bytes = Files.readAllBytes(saved);
        Path cut = dir.resolve("cut.ssae");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        UserFacingException e = assertThrows(UserFacingException.class, () -> ModelFile.load(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void foreignFilesAreRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.ssae"), "hello");
        assertTrue(assertThrows(UserFacingException.class, () -> ModelFile.load(text)).getMessage()
                .contains("not an SSAE Inspector model"));
        Path zip = dir.resolve("other.ssae");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("x".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(assertThrows(UserFacingException.class, () -> ModelFile.load(zip)).getMessage()
                .contains("not an SSAE Inspector model"));
        assertTrue(assertThrows(UserFacingException.class, () -> ModelFile.load(dir.resolve("missing.ssae")))
                .getMessage().contains("not found"));
    }

    @Test
    void newerFormatIsRefusedWithAnUpdateHint() throws Exception {
        Path newer = dir.resolve("newer.ssae");
        try (OutputStream out = Files.newOutputStream(newer); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("header.json"));
            z.write(("{\"format\":\"" + ModelFile.MAGIC + "\",\"formatVersion\":99,\"appVersion\":\"9.0\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String m = assertThrows(UserFacingException.class, () -> ModelFile.load(newer)).getMessage();
        assertTrue(m.contains("newer") && m.contains("9.0") && m.contains("update"), m);
    }

    @Test
    void unwritableTargetFailsClearlyAndLeavesNothing() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        Path target = blocker.resolve("model.ssae");
        UserFacingException e = assertThrows(UserFacingException.class, () -> ModelFile.save(model, target));
        assertTrue(e.getMessage().startsWith(target.toString()), e.getMessage());
        assertEquals("x", Files.readString(blocker));
    }
}
