package org.ssaeinspector.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.util.UserFacingException;

class HeatmapFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTranslucentAndOverlayPngs() throws Exception {
        AnomalyMap map = new AnomalyMap(new float[] {0f, 0.5f, 1f, 3f}, 2, 2);
        Path layer = dir.resolve("out/layer.png");
        HeatmapFiles.write(layer, HeatmapRenderer.toImage(map, 1.0));
        BufferedImage back = ImageIO.read(layer.toFile());
        assertEquals(HeatmapRenderer.argb(1.0, 1.0), back.getRGB(0, 1));
        assertEquals(0, back.getRGB(0, 0) >>> 24);

        BufferedImage photo = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        Path overlay = dir.resolve("out/overlay.png");
        HeatmapFiles.writeOverlay(overlay, photo, map, 1.0, 0.7);
        BufferedImage o = ImageIO.read(overlay.toFile());
        assertEquals(4, o.getWidth());
        assertEquals(HeatmapRenderer.overlay(photo, map, 1.0, 0.7).getRGB(3, 3), o.getRGB(3, 3));
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(layer, overlay), files.sorted().toList());
        }
    }

    @Test
    void unwritablePathsAreUserErrorsAndLeaveNoTemporaryFiles() throws Exception {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        Path folder = Files.createDirectory(dir.resolve("x.png"));
        assertEquals("Cannot write the heatmap " + folder + ": it is a folder, expected a file name",
                assertThrows(UserFacingException.class, () -> HeatmapFiles.write(folder, img)).getMessage());
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        Path inside = blocker.resolve("h.png");
        UserFacingException e = assertThrows(UserFacingException.class, () -> HeatmapFiles.write(inside, img));
        assertTrue(e.getMessage().startsWith("Cannot write the heatmap " + inside + ": "), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(blocker, folder), files.sorted().toList());
        }
    }

    @Test
    void namerKeepsNamesDistinct() {
        HeatmapFiles.Namer namer = new HeatmapFiles.Namer(dir);
        assertEquals(dir.resolve("good_000_heatmap.png"), namer.next(Path.of("bottle/test/good/000.png")));
        assertEquals(dir.resolve("crack_000_heatmap.png"), namer.next(Path.of("bottle/test/crack/000.png")));
        assertEquals(dir.resolve("crack_000_2_heatmap.png"), namer.next(Path.of("other/test/crack/000.jpg")));
        assertEquals(dir.resolve("crack_001_heatmap.png"), namer.next(Path.of("bottle/test/crack/001.png")));
        assertEquals(dir.resolve("good_001_heatmap.png"), namer.next(Path.of("bottle/test/good/001.PNG")));
        // Case-insensitive: GOOD/001 would be the same file on Windows and macOS.
        assertEquals(dir.resolve("GOOD_001_2_heatmap.png"), namer.next(Path.of("other/test/GOOD/001.png")));
    }
}
