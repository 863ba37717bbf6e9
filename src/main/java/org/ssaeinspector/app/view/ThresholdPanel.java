package org.ssaeinspector.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.ssaeinspector.app.viewmodel.Format;
import org.ssaeinspector.app.viewmodel.ThresholdViewModel;
import org.ssaeinspector.evaluation.ConfusionCounts;
import org.ssaeinspector.evaluation.RocCurve;

/**
 * Threshold slider and field (linked both ways), the ROC curve with the operating point, the
 * rates and confusion counts at the threshold, and the score histogram. Without labelled
 * defects it shows the false-reject rate on the good images instead of the ROC.
 */
final class ThresholdPanel extends VBox {
    private final ThresholdViewModel vm;
    private final Slider slider = new Slider();
    private final TextField field = new TextField();
    /** True while the slider is set from the view model, so its changes are not written back. */
    private boolean syncing;
    /** What {@link #showThreshold} last put in the field. */
    private String shownText = "";
    private final LineChart<Number, Number> roc;
    private final XYChart.Series<Number, Number> curve = new XYChart.Series<>();
    /** The operating point sits over the chart, not in it: moving it must not re-lay out 2,000 points. */
    private final Circle point = new Circle(6, javafx.scene.paint.Color.web("#d93a2b"));
    private final javafx.scene.layout.Pane overlay = new javafx.scene.layout.Pane(point);
    private final Label noRoc = new Label();
    private final HistogramView histogram = new HistogramView();
    private final Label tpr = value();
    private final Label fpr = value();
    private final Label precision = value();
    private final Label f1 = value();
    private final Label tp = new Label();
    private final Label fp = new Label();
    private final Label fn = new Label();
    private final Label tn = new Label();
    private final Label auroc = value();
    private final Label pixelAuroc = value();

