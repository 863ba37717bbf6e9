package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.testing.SyntheticImages;
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
