package org.ssaeinspector.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.evaluation.Auroc;
import org.ssaeinspector.evaluation.PixelMetrics;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.scoring.ResidualCalibration;
import org.ssaeinspector.scoring.ResidualMap;

/**
 * A check of the calibration choice, not part of the product: for a trained model, rebuilds its
 * held-out split, and scores the data set's real test images with every candidate calibration and
 * smoothing, to compare the real-defect figures with what the synthetic measurement chose.
 * Pixel figures at the model's scale. Run:
 * {@code java -cp target/classes:target/test-classes:target/lib/* org.ssaeinspector.model.CalibrationSweep M.ssae DIR}
 */
public final class CalibrationSweep {
    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        DataSet data = DataSetScanner.scan(Path.of(args[1]));
        try (SsaeModel model = ModelFile.load(modelFile)) {
            ModelHeader h = model.header();
            TrainingSettings settings = h.training().settings();
            List<ResidualMap> held = model.residuals(RealTestSet.heldOut(model, data));
            RealTestSet set = RealTestSet.score(model, data);
            List<ResidualMap> test = set.residuals();
            List<boolean[]> masks = set.masks();
            List<Boolean> defective = set.defective();
            int[] ref = h.geometry().referenceModelSize();
            System.out.println("model: " + h.calibration() + ", smoothing " + h.smoothingSigma()
                    + (h.calibrationChoice() == null ? "" : "; " + h.calibrationChoice().describe()));
            System.out.println("| calibration | smoothing | image AUROC | pixel AUROC | AUPRO | synthetic objective |");
            System.out.println("| --- | --- | --- | --- | --- | --- |");
            for (ResidualCalibration.Mode mode : ResidualCalibration.Mode.values()) {
                ResidualCalibration cal = ResidualCalibration.fit(held, ref[0], ref[1], mode);
                for (double at128 : CalibrationChooser.SMOOTHING_AT_128) {
                    double sigma = at128 * settings.imageSize() / 128.0;
                    List<Float> goodScores = new ArrayList<>();
                    List<Float> badScores = new ArrayList<>();
                    PixelMetrics pixels = new PixelMetrics();
                    for (int i = 0; i < test.size(); i++) {
                        AnomalyMap m = cal.anomalyMap(test.get(i), sigma);
                        (defective.get(i) ? badScores : goodScores).add(m.max());
                        if (masks.get(i) != null) {
                            pixels.add(m.values(), masks.get(i), m.width(), m.height());
                        }
                    }
                    double synthetic = Double.NaN;
                    if (h.calibrationChoice() != null) {
                        for (CalibrationChoice.Candidate c : h.calibrationChoice().candidates()) {
                            if (c.calibration().equals(mode.id()) && Math.abs(c.smoothingSigma() - sigma) < 1e-9) {
                                synthetic = c.objective();
                            }
                        }
                    }
                    System.out.printf(Locale.ROOT, "| %s | %.1f | %.3f | %.3f | %.3f | %.3f |%n", mode.id(), sigma,
                            Auroc.ofGroups(toArray(goodScores), toArray(badScores)), pixels.pixelAuroc(), pixels.aupro(), synthetic);
                }
            }
        }
    }

    private static float[] toArray(List<Float> v) {
        float[] a = new float[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }
}
