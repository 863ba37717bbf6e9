package org.ssaeinspector.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.imageio.ImageLoadException;

class MaskLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadsAtNativeSizeWithAnyNonZeroPixelAsDefect() throws Exception {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(1, 0, 0, 255);
        img.getRaster().setSample(3, 1, 0, 1); // faint but non-zero still counts
        Path p = dir.resolve("m.png");
        ImageIO.write(img, "png", p.toFile());
        assertArrayEquals(new boolean[] {false, true, false, false, false, false, false, true}, MaskLoader.load(p, 4, 2));
    }

    @Test
    void colourMaskCountsAnyChannel() throws Exception {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 0, 0x000080);
        Path p = dir.resolve("c.png");
        ImageIO.write(img, "png", p.toFile());
        assertArrayEquals(new boolean[] {false, true}, MaskLoader.load(p, 2, 1));
    }

    @Test
    void nearestNeighbourUpAndDown() throws Exception {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 2; y++) {
            for (int x = 2; x < 4; x++) {
                img.getRaster().setSample(x, y, 0, 255); // top-right quarter
            }
        }
        Path p = dir.resolve("q.png");
        ImageIO.write(img, "png", p.toFile());
        boolean[] up = MaskLoader.load(p, 8, 6);
        int count = 0;
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(x >= 4 && y < 3, up[y * 8 + x], "pixel " + x + "," + y);
                count += up[y * 8 + x] ? 1 : 0;
            }
        }
        assertEquals(12, count);
        assertArrayEquals(new boolean[] {false, true, false, false}, MaskLoader.load(p, 2, 2));
    }

    @Test
    void badMaskFileIsAnImageLoadException() throws Exception {
        Path p = Files.createFile(dir.resolve("empty_mask.png"));
        assertEquals("empty file (0 bytes)", assertThrows(ImageLoadException.class, () -> MaskLoader.load(p, 2, 2)).problem());
    }
}
