package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageGeometryTest {
    @Test
    void theTypicalShortSideBecomesTheModelSideAndTheAspectRatioIsKept() {
        ImageGeometry g = ImageGeometry.choose(List.of(new int[] {1130, 460}, new int[] {1130, 460}, new int[] {1130, 460}), 128, 0);
        assertEquals(128 / 460.0, g.scale(), 1e-12);
        assertArrayEquals(new int[] {314, 128}, g.modelSize(1130, 460));
        assertFalse(g.sameFraming(), "one size: nothing to reframe");
        ImageGeometry square = ImageGeometry.choose(List.of(new int[] {900, 900}), 128, 0);
        assertArrayEquals(new int[] {128, 128}, square.modelSize(900, 900), "square objects are seen as before");
    }

    /** BSData-like: one view photographed at two resolutions. Both look alike to the model. */
    @Test
    void oneShapeAtSeveralSizesIsOneViewAtSeveralResolutions() {
        ImageGeometry g = ImageGeometry.choose(List.of(new int[] {1130, 460}, new int[] {1130, 460}, new int[] {1540, 645}), 128, 0);
        assertTrue(g.sameFraming());
        assertEquals(128, g.modelSize(1540, 645)[1]);
        assertEquals(128, g.modelSize(1130, 460)[1]);
        // A photo of another shape keeps the reference scale's meaning through its short side too.
        assertEquals(128, g.modelSize(2724, 850)[1]);
    }

    /** Crops of one camera at different sizes: one fixed scale, so structures keep their size. */
    @Test
    void tilesOfSeveralShapesShareOneFixedScale() {
        ImageGeometry g = ImageGeometry.choose(List.of(new int[] {200, 300}, new int[] {400, 400}, new int[] {600, 250}), 128, 0);
        assertFalse(g.sameFraming());
        // The median photo by area is 600 x 250 (60, 150 and 160 thousand pixels).
        assertEquals(128 / 250.0, g.scale(), 1e-12);
        assertArrayEquals(new int[] {102, 154}, g.modelSize(200, 300));
    }

    @Test
    void aFixedScaleOverridesTheChoiceAndExtremeStripsAreBounded() {
        ImageGeometry fixed = ImageGeometry.choose(List.of(new int[] {1000, 500}), 128, 0.5);
        assertArrayEquals(new int[] {500, 250}, fixed.modelSize(1000, 500));
        ImageGeometry strip = ImageGeometry.choose(List.of(new int[] {20000, 100}), 128, 0);
        int[] m = strip.referenceModelSize();
        assertTrue((long) m[0] * m[1] <= ImageGeometry.MAX_AREA_IN_SQUARES * 128 * 128 * 1.01, m[0] + "x" + m[1]);
    }

    @Test
    void olderModelsSquashEveryPhotoToTheirSquare() {
        ImageGeometry g = ImageGeometry.squash(128);
        assertTrue(g.squashes());
        assertArrayEquals(new int[] {128, 128}, g.modelSize(1130, 460));
    }
}
