package org.ssaeinspector.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.model.TrainingSettings;
import org.ssaeinspector.model.TrainingSummary;

class TrainingAdviceTest {
    private static ModelHeader header(long steps, double seconds, int heldOut, double rate) {
        TrainingSettings s = TrainingSettings.defaults().withTargetFalseRejectRate(rate);
        double[] held = new double[heldOut];
        java.util.Arrays.fill(held, 1.0);
        return FakeEngineService.header(s, new TrainingSummary(s, steps, 1, seconds, 0.01, false, "CPU"), held, 1.1);
    }

    private static List<LossPoint> loss(long steps, LongToDoubleFunction f) {
        List<LossPoint> out = new ArrayList<>();
        for (long s = 1; s <= steps; s += Math.max(1, steps / 400)) {
            out.add(new LossPoint(s, f.applyAsDouble(s)));
        }
        return out;
    }

    @Test
    void aFourStepRunOnFiveHeldOutImagesGetsBothWarningsWithWhatToDo() {
        List<String> advice = TrainingAdvice.of(header(4, 62, 5, 0.01), loss(4, s -> 1.0 / s));
        assertEquals(2, advice.size(), advice.toString());
        assertTrue(advice.get(0).startsWith("Only 4 training steps") && advice.get(0).contains("about 517 minutes"),
                advice.get(0));
        assertTrue(advice.get(1).contains("Only 5 good images were held out") && advice.get(1).contains("1.0 %")
                && advice.get(1).contains("at least 100"), advice.get(1));
    }

    @Test
    void aLongRunWithEnoughHeldOutImagesAndAFlatLossGetsNone() {
        assertEquals(List.of(), TrainingAdvice.of(header(3000, 600, 120, 0.01), loss(3000, s -> 0.02 + 1.0 / s)));
    }

    @Test
    void aLossStillFallingAtTheEndIsNamed() {
        List<String> advice = TrainingAdvice.of(header(3000, 600, 120, 0.01), loss(3000, s -> 1.0 - s / 4000.0));
        assertEquals(1, advice.size(), advice.toString());
        assertTrue(advice.get(0).startsWith("The loss was still falling"), advice.get(0));
    }

    @Test
    void aLooserFalseRejectRateNeedsFewerHeldOutImages() {
        assertEquals(List.of(), TrainingAdvice.of(header(3000, 600, 20, 0.05), List.of()));
        assertEquals(1, TrainingAdvice.of(header(3000, 600, 19, 0.05), List.of()).size());
    }
}
