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
import org.ssaeinspector.scoring.ResidualMeasure;
import org.ssaeinspector.testing.SyntheticImages;

class CalibrationChooserTest {
    private static final List<ResidualCalibration.Mode> ALL = List.of(ResidualCalibration.Mode.PER_PIXEL,
            ResidualCalibration.Mode.COARSE, ResidualCalibration.Mode.GLOBAL);

    /**
     * A stand-in for a trained network that reproduces the part's smooth content but not its
     * sharp edges: its reconstruction is the image blurred. On aligned parts that leaves a
     * systematic bright ring at the disc's rim in every good image.
     */
    private static final Function<List<FloatImage>, List<FloatImage>> BLUR_RECONSTRUCTION = images -> {
        List<FloatImage> out = new ArrayList<>();
        for (FloatImage img : images) {
            int w = img.width();
            int h = img.height();
            float[] data = new float[img.data().length];
            for (int c = 0; c < img.channels(); c++) {
                float[] plane = java.util.Arrays.copyOfRange(img.data(), c * w * h, (c + 1) * w * h);
                System.arraycopy(GaussianSmoothing.blur(plane, w, h, 1.5), 0, data, c * w * h, w * h);
            }
            out.add(new FloatImage(img.channels(), w, h, data));
        }
        return out;
    };

    /** The squared difference with that network: the image minus its blur, squared. */
    private static final CalibrationChooser.Residuals BLUR_NETWORK = new CalibrationChooser.Residuals(BLUR_RECONSTRUCTION,
            List.of(ResidualMeasure.SQUARED), 0);

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

    @Test
    void everyResidualMeasureIsMeasuredAndTheKeptOneScoresTheThreshold() {
        CalibrationChooser.Residuals all = new CalibrationChooser.Residuals(BLUR_RECONSTRUCTION,
                List.of(ResidualMeasure.SQUARED, ResidualMeasure.STRUCTURAL, ResidualMeasure.GRADIENT), 0);
        CalibrationChooser.Outcome o = CalibrationChooser.choose(alignedParts(12), all, 64, 64,
                List.of(ResidualCalibration.Mode.PER_PIXEL), 0.5, 0.01, null, 1);
        CalibrationChoice choice = o.choice();
        assertEquals(3 * CalibrationChooser.SMOOTHING_AT_128.length, choice.candidates().size());
        for (ResidualMeasure m : all.measures()) {
            assertEquals(CalibrationChooser.SMOOTHING_AT_128.length,
                    choice.candidates().stream().filter(c -> c.residual().equals(m.id())).count(), m.id());
        }
        double bestObjective = choice.candidates().stream().mapToDouble(CalibrationChoice.Candidate::objective).max().orElseThrow();
        assertTrue(choice.chosen().objective() >= bestObjective - CalibrationChooser.TIE_TOLERANCE, choice.candidates().toString());
        assertEquals(o.measure().id(), choice.residual());
        assertEquals(o.measure().id(), choice.chosen().residual());
        // the held-out scores and maps handed on are the kept measure's, not the first one's
        double[] again = org.ssaeinspector.scoring.ResidualCalibration.leaveOneOutScores(o.heldOutResiduals(), 64, 64,
                o.mode(), o.sigma());
        assertEquals(again.length, o.heldOutScores().length);
        for (int i = 0; i < again.length; i++) {
            assertEquals(again[i], o.heldOutScores()[i], 1e-4 * Math.max(1, Math.abs(again[i])));
        }
        assertTrue(choice.describe().startsWith("residual " + o.measure().id()), choice.describe());
    }
}
