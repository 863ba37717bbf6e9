package org.ssaeinspector.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.app.SampleImagesLocator;

class ImageLookTest {
    private static List<Path> goodImages(String category) throws IOException {
        Path dir = SampleImagesLocator.find().orElseThrow().resolve(category).resolve("train/good");
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void theSampleWashersAndFabricsLookDifferentAndEachLooksLikeItself() throws IOException {
        List<Path> washer = goodImages("washer");
        List<Path> fabric = goodImages("fabric");
        ImageLook w = ImageLook.of(washer.subList(0, 15)).orElseThrow();
        ImageLook f = ImageLook.of(fabric).orElseThrow();
        assertTrue(w.differenceFrom(f).isPresent(), w + " vs " + f);
        assertTrue(f.differenceFrom(w).isPresent());
        assertEquals(Optional.empty(), w.differenceFrom(ImageLook.of(washer.subList(15, washer.size())).orElseThrow()));
        assertEquals(Optional.empty(), f.differenceFrom(ImageLook.of(fabric.subList(1, fabric.size())).orElseThrow()));
    }

    @Test
    void theWideMetalPhotosDoNotLookLikeWashers() throws IOException {
        List<Path> metal = goodImages("metal");
        ImageLook m = ImageLook.of(metal.subList(0, 10)).orElseThrow();
        ImageLook w = ImageLook.of(goodImages("washer")).orElseThrow();
        assertTrue(m.differenceFrom(w).isPresent(), m + " vs " + w);
        assertEquals(Optional.empty(), m.differenceFrom(ImageLook.of(metal.subList(10, 20)).orElseThrow()));
    }
}
