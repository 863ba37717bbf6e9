package org.ssaeinspector.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.evaluation.Histogram;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The histogram's axis says when outliers sit in its edge bar. */
@ExtendWith(ApplicationExtension.class)
class HistogramViewTest {
    HistogramView view;
    Scene scene;

    @Start
    void start(Stage stage) {
        view = new HistogramView();
        scene = new Scene(new StackPane(view), 330, 130);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anOverflowBarIsLabelledWithHowManyScoresItHolds(FxRobot robot) {
        double[] s = {-9.45, 1, 2, 3, 4, 5, 12, 15, 20, 25, 30, 40, 254};
        Label[] labels = new Label[s.length];
        for (int i = 0; i < s.length; i++) {
            labels[i] = i < 6 ? Label.GOOD : Label.DEFECTIVE;
        }
        double[] range = Histogram.clippedRange(s, -10, 260);
        robot.interact(() -> {
            view.setHistogram(Histogram.of(s, labels, 40, range[0], range[1]));
            view.setThreshold(10);
        });
        assertEquals(org.ssaeinspector.app.viewmodel.Format.score(-10), view.lowLabel(), "nothing cut below");
        assertEquals("≥ " + org.ssaeinspector.app.viewmodel.Format.score(range[1]) + " (+1)", view.highLabel());
        Screenshots.save(scene, "histogram-overflow");
        robot.interact(() -> view.setHistogram(Histogram.of(s, labels, 40, -10, 260)));
        assertEquals("260", view.highLabel(), "no overflow, no mark");
        assertEquals(0, view.histogram().above());
    }
}
