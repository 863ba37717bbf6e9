package org.ssaeinspector.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ssaeinspector.dataset.Label;

/**
 * The figures of one kind of defect: how well its images are told from the good ones (image
 * AUROC of that kind against all good images) and how many of them the model's own threshold
 * catches. A model that catches every stain but misses most scratches looks fine in the overall
 * figures; this is where it shows.
 *
 * @param defectType  the defect folder name (e.g. "scratch")
 * @param images      test images of that kind
 * @param imageAuroc  that kind against all good test images; null without good images
 * @param caught      of them flagged at the model's threshold
 */
public record DefectTypeFigures(String defectType, int images, Double imageAuroc, int caught) {

    /** One entry per defect type among the labelled-defective images, by name; empty without any. */
    public static List<DefectTypeFigures> of(EvaluationReport report) {
        List<Float> good = new ArrayList<>();
        Map<String, List<ImageEvaluation>> byType = new TreeMap<>();
        for (ImageEvaluation e : report.results()) {
            if (e.sample().label() == Label.GOOD) {
                good.add(e.result().score());
            } else if (e.sample().label() == Label.DEFECTIVE) {
                String type = e.sample().defectType().isEmpty() ? "defective" : e.sample().defectType();
                byType.computeIfAbsent(type, k -> new ArrayList<>()).add(e);
            }
        }
        float[] negatives = toArray(good);
        List<DefectTypeFigures> out = new ArrayList<>();
        for (var entry : byType.entrySet()) {
            List<ImageEvaluation> images = entry.getValue();
            float[] positives = new float[images.size()];
            int caught = 0;
            for (int i = 0; i < positives.length; i++) {
                positives[i] = images.get(i).result().score();
                caught += positives[i] > report.modelThreshold() ? 1 : 0;
            }
            Double auroc = negatives.length == 0 ? null : Auroc.ofGroups(negatives, positives);
            out.add(new DefectTypeFigures(entry.getKey(), images.size(), auroc, caught));
        }
        return out;
    }

    /** e.g. {@code "  scratch        10 images, AUROC 0.9400, caught 8 of 10 at the model threshold"}. */
    public String line() {
        return String.format(Locale.ROOT, "  %-14s %d images, AUROC %s, caught %d of %d at the model threshold", defectType,
                images, imageAuroc == null ? "n/a" : String.format(Locale.ROOT, "%.4f", imageAuroc), caught, images);
    }

    private static float[] toArray(List<Float> values) {
        float[] a = new float[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
