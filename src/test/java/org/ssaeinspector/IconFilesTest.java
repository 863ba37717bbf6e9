package org.ssaeinspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The committed application icons (icons/, made by icons/IconGenerator.java) are what the
 * installers need: readable PNGs of the stated sizes, a Windows .ico and a macOS .icns whose
 * entries decode to the sizes their headers claim.
 */
class IconFilesTest {
    private static final Path ICONS = Path.of("icons");

    @Test
    void pngsHaveTheirSizesAndAreNotBlank() throws IOException {
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            BufferedImage image = read(Files.readAllBytes(ICONS.resolve("ssae-inspector-" + size + ".png")));
            assertEquals(size, image.getWidth(), "width of " + size);
            assertEquals(size, image.getHeight(), "height of " + size);
            assertTrue(distinctColours(image) > 8, "icon " + size + " has a drawing, not a flat fill");
        }
    }

    @Test
    void icoHoldsEveryDeclaredSize() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("ssae-inspector.ico")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0));
        assertEquals(1, ico.getShort(2), "type 1 = icon");
        int count = ico.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int declared = ico.get(entry) == 0 ? 256 : ico.get(entry) & 0xFF;
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            assertTrue(offset + length <= ico.capacity(), "entry " + declared + " lies inside the file");
            byte[] data = Arrays.copyOfRange(ico.array(), offset, offset + length);
            if (data[0] == (byte) 0x89 && data[1] == 'P') {
                assertEquals(declared, read(data).getWidth(), "PNG entry " + declared);
            } else {
                ByteBuffer dib = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(40, dib.getInt(0), "bitmap header of " + declared);
                assertEquals(declared, dib.getInt(4));
                assertEquals(2 * declared, dib.getInt(8), "bitmap height covers image and mask");
                assertEquals(32, dib.getShort(14), "32-bit with alpha");
                int maskRow = (declared + 31) / 32 * 4;
                assertEquals(40 + declared * declared * 4 + maskRow * declared, length);
            }
            sizes.add(declared);
        }
        assertEquals(List.of(16, 24, 32, 48, 64, 256), sizes);
    }

    @Test
    void icnsEntriesDecodeToTheirTypeSizes() throws IOException {
        byte[] bytes = Files.readAllBytes(ICONS.resolve("ssae-inspector.icns"));
        ByteBuffer icns = ByteBuffer.wrap(bytes);
        assertEquals("icns", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(bytes.length, icns.getInt(4), "total length in the header");
        Map<String, Integer> expected = Map.of("icp4", 16, "icp5", 32, "ic11", 32, "ic12", 64,
                "ic07", 128, "ic08", 256, "ic13", 256, "ic09", 512, "ic14", 512, "ic10", 1024);
        List<String> seen = new ArrayList<>();
        int at = 8;
        while (at < bytes.length) {
            String type = new String(bytes, at, 4, StandardCharsets.US_ASCII);
            int length = icns.getInt(at + 4);
            assertTrue(length > 8 && at + length <= bytes.length, "entry " + type + " lies inside the file");
            Integer size = expected.get(type);
            assertNotNull(size, "known entry type " + type);
            BufferedImage image = read(Arrays.copyOfRange(bytes, at + 8, at + length));
            assertEquals(size, image.getWidth(), type);
            seen.add(type);
            at += length;
        }
        assertEquals(expected.keySet().stream().sorted().toList(), seen.stream().sorted().toList());
    }

    private static BufferedImage read(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "decodable PNG");
        return image;
    }

    private static long distinctColours(BufferedImage image) {
        return Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                .distinct().count();
    }
}
