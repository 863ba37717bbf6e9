package org.ssaeinspector.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The numbers of an {@link EvaluationReport} without per-image data: for JSON and benchmark rows. */
public record EvaluationSummary(String dataSet, int images, int good, int defective, Double imageAuroc,
                                Double pixelAuroc, Double aupro, Double f1OptimalThreshold, Double f1,
                                double modelThreshold, Double tprAtModelThreshold, Double fprAtModelThreshold,
                                double msPerImage, int skipped, Double regionIou,
                                List<DefectTypeFigures> byDefectType) {

    public static EvaluationSummary of(EvaluationReport r) {
        ConfusionCounts c = r.atModelThreshold();
        return new EvaluationSummary(r.dataSet(), r.images(), r.good(), r.defective(), finite(r.imageAuroc()),
                finite(r.pixelAuroc()), finite(r.aupro()), r.f1Optimal() == null ? null : r.f1Optimal().threshold(),
                r.f1Optimal() == null ? null : r.f1Optimal().f1(), r.modelThreshold(), finite(c.tpr()), finite(c.fpr()),
                r.msPerImage(), r.skipped().size(), finite(r.regionIou()), DefectTypeFigures.of(r));
    }

    /** Human-readable lines, "n/a" where a metric needs labels or masks the data lacks. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Data set %s: %d images (%d good, %d defective)%s", dataSet, images, good,
                defective, skipped > 0 ? ", " + skipped + " skipped" : ""));
        out.add("Image AUROC          " + fmt(imageAuroc));
        out.add("Pixel AUROC          " + fmt(pixelAuroc));
        out.add("AUPRO (FPR <= 0.3)   " + fmt(aupro));
        out.add(f1OptimalThreshold == null ? "F1-optimal threshold n/a (no defective images)"
                : String.format(Locale.ROOT, "F1-optimal threshold %.4f (F1 %.4f)", f1OptimalThreshold, f1));
        out.add(String.format(Locale.ROOT, "Model threshold      %.4f (TPR %s, FPR %s)", modelThreshold,
                fmt(tprAtModelThreshold), fmt(fprAtModelThreshold)));
        out.add("Region box IoU       " + fmt(regionIou) + " (mean over ground-truth regions, boxes at the model threshold)");
        if (!byDefectType.isEmpty()) {
            out.add("By defect type:");
            byDefectType.forEach(t -> out.add(t.line()));
        }
        out.add(String.format(Locale.ROOT, "Time per image       %.1f ms", msPerImage));
        return out;
    }

    private static String fmt(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
