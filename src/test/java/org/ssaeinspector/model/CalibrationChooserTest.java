package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.scoring.GaussianSmoothing;
import org.ssaeinspector.scoring.ResidualCalibration;
import org.ssaeinspector.scoring.ResidualMap;
import org.ssaeinspector.testing.SyntheticImages;

class CalibrationChooserTest {
    private static final List<ResidualCalibration.Mode> ALL = List.of(ResidualCalibration.Mode.PER_PIXEL,
            ResidualCalibration.Mode.COARSE, ResidualCalibration.Mode.GLOBAL);

    /**
     * A stand-in for a trained network that reproduces the part's smooth content but not its
     * sharp edges: the residual is the image minus its blur. On aligned parts that leaves a
     * systematic bright ring at the disc's rim in every good image.
     */
    private static final Function<List<FloatImage>, List<ResidualMap>> BLUR_NETWORK = images -> {
        List<ResidualMap> out = new ArrayList<>();
        for (FloatImage img : images) {
            int w = img.width();
            int h = img.height();
            float[] r = new float[w * h];
            for (int c = 0; c < img.channels(); c++) {
                float[] plane = java.util.Arrays.copyOfRange(img.data(), c * w * h, (c + 1) * w * h);
                float[] blurred = GaussianSmoothing.blur(plane, w, h, 1.5);
                for (int i = 0; i < r.length; i++) {
                    float d = plane[i] - blurred[i];
                    r[i] += d * d / img.channels();
                }
            }
            out.add(new ResidualMap(r, w, h));
        }
        return out;
    };

    private static List<FloatImage> alignedParts(int n) {
        Random rng = new Random(4);
        List<FloatImage> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(SyntheticImages.part(64, rng, false));
        }
        return parts;
    }

    @Test
    void alignedPartsWithASystematicRimGetPerPixelCalibration() {
        CalibrationChooser.Outcome o = CalibrationChooser.choose(alignedParts(16), BLUR_NETWORK, 64, 64, ALL, 0.5, 0.01,
                null, 1);
        CalibrationChoice choice = o.choice();
        assertEquals(ALL.size() * CalibrationChooser.SMOOTHING_AT_128.length, choice.candidates().size());
        assertEquals("per-pixel", choice.calibration(), "figures: " + choice.candidates());
        assertEquals(ResidualCalibration.Mode.PER_PIXEL, o.mode());
        CalibrationChoice.Candidate best = choice.chosen();
        assertNotNull(best);
        for (CalibrationChoice.Candidate c : choice.candidates()) {
            assertTrue(best.objective() >= c.objective() - CalibrationChooser.TIE_TOLERANCE,
                    "the kept candidate is the best or ties with it: " + best + " vs " + c);
            if (c.calibration().equals(best.calibration()) && c.smoothingSigma() > best.smoothingSigma()) {
                assertTrue(c.objective() < choice.candidates().stream().mapToDouble(CalibrationChoice.Candidate::objective)
                        .max().orElseThrow() - CalibrationChooser.TIE_TOLERANCE, "a smoother tie would have been kept: " + c);
            }
        }
        CalibrationChoice.Candidate global = choice.candidates().stream()
                .filter(c -> c.calibration().equals("global") && c.smoothingSigma() == best.smoothingSigma()).findFirst().orElseThrow();
        assertTrue(best.imageAuroc() > global.imageAuroc() + 0.05,
                "per pixel removes the rim: " + best.imageAuroc() + " vs global " + global.imageAuroc());
        assertEquals(16, o.heldOutScores().length);
        assertEquals(16 * 3, choice.syntheticDefects(), "small sets get several synthetic defects per image");
        assertTrue(choice.describe().contains("per-pixel"));
    }

    @Test
    void aForcedCalibrationOnlyChoosesTheSmoothing() {
        CalibrationChooser.Outcome o = CalibrationChooser.choose(alignedParts(6), BLUR_NETWORK, 64, 64,
                List.of(ResidualCalibration.Mode.GLOBAL), 0.5, 0.01, "kind texture", 1);
        assertEquals(ResidualCalibration.Mode.GLOBAL, o.mode());
        assertEquals(CalibrationChooser.SMOOTHING_AT_128.length, o.choice().candidates().size());
        assertEquals("kind texture", o.choice().forcedBy());
    }

    @Test
    void withTooFewHeldOutImagesItSaysSoInsteadOfMeasuringNoise() {
        CalibrationChooser.Outcome o = CalibrationChooser.choose(alignedParts(2), BLUR_NETWORK, 64, 64, ALL, 0.5, 0.01,
                null, 1);
        assertTrue(o.choice().candidates().isEmpty());
        assertTrue(o.choice().forcedBy().contains("too few"));
    }
}
