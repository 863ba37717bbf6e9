package org.ssaeinspector.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.SsaeModel;

/**
 * A grey photo and a colour photo whose three channels are equal are the same picture: every
 * model scores them alike, whichever channel count it was trained on (the image is converted
 * to the model's, silently). Checked on the bundled colour (fabric) and grey (metal) models.
 */
class GreyAndColourImagesTest {
    @TempDir
    Path tmp;

    @Test
    void aGreyImageScoresExactlyLikeItsColourCopyWithEqualChannels() throws Exception {
        BufferedImage photo = ImageIO.read(Path.of("sample-images/fabric/test/hole/000.png").toFile());
        Path grey = tmp.resolve("grey.png");
        Path colour = tmp.resolve("colour.png");
        writeGreyAndEqualChannelCopies(photo, grey, colour);
        FloatImage g = ImageLoader.load(grey);
        FloatImage c = ImageLoader.load(colour);
        assertEquals(1, g.channels());
        assertEquals(3, c.channels());
        for (String model : new String[] {"fabric/fabric.ssae", "metal/metal.ssae"}) {
            try (SsaeModel m = ModelFile.load(Path.of("sample-images").resolve(model))) {
                ScoredImage fromGrey = m.score(g);
                ScoredImage fromColour = m.score(c);
                assertEquals(fromColour.score(), fromGrey.score(), model);
                assertArrayEquals(fromColour.map().values(), fromGrey.map().values(), model);
                assertTrue(Float.isFinite(fromGrey.score()), model);
            }
        }
    }

    @Test
    void anImageWithEqualChannelsTurnsGreyWithoutChangingAValue() {
        int n = 4096;
        float[] rgb = new float[3 * n];
        for (int i = 0; i < n; i++) {
            float v = i / (float) (n - 1); // every level, including values luma weights round off
            rgb[i] = v;
            rgb[n + i] = v;
            rgb[2 * n + i] = v;
        }
        FloatImage grey = new FloatImage(3, 64, 64, rgb).withChannels(1);
        float[] expected = java.util.Arrays.copyOf(rgb, n);
        assertArrayEquals(expected, grey.data());
        assertArrayEquals(rgb, grey.withChannels(3).data());
    }

    /** The photo's luma as an 8-bit grey PNG, and the same levels in all three channels of an RGB PNG. */
    private static void writeGreyAndEqualChannelCopies(BufferedImage photo, Path grey, Path colour) throws Exception {
        int w = photo.getWidth();
        int h = photo.getHeight();
        BufferedImage g = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage c = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = photo.getRGB(x, y);
                int v = (299 * ((p >> 16) & 255) + 587 * ((p >> 8) & 255) + 114 * (p & 255) + 500) / 1000;
                g.getRaster().setSample(x, y, 0, v);
                c.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        ImageIO.write(g, "png", grey.toFile());
        ImageIO.write(c, "png", colour.toFile());
    }
}
