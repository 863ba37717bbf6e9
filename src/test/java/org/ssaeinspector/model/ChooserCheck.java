package org.ssaeinspector.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.scoring.ResidualCalibration;
import org.ssaeinspector.scoring.ResidualMeasure;

/**
 * A check of the calibration chooser's synthetic defects, not part of the product: re-runs the
 * choice on a trained model's held-out images with several coverage ranges and prints the
 * candidate each would keep. Run:
 * {@code java -cp target/classes:target/test-classes:target/lib/* org.ssaeinspector.model.ChooserCheck M.ssae DIR minCover,maxCover,minOpacity,maxOpacity ...}
 */
public final class ChooserCheck {
    public static void main(String[] args) {
        DataSet data = DataSetScanner.scan(Path.of(args[1]));
        try (SsaeModel model = ModelFile.load(Path.of(args[0]))) {
            TrainingSettings settings = model.header().training().settings();
            int[] ref = model.header().geometry().referenceModelSize();
            List<FloatImage> heldOut = RealTestSet.heldOut(model, data);
            // -Dmeasure=SQUARED|STRUCTURAL|GRADIENT|ALL: the residual measures the choice is made among
            String wanted = System.getProperty("measure", "ALL");
            List<ResidualMeasure> measures = wanted.equals("ALL") ? List.of(ResidualMeasure.values())
                    : List.of(ResidualMeasure.valueOf(wanted));
            double blur = model.header().residualBlurSigma();
            CalibrationChooser.Residuals residuals = new CalibrationChooser.Residuals(model::reconstructAll,
                    measures, blur);
            for (int a = 2; a < args.length; a++) {
                String[] range = args[a].split(",");
                CalibrationChooser.Outcome o = CalibrationChooser.choose(heldOut, residuals, ref[0], ref[1],
                        List.of(ResidualCalibration.Mode.values()), settings.imageSize() / 128.0,
                        settings.targetFalseRejectRate(), null, settings.seed(), Double.parseDouble(range[0]),
                        Double.parseDouble(range[1]), Double.parseDouble(range[2]), Double.parseDouble(range[3]));
                System.out.println("coverage " + args[a] + ": " + o.choice().describe());
                for (CalibrationChoice.Candidate c : o.choice().candidates()) {
                    System.out.printf(Locale.ROOT, "  %s %s %.1f  image %.3f pixel %.3f aupro %.3f -> %.3f%n", c.residual(), c.calibration(),
                            c.smoothingSigma(), c.imageAuroc(), c.pixelAuroc(), c.aupro(), c.objective());
                }
            }
        }
    }
}
