package org.ssaeinspector.model;

import org.ssaeinspector.testing.Bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
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
        TrainingSettings s = TrainingSettings.defaults().withImageSize(32).withWidth(16).withBatchSize(4).withEpochs(1);
        model = new SsaeTrainer().train(good, s, TrainingListener.NONE, () -> false).model();
        saved = dir.resolve("tiny.ssae");
        ModelFile.save(model, saved);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /**
     * The residual measure is part of what a model is: kept by a save and a load, and a file of
     * format 4, which names none, compares images by the squared difference as it always did.
     */
    @Test
    void theResidualMeasureRoundTripsAndOlderFilesUseTheSquaredDifference() throws Exception {
        try (SsaeModel back = ModelFile.load(saved)) {
            assertEquals(org.ssaeinspector.scoring.ResidualMeasure.SQUARED_AND_STRUCTURAL, back.header().residualMeasure(),
                    "the default");
            assertEquals(model.header().calibrationChoice().residual(), back.header().residual());
        }
        Path current = dir.resolve("squared.ssae");
        Path v4 = dir.resolve("v4.ssae");
        FloatImage probe = SyntheticImages.part(40, new Random(11), true);
        try (SsaeModel squared = trainOneEpoch("good-v4", 24, 1, 16, "squared")) {
            ModelFile.save(squared, current);
            copyWith(current, v4, Map.of("header.json", bytes -> {
                ObjectNode root = (ObjectNode) Json.mapper().readTree(bytes);
                root.put("formatVersion", 4);
                root.remove("residual");
                return Json.mapper().writeValueAsBytes(root);
            }, "calibration.bin", ModelFileTest::gridCalibration));
            try (SsaeModel back = ModelFile.load(v4)) {
                assertEquals(org.ssaeinspector.scoring.ResidualMeasure.SQUARED, back.header().residualMeasure());
                assertEquals(squared.score(probe).score(), back.score(probe).score(), 0f, "scores as it did");
            }
        }
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
    void aModelOfPhotosUnderVaryingLightNormalisesThemAndSaysSoInItsFile() throws Exception {
        Random rng = new Random(31);
        List<Path> good = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double gain = 0.3 + 0.7 * i / 7.0;
            Path file = dir.resolve("light").resolve(i + ".png");
            Files.createDirectories(file.getParent());
            SyntheticImages.write(DataTraitsTest.stripes(32, 0, gain, (1 - gain) * 0.3, rng), file);
            good.add(file);
        }
        TrainingSettings s = TrainingSettings.defaults().withImageSize(32).withWidth(16).withBatchSize(4).withEpochs(1);
        try (SsaeModel m = new SsaeTrainer().train(good, s, TrainingListener.NONE, () -> false).model()) {
            assertEquals(ModelFile.FORMAT_VERSION, m.header().formatVersion());
            assertTrue(m.header().dataTraits().lightNormalised(), m.header().dataTraits().describe());
            Path file = dir.resolve("light.ssae");
            ModelFile.save(m, file);
            try (SsaeModel back = ModelFile.load(file)) {
                assertEquals(m.header(), back.header());
                // The same part photographed dim and bright is the same part to this model.
                FloatImage bright = DataTraitsTest.stripes(32, 0, 1.0, 0, new Random(5));
                FloatImage dim = DataTraitsTest.stripes(32, 0, 0.35, 0.2, new Random(5));
                assertEquals(back.score(bright).score(), back.score(dim).score(), 1e-3 * Math.abs(back.score(bright).score()) + 1e-3);
            }
        }
    }

    /** Flat photos: the model stretches them by one gain, keeps it in its file, and scores alike after a load. */
    @Test
    void aModelOfFlatPhotosStretchesThemAndKeepsTheGainInItsFile() throws Exception {
        Random rng = new Random(33);
        List<Path> good = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path file = dir.resolve("flat").resolve(i + ".png");
            Files.createDirectories(file.getParent());
            SyntheticImages.write(DataTraitsTest.stripes(32, 0, 0.12, 0.05, rng), file);
            good.add(file);
        }
        TrainingSettings s = TrainingSettings.defaults().withImageSize(32).withWidth(16).withBatchSize(4).withEpochs(1);
        try (SsaeModel m = new SsaeTrainer().train(good, s, TrainingListener.NONE, () -> false).model()) {
            DataTraits t = m.header().dataTraits();
            assertTrue(t.flatStretched() && !t.lightNormalised(), t.describe());
            Path file = dir.resolve("flat.ssae");
            ModelFile.save(m, file);
            FloatImage probe = DataTraitsTest.stripes(32, 0, 0.12, 0.05, new Random(6));
            try (SsaeModel back = ModelFile.load(file)) {
                assertEquals(m.header(), back.header());
                assertEquals(m.score(probe).score(), back.score(probe).score(), 0f);
            }
        }
    }

    @Test
    void aPatchedNetworkRoundTripsExactly() throws Exception {
        Path file = dir.resolve("patched.ssae");
        FloatImage probe = SyntheticImages.part(40, new Random(9), true);
        try (SsaeModel patched = trainOneEpoch("good-patched", 22, 2, 16)) {
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
        try (SsaeModel m = trainOneEpoch("good-v1", 23, 1, 16, "squared")) { // what format 1 models compared
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
        return trainOneEpoch(folder, seed, patch, width, null);
    }

    private static SsaeModel trainOneEpoch(String folder, long seed, int patch, int width, String residual) throws Exception {
        List<Path> good = SyntheticImages.writeParts(dir.resolve(folder), 6, 32, seed);
        TrainingSettings s = TrainingSettings.defaults().withImageSize(32).withPatch(patch).withWidth(width)
                .withBatchSize(4).withEpochs(1).withKind(PartKind.OBJECT).withResidual(residual);
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
    private static byte[] squareCalibration(byte[] planes) throws Exception {
        var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(planes));
        var bytes = new java.io.ByteArrayOutputStream();
        var out = new java.io.DataOutputStream(bytes);
        out.writeUTF(in.readUTF());
        int side = in.readInt();
        assertEquals(side, in.readInt(), "a square grid");
        assertEquals(1, in.readInt(), "one plane");
        out.writeInt(side);
        out.write(in.readAllBytes());
        out.flush();
        return bytes.toByteArray();
    }

    /** A single-plane calibration block of format 5 in the layout of formats 3 and 4 (no plane count). */
    private static byte[] gridCalibration(byte[] planes) throws Exception {
        var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(planes));
        var bytes = new java.io.ByteArrayOutputStream();
        var out = new java.io.DataOutputStream(bytes);
        out.writeUTF(in.readUTF());
        out.writeInt(in.readInt());
        out.writeInt(in.readInt());
        assertEquals(1, in.readInt(), "one plane");
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
    void theBundledSampleModelsLoadAndScore() {
        for (String name : List.of("fabric/fabric.ssae", "metal/metal.ssae", "washer/washer.ssae")) {
            try (SsaeModel m = ModelFile.load(Path.of("sample-images").resolve(name))) {
                assertTrue(m.header().formatVersion() >= 2, name);
                assertTrue(Float.isFinite(m.score(SyntheticImages.part(64, new Random(1), false)).score()), name);
            }
        }
    }

    /** Headers that claim too much, or disagree with the blocks they describe: refused in one line, nothing allocated. */
    @Test
    void hostileHeadersAreRefusedInOneLineNamingTheFileAndTheProblem() throws Exception {
        List<Map.Entry<String, java.util.function.Consumer<ObjectNode>>> cases = new java.util.ArrayList<>();
        cases.add(Map.entry("model side must be", h -> h.put("imageSize", 100000)));
        cases.add(Map.entry("channels must be 1 or 3", h -> h.put("channels", 2)));
        cases.add(Map.entry("network width must be", h -> h.put("width", 100000)));
        cases.add(Map.entry("threshold must be a finite number", h -> h.put("threshold", "NaN")));
        cases.add(Map.entry("blur and smoothing sigmas", h -> h.put("smoothingSigma", -1)));
        cases.add(Map.entry("held-out scores must be finite", h -> h.putArray("heldOutScores").add(1.0).add("Infinity")));
        cases.add(Map.entry("field geometry: scale must be", h -> ((ObjectNode) h.get("geometry")).put("scale", -1)));
        cases.add(Map.entry("is too large", h -> ((ObjectNode) h.get("geometry")).put("referenceWidth", 100000).put("scale", 4)));
        cases.add(Map.entry("field training.settings: learning rate must be", h -> ((ObjectNode) h.at("/training/settings")).put("learningRate", "NaN")));
        cases.add(Map.entry("unknown calibration mode", h -> h.put("calibration", "bogus")));
        cases.add(Map.entry("unknown residual measure 'bogus'", h -> h.put("residual", "bogus")));
        // Values within the limits that disagree with the parameters the file holds.
        cases.add(Map.entry("do not match the header", h -> h.put("channels", 1)));
        cases.add(Map.entry("do not match the header", h -> h.put("width", 8)));
        cases.add(Map.entry("do not match the header", h -> h.put("patch", 2).set("geometry", null)));
        for (var c : cases) {
            Path file = dir.resolve("hostile-header.ssae");
            copyWith(saved, file, Map.of("header.json", bytes -> {
                ObjectNode root = (ObjectNode) Json.mapper().readTree(bytes);
                c.getValue().accept(root);
                return Json.mapper().writeValueAsBytes(root);
            }));
            assertRefused(file, c.getKey());
        }
    }

    @Test
    void hostileCalibrationBlocksAreRefusedBeforeTheirGridIsAllocated() throws Exception {
        for (int[] grid : new int[][] {{40000, 40000, 1_600_000_000}, {2, 2, -2147479015}, {1, 1, 1 << 30}}) {
            Path file = dir.resolve("hostile-calibration.ssae");
            copyWith(saved, file, Map.of("calibration.bin", bytes -> {
                var out = new java.io.ByteArrayOutputStream();
                var data = new java.io.DataOutputStream(out);
                data.writeUTF("per-pixel");
                data.writeInt(grid[0]);
                data.writeInt(grid[1]);
                data.writeFloat(0.1f);
                data.writeInt(grid[2]);
                data.flush();
                return out.toByteArray();
            }));
            assertRefused(file, "calibration statistics");
        }
    }

    @Test
    void parameterBlocksThatDisagreeWithTheHeaderAreRefusedAndWeightsAloneMayDiffer() throws Exception {
        byte[] params = entryBytes(saved, "parameters.bin");
        Path file = dir.resolve("hostile-parameters.ssae");
        copyWith(saved, file, Map.of("parameters.bin", b -> Arrays.copyOf(b, b.length - 100)));
        assertRefused(file, "bytes where its network has " + params.length);
        // A zip bomb: the block inflates far beyond the network; reading stops one byte past it.
        copyWith(saved, file, Map.of("parameters.bin", b -> Arrays.copyOf(b, b.length + (64 << 20))));
        assertRefused(file, "longer than the " + params.length + " bytes of its network");
        copyWith(saved, file, Map.of("parameters.bin", b -> changed(b, 0, (byte) 7)));
        assertRefused(file, "differ at byte 0");
        // An array length claiming 2 GB: a structural byte, refused before the engine allocates it.
        int ndar = Bytes.indexOf(params, "NDAR".getBytes(StandardCharsets.US_ASCII));
        copyWith(saved, file, Map.of("parameters.bin", b -> changed(b, ndar + 40, (byte) 0x7f)));
        assertRefused(file, "do not match the header");
        // The last bytes are the last weight: another value loads, a NaN does not.
        copyWith(saved, file, Map.of("parameters.bin", b -> changed(b, b.length - 1, (byte) (b[b.length - 1] ^ 1))));
        try (SsaeModel m = ModelFile.load(file)) {
            assertEquals(model.header(), m.header());
        }
        copyWith(saved, file, Map.of("parameters.bin", b -> {
            byte[] nan = b.clone();
            System.arraycopy(new byte[] {0, 0, (byte) 0xc0, 0x7f}, 0, nan, nan.length - 4, 4); // little-endian NaN
            return nan;
        }));
        assertRefused(file, "non-finite");
    }

    @Test
    void anOversizedHeaderIsNotReadIntoMemory() throws Exception {
        Path file = dir.resolve("huge-header.ssae");
        copyWith(saved, file, Map.of("header.json", b -> Arrays.copyOf(b, ModelFile.MAX_HEADER_BYTES + 10)));
        assertRefused(file, "header is larger than");
    }

    private static void assertRefused(Path file, String problem) {
        UserFacingException e = assertThrows(UserFacingException.class, () -> ModelFile.load(file).close(), problem);
        String m = e.getMessage();
        assertTrue(m.startsWith(file + ": "), m);
        assertTrue(m.contains(problem), "expected '" + problem + "' in: " + m);
        assertFalse(m.contains("\n"), "one line: " + m);
    }

    private interface BytesEdit {
        byte[] apply(byte[] bytes) throws Exception;
    }

    /** Copies a model file, passing the named entries through an edit. */
    private static void copyWith(Path from, Path to, Map<String, BytesEdit> edits) throws Exception {
        try (ZipFile in = new ZipFile(from.toFile());
             OutputStream out = Files.newOutputStream(to); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                BytesEdit edit = edits.get(e.getName());
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(edit == null ? bytes : edit.apply(bytes));
                z.closeEntry();
            }
        }
    }

    private static byte[] entryBytes(Path file, String name) throws Exception {
        try (ZipFile z = new ZipFile(file.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    private static byte[] changed(byte[] bytes, int at, byte value) {
        byte[] copy = bytes.clone();
        copy[at] = value;
        return copy;
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
