package org.ssaeinspector.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;

/**
 * Two models on one test set, before switching from one to the other: each one's figures at its
 * own threshold, and the images whose verdict changes.
 *
 * @param before  the current model's evaluation
 * @param after   the candidate's evaluation of the same images
 * @param changes images flagged by one model and passed by the other, in the test set's order
 */
public record ModelComparison(EvaluationReport before, EvaluationReport after, List<VerdictChange> changes) {

    /**
     * One image whose verdict differs.
     *
     * @param sample      the image and its label
     * @param scoreBefore its score with the current model
     * @param scoreAfter  its score with the candidate
     * @param flaggedAfter whether the candidate flags it (then the current model passed it)
     */
    public record VerdictChange(ImageSample sample, double scoreBefore, double scoreAfter, boolean flaggedAfter) {
        /** True when the change fixes a verdict (by the label), false when it breaks one, null when unlabelled. */
        public Boolean improves() {
            if (sample.label() == Label.UNKNOWN) {
                return null;
            }
            return flaggedAfter == (sample.label() == Label.DEFECTIVE);
        }
    }

    public ModelComparison {
        changes = List.copyOf(changes);
    }

    /** Pairs the two evaluations image by image (images only one of them could score are left out). */
    public static ModelComparison of(EvaluationReport before, EvaluationReport after) {
        Map<Path, ImageEvaluation> byPath = new HashMap<>();
        after.results().forEach(e -> byPath.put(e.sample().path(), e));
        List<ImageSample> samples = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        for (ImageEvaluation b : before.results()) {
            ImageEvaluation a = byPath.get(b.sample().path());
            if (a != null) {
                samples.add(b.sample());
                scores.add(new double[] {b.result().score(), a.result().score()});
            }
        }
        double[] sb = scores.stream().mapToDouble(x -> x[0]).toArray();
        double[] sa = scores.stream().mapToDouble(x -> x[1]).toArray();
        return new ModelComparison(before, after,
                changes(samples, sb, before.modelThreshold(), sa, after.modelThreshold()));
    }

    /**
     * The images whose verdict differs between two models: {@code before[i]} and {@code after[i]}
     * are the scores of {@code samples.get(i)}, each model flags above its own threshold (NaN
     * scores, images one model could not score, are left out).
     */
    public static List<VerdictChange> changes(List<ImageSample> samples, double[] before, double thresholdBefore,
                                              double[] after, double thresholdAfter) {
        List<VerdictChange> changes = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (Double.isNaN(before[i]) || Double.isNaN(after[i])) {
                continue;
            }
            boolean flaggedBefore = before[i] > thresholdBefore;
            boolean flaggedAfter = after[i] > thresholdAfter;
            if (flaggedBefore != flaggedAfter) {
                changes.add(new VerdictChange(samples.get(i), before[i], after[i], flaggedAfter));
            }
        }
        return changes;
    }

    /** Changes that now flag an image the current model passed. */
    public long newlyFlagged() {
        return changes.stream().filter(VerdictChange::flaggedAfter).count();
    }

    /** Changes that now pass an image the current model flagged. */
    public long newlyPassed() {
        return changes.size() - newlyFlagged();
    }
}