    ThresholdPanel(ThresholdViewModel vm) {
        this.vm = vm;
        getStyleClass().add("threshold-panel");
        setPrefWidth(330);
        setMinWidth(280);

        Label title = new Label("THRESHOLD");
        title.getStyleClass().add("section-title");
        slider.setId("thresholdSlider");
        // Not bound both ways: a Slider clamps its value to its range, which would overwrite a
        // typed threshold outside the scores' range. The slider shows it clamped instead.
        vm.rangeMinProperty().addListener(o -> syncSlider());
        vm.rangeMaxProperty().addListener(o -> syncSlider());
        vm.thresholdProperty().addListener(o -> syncSlider());
        slider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.thresholdProperty().set(b.doubleValue());
            }
        });
        syncSlider();
        // No threshold before there is a model.
        slider.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> Double.isNaN(vm.thresholdProperty().get()), vm.thresholdProperty()));
        HBox.setHgrow(slider, Priority.ALWAYS);
        field.setId("thresholdField");
        field.getStyleClass().add("threshold-field");
        field.setPrefColumnCount(7);
        field.setTooltip(new Tooltip("Images scoring above the threshold are flagged. Type a value and press Enter."));
        field.setOnAction(e -> commit());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                showThreshold();
            }
        });
        field.disableProperty().bind(slider.disableProperty());
        vm.thresholdProperty().addListener(o -> showThreshold());
        MenuButton presets = new MenuButton("FRR");
        presets.setId("frrPresets");
        presets.setTooltip(new Tooltip("Set the threshold for a false-reject rate on the labelled good test images"));
        for (double r : new double[] {0.0, 0.01, 0.02, 0.05, 0.10}) {
            MenuItem item = new MenuItem(String.format(Locale.ROOT, "Reject %.0f %% of good images", r * 100));
            item.setOnAction(e -> vm.setFalseRejectRate(r));
            presets.getItems().add(item);
        }
        presets.disableProperty().bind(vm.goodCountProperty().isEqualTo(0).or(slider.disableProperty()));
        HBox thresholdRow = new HBox(6, slider, field, presets);
        thresholdRow.setAlignment(Pos.CENTER_LEFT);

        GridPane rates = new GridPane();
        rates.setHgap(10);
        rates.setVgap(3);
        addMetric(rates, 0, 0, "TPR", tpr, "True-positive rate (recall): share of defective images flagged");
        addMetric(rates, 0, 2, "FPR", fpr, "False-positive rate: share of good images flagged (false rejects)");
        addMetric(rates, 1, 0, "Precision", precision, "Share of flagged images that are defective");
        addMetric(rates, 1, 2, "F1", f1, "Harmonic mean of precision and recall");
        addMetric(rates, 2, 0, "AUROC", auroc, "Image AUROC: how well the scores separate good from defective");
        addMetric(rates, 2, 2, "Pixel AUROC", pixelAuroc, "Anomaly maps against ground-truth masks (at 64 x 64 px)");
        for (int c = 0; c < 4; c++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setMinWidth(Region.USE_PREF_SIZE);
            cc.setHgrow(c % 2 == 1 ? Priority.ALWAYS : Priority.NEVER);
            rates.getColumnConstraints().add(cc);
        }

        GridPane confusion = new GridPane();
        confusion.setHgap(4);
        confusion.setVgap(4);
        Label flaggedHead = new Label("flagged");
        Label passedHead = new Label("passed");
        Label defectiveHead = new Label("defective");
        Label goodHead = new Label("good");
        for (Label l : List.of(flaggedHead, passedHead, defectiveHead, goodHead)) {
            l.getStyleClass().add("metric-name");
        }
        confusion.add(flaggedHead, 1, 0);
        confusion.add(passedHead, 2, 0);
        confusion.add(defectiveHead, 0, 1);
        confusion.add(goodHead, 0, 2);
        confusion.add(cell(tp, "good", "Defective and flagged (true positives)"), 1, 1);
        confusion.add(cell(fn, "bad", "Defective but passed (escapes)"), 2, 1);
        confusion.add(cell(fp, "bad", "Good but flagged (false rejects)"), 1, 2);
        confusion.add(cell(tn, "good", "Good and passed (true negatives)"), 2, 2);
        GridPane.setHalignment(flaggedHead, HPos.CENTER);
        GridPane.setHalignment(passedHead, HPos.CENTER);

        // The short names of the rates above: a long vertical label is cut in a low window.
        NumberAxis x = new NumberAxis("FPR (good images flagged)", 0, 1, 0.2);
        NumberAxis y = new NumberAxis("TPR", 0, 1, 0.2);
        roc = new LineChart<>(x, y);
        roc.setId("rocChart");
        roc.getStyleClass().add("roc-chart");
        roc.setCreateSymbols(false);
        roc.setAnimated(false);
        roc.setLegendVisible(false);
        // Small minimum heights: at 1024 x 640 the whole panel fits above the status bar.
        roc.setMinHeight(120);
        roc.setPrefHeight(260);
        XYChart.Series<Number, Number> diagonal = new XYChart.Series<>();
        diagonal.getData().addAll(List.of(new XYChart.Data<>(0, 0), new XYChart.Data<>(1, 1)));
        point.setStroke(javafx.scene.paint.Color.WHITE);
        point.setStrokeWidth(2);
        point.setId("operatingPoint");
        overlay.setMouseTransparent(true);
        overlay.visibleProperty().bind(roc.visibleProperty());
        roc.getData().addAll(List.of(curve, diagonal));
        noRoc.setWrapText(true);
        noRoc.getStyleClass().add("muted");
        noRoc.setMaxWidth(290);
        StackPane rocBox = new StackPane(roc, overlay, noRoc);
        roc.visibleProperty().bind(vm.rocProperty().isNotNull());
        noRoc.visibleProperty().bind(vm.rocProperty().isNull());

        Label histTitle = new Label("SCORES");
        histTitle.getStyleClass().add("section-title");
        HBox key = new HBox(8, swatch("good", HistogramView.GOOD), swatch("defective", HistogramView.DEFECTIVE),
                swatch("unlabelled", HistogramView.UNLABELLED));
        histogram.setId("histogram");
        Label rocTitle = new Label("ROC");
        rocTitle.getStyleClass().add("section-title");
        getChildren().addAll(title, thresholdRow, confusion, rates, rocTitle, rocBox, histTitle, histogram, key);
        VBox.setVgrow(rocBox, Priority.ALWAYS);

        vm.rocProperty().addListener((o, a, b) -> showCurve(b));
        vm.confusionProperty().addListener((o, a, b) -> showCounts(b));
        vm.operatingFprProperty().addListener(o -> movePoint());
        vm.operatingTprProperty().addListener(o -> movePoint());
        vm.aurocProperty().addListener(o -> auroc.setText(Format.ratio(vm.aurocProperty().get())));
        vm.pixelAurocProperty().addListener(o -> pixelAuroc.setText(Format.ratio(vm.pixelAurocProperty().get())));
        vm.histogramProperty().addListener((o, a, b) -> histogram.setHistogram(b));
        vm.thresholdProperty().addListener(o -> histogram.setThreshold(vm.thresholdProperty().get()));
        // The dot follows the chart's own geometry: an axis re-scales in its own layout pass,
        // which may come after the chart's (a resize), so its scale is watched, not the chart.
        javafx.beans.value.ChangeListener<Object> follow = (o, a, b) -> movePoint();
        x.scaleProperty().addListener(follow);
        y.scaleProperty().addListener(follow);
        Node plot = roc.lookup(".chart-plot-background");
        plot.localToSceneTransformProperty().addListener(follow);
        overlay.localToSceneTransformProperty().addListener(follow);
        showCurve(vm.rocProperty().get());
        showCounts(vm.confusionProperty().get());
        movePoint();
        auroc.setText(Format.ratio(vm.aurocProperty().get()));
        pixelAuroc.setText(Format.ratio(vm.pixelAurocProperty().get()));
        histogram.setHistogram(vm.histogramProperty().get());
        histogram.setThreshold(vm.thresholdProperty().get());
        showThreshold();
    }

    private void commit() {
        String text = field.getText();
        // Unedited text is the rounded display: committing it would move the threshold.
        if (text != null && text.equals(shownText)) {
            return;
        }
        if (text == null || text.isBlank()) {
            showThreshold();
            return;
        }
        boolean ok = vm.commitText(text);
        field.getStyleClass().remove("invalid");
        if (!ok) {
            field.getStyleClass().add("invalid");
        } else {
            showThreshold();
        }
    }

    private void syncSlider() {
        syncing = true;
        try {
            double lo = vm.rangeMinProperty().get();
            double hi = vm.rangeMaxProperty().get();
            // In an order that never has min above max, which would make the slider move its value.
            if (lo > slider.getMax()) {
                slider.setMax(hi);
                slider.setMin(lo);
            } else {
                slider.setMin(lo);
                slider.setMax(hi);
            }
            double t = vm.thresholdProperty().get();
            if (!Double.isNaN(t)) {
                slider.setValue(Math.max(lo, Math.min(hi, t)));
            }
        } finally {
            syncing = false;
        }
    }

    private void showThreshold() {
        field.getStyleClass().remove("invalid");
        shownText = ThresholdViewModel.format(vm.thresholdProperty().get());
        field.setText(shownText);
    }

    private void showCurve(RocCurve c) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>();
        if (c != null) {
            for (int i = 0; i < c.size(); i++) {
                data.add(new XYChart.Data<>(c.fpr(i), c.tpr(i)));
            }
        }
        curve.getData().setAll(data);
        noRoc.setText("The ROC curve needs labelled good and defective test images.");
    }

    private void movePoint() {
        double px = vm.operatingFprProperty().get();
        double py = vm.operatingTprProperty().get();
        Node plot = roc.lookup(".chart-plot-background");
        boolean show = !Double.isNaN(px) && !Double.isNaN(py) && plot != null && overlay.getScene() != null;
        point.setVisible(show);
        if (show) {
            NumberAxis x = (NumberAxis) roc.getXAxis();
            NumberAxis y = (NumberAxis) roc.getYAxis();
            javafx.geometry.Point2D origin = overlay.sceneToLocal(plot.localToScene(0, 0));
            point.setCenterX(origin.getX() + x.getDisplayPosition(px));
            point.setCenterY(origin.getY() + y.getDisplayPosition(py));
        }
    }

    /** The operating point in chart units (FPR, TPR), NaN when hidden. */
    javafx.geometry.Point2D operatingPointValue() {
        return point.isVisible() ? new javafx.geometry.Point2D(vm.operatingFprProperty().get(),
                vm.operatingTprProperty().get()) : new javafx.geometry.Point2D(Double.NaN, Double.NaN);
    }

    private void showCounts(ConfusionCounts c) {
        tp.setText(Long.toString(c.tp()));
        fp.setText(Long.toString(c.fp()));
        fn.setText(Long.toString(c.fn()));
        tn.setText(Long.toString(c.tn()));
        tpr.setText(Format.percent(c.tpr()));
        fpr.setText(Format.percent(c.fpr()));
        precision.setText(Format.percent(c.precision()));
        f1.setText(Format.ratio(c.f1()));
        if (!vm.hasDefectsProperty().get()) {
            noRoc.setText(vm.goodCountProperty().get() == 0
                    ? "Label test images good or defective (by folder or by hand) to see the ROC curve."
                    : String.format(Locale.ROOT, "No labelled defective images, so no ROC curve. "
                    + "False-reject rate at this threshold: %s (%d of %d good images flagged).",
                    Format.percent(c.falseRejectRate()), c.fp(), c.negatives()));
        }
    }

    private static Label value() {
        Label l = new Label("–");
        l.getStyleClass().add("metric-value");
        return l;
    }

    private static void addMetric(GridPane g, int row, int col, String name, Label value, String tip) {
        Label n = new Label(name);
        n.setTooltip(new Tooltip(tip));
        n.getStyleClass().add("metric-name");
        value.setId("metric-" + name.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT));
        g.add(n, col, row);
        g.add(value, col + 1, row);
    }

    private static StackPane cell(Label value, String style, String tip) {
        value.getStyleClass().add("metric-value");
        StackPane p = new StackPane(value);
        p.getStyleClass().addAll("confusion-cell", style);
        Tooltip.install(p, new Tooltip(tip));
        return p;
    }

    private static HBox swatch(String name, javafx.scene.paint.Color c) {
        javafx.scene.shape.Rectangle r = new javafx.scene.shape.Rectangle(10, 10, c);
        Label l = new Label(name);
        l.getStyleClass().add("muted");
        HBox b = new HBox(4, r, l);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    Slider slider() {
        return slider;
    }

    TextField field() {
        return field;
    }

    LineChart<Number, Number> roc() {
        return roc;
    }

    Circle operatingPoint() {
        return point;
    }

    HistogramView histogramView() {
        return histogram;
    }
}
