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
        List<VerdictChange> changes = new ArrayList<>();
        for (ImageEvaluation b : before.results()) {
            ImageEvaluation a = byPath.get(b.sample().path());
            if (a != null && a.result().flagged() != b.result().flagged()) {
                changes.add(new VerdictChange(b.sample(), b.result().score(), a.result().score(), a.result().flagged()));
            }
        }
        return new ModelComparison(before, after, changes);
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
