package org.ssaeinspector.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.app.fakes.FakeEngineService;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.evaluation.ConfusionCounts;
import org.ssaeinspector.evaluation.Histogram;
import org.ssaeinspector.evaluation.RocCurve;
import org.ssaeinspector.scoring.AnomalyMap;

/** Gallery filtering and sorting, and the threshold panel's numbers, on hand-made scores. */
class GalleryAndThresholdTest {
    Project project;
    GalleryViewModel gallery;
    ThresholdViewModel threshold;

    /** Good images score 0.1..0.5, defective ones 0.4..0.9: overlapping, as real data does. */
    @BeforeEach
    void setUp() {
        project = new Project();
        gallery = new GalleryViewModel(project);
        threshold = new ThresholdViewModel(project);
        List<ImageSample> samples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            samples.add(new ImageSample(Path.of("/d/good_" + i + ".png"), Label.GOOD, "good", Optional.empty()));
            samples.add(new ImageSample(Path.of("/d/bad_" + i + ".png"), Label.DEFECTIVE, "crack", Optional.empty()));
        }
        samples.add(ImageSample.unlabelled(Path.of("/d/unknown.png")));
        project.add(samples, ImageSet.TEST);
        project.add(List.of(new ImageSample(Path.of("/t/train.png"), Label.GOOD, "good", Optional.empty())),
                ImageSet.TRAINING);
        project.setModel(FakeEngineService.model(0.45), null, 0.45);
        List<Project.ScoredItem> scores = new ArrayList<>();
        for (ImageItem item : project.items(ImageSet.TEST)) {
            String n = item.name();
            double s = n.startsWith("good") ? 0.1 * (1 + idx(n)) : n.startsWith("bad") ? 0.4 + 0.125 * idx(n) : 0.3;
            scores.add(new Project.ScoredItem(item, s, MapPreview.of(new AnomalyMap(new float[] {(float) s}, 1, 1)), null));
        }
        project.applyScores(scores);
    }

    private static int idx(String name) {
        return name.charAt(name.indexOf('_') + 1) - '0';
    }

    private List<String> names() {
        return gallery.visibleItems().stream().map(ImageItem::name).toList();
    }

    @Test
    void showsTheChosenSetSortedByScore() {
        assertEquals(11, gallery.visibleItems().size());
        assertEquals("bad_4.png", names().get(0));
        assertEquals("good_0.png", names().get(10));
        gallery.sortProperty().set(GallerySort.NAME);
        assertEquals("bad_0.png", names().get(0));
        assertEquals("unknown.png", names().get(10));
        gallery.shownSetProperty().set(ImageSet.TRAINING);
        assertEquals(List.of("train.png"), names());
    }

    @Test
    void movingTheThresholdReflagsAndRefilters() {
        gallery.filterProperty().set(GalleryFilter.FLAGGED);
        // 0.45 flags bad_1..bad_4 (0.525..0.9) and good_4 (0.5)
        assertEquals(List.of("bad_4.png", "bad_3.png", "bad_2.png", "bad_1.png", "good_4.png"), names());
        assertEquals(5, project.flaggedTestCountProperty().get());
        project.thresholdProperty().set(0.7);
        assertEquals(List.of("bad_4.png", "bad_3.png"), names());
        assertEquals(2, project.flaggedTestCountProperty().get());
        gallery.filterProperty().set(GalleryFilter.PASSED);
        assertEquals(9, gallery.visibleItems().size());
        assertFalse(gallery.visibleItems().stream().anyMatch(ImageItem::isFlagged));
    }

    @Test
    void filtersByLabelIncludingHandLabels() {
        gallery.filterProperty().set(GalleryFilter.LABELLED_DEFECTIVE);
        assertEquals(5, gallery.visibleItems().size());
        ImageItem unknown = project.items(ImageSet.TEST).stream().filter(i -> i.name().equals("unknown.png"))
                .findFirst().orElseThrow();
        gallery.selectedProperty().set(unknown);
        gallery.markSelected(Label.DEFECTIVE);
        assertEquals(6, gallery.visibleItems().size(), "hand label shows at once");
        gallery.filterProperty().set(GalleryFilter.LABELLED_GOOD);
        assertEquals(5, gallery.visibleItems().size());
        gallery.markSelected(null);
        assertEquals(Label.UNKNOWN, unknown.label(), "clearing the hand label restores the folder's");
    }

    @Test
    void removingTheSelectedImageSelectsItsNeighbour() {
        ImageItem second = gallery.visibleItems().get(1);
        ImageItem third = gallery.visibleItems().get(2);
        gallery.selectedProperty().set(second);
        gallery.removeSelected();
        assertEquals(10, gallery.visibleItems().size());
        assertFalse(project.items().contains(second));
        assertEquals(third, gallery.selectedProperty().get());
        assertEquals(10, project.testCountProperty().get());
    }

    @Test
    void nextAndPreviousFollowTheVisibleOrder() {
        ImageItem top = gallery.visibleItems().get(0);
        assertEquals(gallery.visibleItems().get(1), gallery.next(top, 1).orElseThrow());
        assertTrue(gallery.next(top, -1).isEmpty());
    }

    @Test
    void countsAndRatesAtTheThreshold() {
        ConfusionCounts c = threshold.confusionProperty().get();
        // defective above 0.45: bad_1..bad_4 -> tp 4, fn 1; good above: good_4 -> fp 1, tn 4
        assertEquals(new ConfusionCounts(4, 1, 4, 1), c);
        assertEquals(0.8, c.tpr(), 1e-9);
        assertEquals(0.2, c.fpr(), 1e-9);
        assertEquals(0.8, c.precision(), 1e-9);
        assertEquals(0.8, c.f1(), 1e-9);
        assertEquals(0.2, threshold.operatingFprProperty().get(), 1e-9);
        assertEquals(0.8, threshold.operatingTprProperty().get(), 1e-9);
        assertTrue(threshold.hasDefectsProperty().get());
        assertEquals(5, threshold.goodCountProperty().get());
    }

    @Test
    void rocCurveAndAurocFromTheLabelledScores() {
        RocCurve roc = threshold.rocProperty().get();
        assertNotNull(roc);
        assertTrue(roc.size() <= ThresholdViewModel.MAX_ROC_POINTS);
        assertEquals(0.0, roc.fpr(0), 1e-9);
        assertEquals(1.0, roc.fpr(roc.size() - 1), 1e-9);
        assertEquals(1.0, roc.tpr(roc.size() - 1), 1e-9);
        // pairs (bad, good) ordered right: bad_0 (0.4) beats good_0..2 and ties none -> count by hand
        // bad scores 0.4,0.525,0.65,0.775,0.9 ; good 0.1..0.5 -> wins: 3 and a tie, then 5,5,5,5 = 23.5 of 25
        assertEquals(23.5 / 25, threshold.aurocProperty().get(), 1e-9);
    }

    @Test
    void histogramSplitsByLabel() {
        Histogram h = threshold.histogramProperty().get();
        assertEquals(5, java.util.Arrays.stream(h.goodCounts()).sum());
        assertEquals(5, java.util.Arrays.stream(h.defectiveCounts()).sum());
        assertEquals(1, java.util.Arrays.stream(h.unknownCounts()).sum());
        assertTrue(h.min() < 0.1 && h.max() > 0.9);
    }

    @Test
    void textAndSliderShareOneThreshold() {
        assertTrue(threshold.commitText("0.62"));
        assertEquals(0.62, project.thresholdProperty().get(), 1e-12);
        assertFalse(threshold.commitText("abc"));
        assertFalse(threshold.commitText("NaN"));
        assertEquals(0.62, project.thresholdProperty().get(), 1e-12);
        assertTrue(threshold.commitText("0,5"), "comma decimals accepted");
        assertEquals("0.5", ThresholdViewModel.format(project.thresholdProperty().get()));
        double lo = threshold.rangeMinProperty().get();
        double hi = threshold.rangeMaxProperty().get();
        threshold.commitText("500");
        assertEquals(500, project.thresholdProperty().get(), 0.0);
        assertEquals(lo, threshold.rangeMinProperty().get(), 0.0, "a typed outlier keeps the scores' range");
        assertEquals(hi, threshold.rangeMaxProperty().get(), 0.0);
        assertTrue(hi < 1.1, "range is the scores' (0.1 to 0.9), padded: " + hi);
        threshold.rebuild();
        assertEquals(hi, threshold.rangeMaxProperty().get(), 0.0, "and a rebuild does not widen it either");
    }

    @Test
    void thresholdIsShownWithFourSignificantDigits() {
        assertEquals("8.152", ThresholdViewModel.format(8.15171234));
        assertEquals("12", ThresholdViewModel.format(12.0));
        assertEquals("500", ThresholdViewModel.format(500.0));
        assertEquals("254.4", ThresholdViewModel.format(254.38));
        assertEquals("-9.45", ThresholdViewModel.format(-9.45));
        assertEquals("0.05", ThresholdViewModel.format(0.05));
        assertEquals("0.001235", ThresholdViewModel.format(0.0012346));
        assertEquals("123500", ThresholdViewModel.format(123456.0));
        assertEquals("0", ThresholdViewModel.format(0.0));
        assertEquals("", ThresholdViewModel.format(Double.NaN));
    }

    @Test
    void falseRejectRateTarget() {
        threshold.setFalseRejectRate(0.2);
        assertEquals(0.2, threshold.confusionProperty().get().fpr(), 1e-9);
    }

    @Test
    void withoutDefectsThereIsNoRocButAFalseRejectRate() {
        Project p = new Project();
        ThresholdViewModel t = new ThresholdViewModel(p);
        p.add(List.of(new ImageSample(Path.of("/g1.png"), Label.GOOD, "good", Optional.empty()),
                new ImageSample(Path.of("/g2.png"), Label.GOOD, "good", Optional.empty())), ImageSet.TEST);
        p.setModel(FakeEngineService.model(0.5), null, 0.5);
        List<Project.ScoredItem> s = new ArrayList<>();
        double v = 0.3;
        for (ImageItem i : p.items(ImageSet.TEST)) {
            s.add(new Project.ScoredItem(i, v, null, null));
            v += 0.4;
        }
        p.applyScores(s);
        assertFalse(t.hasDefectsProperty().get());
        assertNull(t.rocProperty().get());
        assertEquals(0.5, t.falseRejectRate(), 1e-9);
        assertTrue(Double.isNaN(t.aurocProperty().get()));
    }

    @Test
    void newModelClearsScores() {
        project.setModel(FakeEngineService.model(0.3), null, 0.3);
        assertEquals(0, project.scoredTestCountProperty().get());
        assertEquals(0, project.flaggedTestCountProperty().get());
        assertEquals(11, gallery.visibleItems().size());
    }
}
