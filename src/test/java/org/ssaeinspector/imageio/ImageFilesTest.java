package org.ssaeinspector.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void recognisesImageExtensionsCaseInsensitively() {
        for (String name : List.of("a.png", "b.JPG", "c.jpeg", "d.Bmp", "e.tif", "f.TIFF", "x.y.png")) {
            assertTrue(ImageFiles.isImageFileName(Path.of(name)), name);
        }
        for (String name : List.of("a.txt", "png", ".png", "b.gif", "c.png.bak", "d.jpe", "notes")) {
            assertFalse(ImageFiles.isImageFileName(Path.of(name)), name);
        }
    }

    @Test
    void unsupportedImageFormatsAreNamedAsSuchAndOtherFilesAreNotImages() {
        assertEquals("GIF image: not a supported format (PNG, JPEG, BMP, TIFF)", ImageFiles.notAnImageReason(Path.of("a.GIF")));
        assertEquals("WebP image: not a supported format (PNG, JPEG, BMP, TIFF)", ImageFiles.notAnImageReason(Path.of("d", "b.webp")));
        assertEquals("HEIC image: not a supported format (PNG, JPEG, BMP, TIFF)", ImageFiles.notAnImageReason(Path.of("IMG_1.heic")));
        for (String name : List.of("notes.txt", "gif", ".webp", "README")) {
            assertEquals(ImageFiles.NOT_AN_IMAGE, ImageFiles.notAnImageReason(Path.of(name)), name);
        }
    }

    @Test
    void recognisesHiddenAndSystemFiles() {
        assertTrue(ImageFiles.isHiddenOrSystem(Path.of(".DS_Store")));
        assertTrue(ImageFiles.isHiddenOrSystem(Path.of("dir", "Thumbs.db")));
        assertTrue(ImageFiles.isHiddenOrSystem(Path.of("desktop.ini")));
        assertFalse(ImageFiles.isHiddenOrSystem(Path.of("readme.txt")));
        assertFalse(ImageFiles.isHiddenOrSystem(Path.of("001.png")));
    }

    @Test
    void listsOnlyImageFilesInNaturalOrder() throws Exception {
        for (String name : List.of("img10.png", "img2.png", "IMG1.jpg", "img2.bmp", "notes.txt", ".hidden.png", "b.tif")) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.createDirectory(dir.resolve("sub.png"));
        List<String> names = ImageFiles.list(dir).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("b.tif", "IMG1.jpg", "img2.bmp", "img2.png", "img10.png"), names);
    }

    @Test
    void naturalOrderComparesNumbersByValue() {
        assertTrue(ImageFiles.compareNatural("a9", "a10") < 0);
        assertTrue(ImageFiles.compareNatural("a010", "a9") > 0);
        assertTrue(ImageFiles.compareNatural("007", "7") > 0); // equal value: the longer spelling last
        assertTrue(ImageFiles.compareNatural("abc", "ABD") < 0);
        assertTrue(ImageFiles.compareNatural("a", "a1") < 0);
        assertEquals(0, ImageFiles.compareNatural("same1", "same1"));
        assertTrue(ImageFiles.compareNatural("x99999999999999999999999", "x100000000000000000000000") < 0);
    }

    @Test
    void stemDropsOnlyTheLastExtension() {
        assertEquals("001_mask", ImageFiles.stem(Path.of("gt", "001_mask.png")));
        assertEquals("a.b", ImageFiles.stem(Path.of("a.b.jpg")));
        assertEquals(".hidden", ImageFiles.stem(Path.of(".hidden")));
    }
}
