package org.ssaeinspector.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.scoring.InspectionResult;

class DefectTypeFiguresTest {
    private static final double THRESHOLD = 5.0;

    private static ImageEvaluation image(Label label, String type, float score) {
        Path p = Path.of(type + "_" + score + ".png");
        return new ImageEvaluation(new ImageSample(p, label, type, Optional.empty()),
                new InspectionResult(p, 10, 10, score, THRESHOLD, List.of(), null), 1.0);
    }

    private static EvaluationReport report(List<ImageEvaluation> results) {
        return new EvaluationReport("d", results.size(), 0, 0, Double.NaN, Double.NaN, Double.NaN, null, THRESHOLD,
                null, 1.0, results, List.of(), Double.NaN);
    }

    @Test
    void eachDefectTypeIsJudgedAgainstAllGoodImages() {
        List<ImageEvaluation> r = new ArrayList<>();
        for (float s : new float[] {1, 2, 3, 4}) {
            r.add(image(Label.GOOD, "good", s));
        }
        // Stains all score above every good image and the threshold; scratches hide among the goods.
        r.add(image(Label.DEFECTIVE, "stain", 6));
        r.add(image(Label.DEFECTIVE, "stain", 7));
        r.add(image(Label.DEFECTIVE, "scratch", 2.5f));
        r.add(image(Label.DEFECTIVE, "scratch", 0.5f));
        r.add(image(Label.DEFECTIVE, "scratch", 5.5f));
        List<DefectTypeFigures> f = DefectTypeFigures.of(report(r));
        assertEquals(List.of("scratch", "stain"), f.stream().map(DefectTypeFigures::defectType).toList());
        DefectTypeFigures scratch = f.get(0);
        assertEquals(3, scratch.images());
        assertEquals(1, scratch.caught());
        // 2.5 beats 2 of 4 goods, 0.5 none, 5.5 all four: (2 + 0 + 4) / 12.
        assertEquals(0.5, scratch.imageAuroc(), 1e-9);
        assertEquals(new DefectTypeFigures("stain", 2, 1.0, 2), f.get(1));
        assertTrue(scratch.line().contains("caught 1 of 3"), scratch.line());
    }

    @Test
    void withoutGoodImagesThereIsNoAurocAndWithoutDefectsNoEntry() {
        List<DefectTypeFigures> f = DefectTypeFigures.of(report(List.of(image(Label.DEFECTIVE, "pit", 9))));
        assertNull(f.get(0).imageAuroc());
        assertTrue(f.get(0).line().contains("AUROC n/a"), f.get(0).line());
        assertTrue(DefectTypeFigures.of(report(List.of(image(Label.GOOD, "good", 1)))).isEmpty());
    }
}
