package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.imageio.FloatImage;

class TilingTest {
    private static FloatImage noise(int c, int w, int h, long seed) {
        Random rng = new Random(seed);
        float[] d = new float[c * w * h];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextFloat();
        }
        return new FloatImage(c, w, h, d);
    }

    /** A stand-in for the network: a local 5 x 5 box filter with zero padding, like a conv stack's. */
    private static Function<List<FloatImage>, List<FloatImage>> boxFilter(List<int[]> sizesSeen) {
        return batch -> {
            List<FloatImage> out = new ArrayList<>();
            for (FloatImage img : batch) {
                sizesSeen.add(new int[] {img.width(), img.height()});
                int w = img.width();
                int h = img.height();
                float[] o = new float[img.data().length];
                for (int c = 0; c < img.channels(); c++) {
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            float s = 0;
                            for (int dy = -2; dy <= 2; dy++) {
                                for (int dx = -2; dx <= 2; dx++) {
                                    int xx = x + dx;
                                    int yy = y + dy;
                                    if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                                        s += img.data()[(c * h + yy) * w + xx];
                                    }
                                }
                            }
                            o[(c * h + y) * w + x] = s / 25f;
                        }
                    }
                }
                out.add(new FloatImage(img.channels(), w, h, o));
            }
            return out;
        };
    }

    @Test
    void anIdentityNetworkGivesTheImageBackExactlyWhateverTheTiling() {
        FloatImage img = noise(3, 1001, 707, 1);
        List<int[]> seen = new ArrayList<>();
        FloatImage out = Tiling.run(img, 16, 4, batch -> {
            batch.forEach(b -> seen.add(new int[] {b.width(), b.height()}));
            return batch;
        });
        assertEquals(1001, out.width());
        assertEquals(707, out.height());
        for (int i = 0; i < img.data().length; i++) {
            assertEquals(img.data()[i], out.data()[i], 1e-5f, "pixel " + i);
        }
        assertTrue(seen.size() > 1, "a 1001 x 707 image is tiled");
        for (int[] s : seen) {
            assertEquals(0, s[0] % 16);
            assertEquals(0, s[1] % 16);
            assertTrue(s[0] * s[1] <= Tiling.MAX_WHOLE_PIXELS, "tiles are bounded: " + s[0] + "x" + s[1]);
        }
    }

    /** Blended tiles of a local filter agree with filtering the whole image: no seams. */
    @Test
    void tilesOfALocalFilterBlendWithoutSeams() {
        FloatImage img = noise(1, 900, 650, 2);
        List<int[]> seen = new ArrayList<>();
        FloatImage tiled = Tiling.run(img, 16, 8, boxFilter(seen));
        FloatImage whole = Tiling.crop(boxFilter(new ArrayList<>()).apply(List.of(Tiling.pad(img, 912, 656))).get(0), 0, 0, 900, 650);
        double maxDiff = 0;
        double sumDiff = 0;
        for (int i = 0; i < whole.data().length; i++) {
            double d = Math.abs(whole.data()[i] - tiled.data()[i]);
            maxDiff = Math.max(maxDiff, d);
            sumDiff += d;
        }
        // The filter's mean output is 0.5; a seam would show as a line of values off by ~0.1.
        assertTrue(maxDiff < 0.01, "largest difference at a seam " + maxDiff);
        assertTrue(sumDiff / whole.data().length < 1e-4, "mean difference " + sumDiff / whole.data().length);
        assertTrue(seen.size() >= 4);
    }

    @Test
    void smallAndOddImagesArePaddedByMirroringAndCroppedBack() {
        FloatImage img = noise(3, 5, 3, 3);
        List<int[]> seen = new ArrayList<>();
        FloatImage out = Tiling.run(img, 16, 8, batch -> {
            batch.forEach(b -> seen.add(new int[] {b.width(), b.height()}));
            return batch;
        });
        assertEquals(1, seen.size());
        assertEquals(16, seen.get(0)[0]);
        assertEquals(16, seen.get(0)[1]);
        assertEquals(5, out.width());
        assertEquals(3, out.height());
        FloatImage padded = Tiling.pad(img, 16, 16);
        // Mirrored: column 5 repeats column 3, row 3 repeats row 1.
        assertEquals(img.get(1, 3, 2), padded.get(1, 5, 2), 0f);
        assertEquals(img.get(0, 4, 1), padded.get(0, 4, 3), 0f);
        for (int i = 0; i < padded.data().length; i++) {
            assertTrue(Float.isFinite(padded.data()[i]));
        }
    }

    /** A strip thinner than the training crop is mirrored out to it (training and scoring alike); others are left. */
    @Test
    void onlyImagesThinnerThanTheCropAreMirroredOutToIt() {
        FloatImage strip = noise(1, 40, 6, 4);
        FloatImage out = Tiling.padToAtLeast(strip, 16);
        assertEquals(40, out.width());
        assertEquals(16, out.height());
        assertEquals(strip.get(0, 7, 4), out.get(0, 7, 6), 0f); // row 6 mirrors row 4
        FloatImage big = noise(1, 20, 16, 5);
        assertTrue(Tiling.padToAtLeast(big, 16) == big, "an image as large as the crop is used as it is");
    }

    @Test
    void tilesCoverEveryPixelAndOverlapByAtLeastTheBlendWidth() {
        for (int[] size : new int[][] {{1008, 704}, {4096, 512}, {528, 2000}, {640, 400}}) {
            List<Tiling.Piece> plan = Tiling.plan(size[0], size[1], 16);
            boolean[] covered = new boolean[size[0] * size[1]];
            for (Tiling.Piece p : plan) {
                assertTrue(p.x() >= 0 && p.y() >= 0 && p.x() + p.width() <= size[0] && p.y() + p.height() <= size[1]);
                for (int y = p.y(); y < p.y() + p.height(); y++) {
                    for (int x = p.x(); x < p.x() + p.width(); x++) {
                        covered[y * size[0] + x] = true;
                    }
                }
            }
            for (boolean c : covered) {
                assertTrue(c, "every pixel of " + size[0] + "x" + size[1] + " is in a tile");
            }
            List<Integer> xs = plan.stream().map(Tiling.Piece::x).distinct().sorted().toList();
            for (int i = 1; i < xs.size(); i++) {
                int overlap = xs.get(i - 1) + plan.get(0).width() - xs.get(i);
                assertTrue(overlap >= Tiling.OVERLAP, "overlap " + overlap + " at " + size[0] + "x" + size[1]);
            }
        }
    }
}
