package org.ssaeinspector.app.view;

import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.ssaeinspector.app.viewmodel.ComparisonViewModel;
import org.ssaeinspector.app.viewmodel.ComparisonViewModel.Figures;
import org.ssaeinspector.app.viewmodel.Format;
import org.ssaeinspector.evaluation.ModelComparison;
import org.ssaeinspector.evaluation.RocCurve;

/**
 * Two models side by side before switching: figures at each one's threshold, both ROC curves in
 * one chart, and the images whose verdict changes. Not modal to the engine: the scoring runs in
 * the background while the dialog shows its progress.
 */
final class ComparisonDialog {
    static final ButtonType USE = new ButtonType("Use the new model", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType KEEP = new ButtonType("Keep the current model", ButtonBar.ButtonData.CANCEL_CLOSE);
    private static final int MAX_ROC_POINTS = 400;

    private final Dialog<ButtonType> dialog = new Dialog<>();

    ComparisonDialog(ComparisonViewModel vm, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle("Compare models");
        dialog.setHeaderText("Compare before you switch");
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(USE, KEEP);
        dialog.getDialogPane().setId("comparisonDialog");

        Label origin = new Label(vm.candidateOrigin());
        origin.setWrapText(true);
        origin.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        origin.setMaxWidth(860);
        origin.setId("comparisonOrigin");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(28, 28);
        busy.managedProperty().bind(busy.visibleProperty());
        Label status = new Label("Scoring the test images with both models…");
        status.setId("comparisonStatus");
        HBox progress = new HBox(8, busy, status);

        GridPane figures = new GridPane();
        figures.setId("comparisonFigures");
        figures.setHgap(18);
        figures.setVgap(4);

        NumberAxis x = new NumberAxis("FPR (good images flagged)", 0, 1, 0.2);
        NumberAxis y = new NumberAxis("TPR", 0, 1, 0.2);
        LineChart<Number, Number> roc = new LineChart<>(x, y);
        roc.setId("comparisonRoc");
        roc.setCreateSymbols(false);
        roc.setAnimated(false);
        roc.setPrefSize(380, 320);

        Label changesTitle = new Label();
        changesTitle.setId("comparisonChangesTitle");
        ListView<String> changes = new ListView<>();
        changes.setId("comparisonChanges");
        changes.setPrefSize(460, 260);
        VBox right = new VBox(6, changesTitle, changes);
        VBox.setVgrow(changes, Priority.ALWAYS);
        VBox left = new VBox(10, figures, roc);
        HBox body = new HBox(16, left, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox content = new VBox(10, origin, progress, body);
        content.setPrefWidth(880);
        dialog.getDialogPane().setContent(content);

        Runnable refresh = () -> {
            ComparisonViewModel.State s = vm.stateProperty().get();
            busy.setVisible(s == ComparisonViewModel.State.SCORING);
            status.setText(switch (s) {
                case SCORING -> "Scoring the test images with both models…";
                case FAILED -> vm.errorProperty().get();
                default -> "Each model at its own threshold, on the project's " + scored(vm) + " test images.";
            });
            Figures a = vm.currentFiguresProperty().get();
            Figures b = vm.candidateFiguresProperty().get();
            if (a != null && b != null) {
                fillFigures(figures, a, b);
                roc.getData().setAll(List.of(series("Current (AUROC " + Format.ratio(a.auroc()) + ")", a.roc()),
                        series("New (AUROC " + Format.ratio(b.auroc()) + ")", b.roc())));
                changesTitle.setText(changesTitle(vm));
                changes.getItems().setAll(vm.changes().stream().map(ComparisonDialog::describe).toList());
            }
        };
        vm.stateProperty().addListener((o, was, now) -> refresh.run());
        refresh.run();
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == USE) {
                vm.useCandidate();
            } else {
                vm.keepCurrent();
            }
        });
    }

    void show() {
        dialog.show();
    }

    Dialog<ButtonType> dialog() {
        return dialog;
    }

    private static int scored(ComparisonViewModel vm) {
        Figures a = vm.currentFiguresProperty().get();
        return a == null ? 0 : a.scored();
    }

    private static void fillFigures(GridPane grid, Figures a, Figures b) {
        grid.getChildren().clear();
        String[][] rows = {
            {"", "Current", "New"},
            {"Threshold", Format.score(a.threshold()), Format.score(b.threshold())},
            {"Image AUROC", Format.ratio(a.auroc()), Format.ratio(b.auroc())},
            {"Defects caught (TPR)", Format.percent(a.tpr()), Format.percent(b.tpr())},
            {"Good parts flagged (FPR)", Format.percent(a.fpr()), Format.percent(b.fpr())},
            {"Flagged", a.flagged() + " of " + a.scored(), b.flagged() + " of " + b.scored()},
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 3; c++) {
                Label l = new Label(rows[r][c]);
                if (r == 0 || c == 0) {
                    l.setStyle("-fx-font-weight: bold;");
                }
                l.setId("comparison-" + r + "-" + c);
                grid.add(l, c, r);
            }
        }
    }

    private static XYChart.Series<Number, Number> series(String name, RocCurve roc) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        if (roc != null) {
            RocCurve thin = roc.thinned(MAX_ROC_POINTS);
            for (int i = 0; i < thin.size(); i++) {
                s.getData().add(new XYChart.Data<>(thin.fpr(i), thin.tpr(i)));
            }
        }
        return s;
    }

    private static String changesTitle(ComparisonViewModel vm) {
        long flagged = vm.changes().stream().filter(ModelComparison.VerdictChange::flaggedAfter).count();
        int n = vm.changes().size();
        return n == 0 ? "No verdict changes." : n + " verdict" + (n == 1 ? "" : "s") + " change: " + flagged
                + " now flagged, " + (n - flagged) + " now passed.";
    }

    /** The file with its folder: test sets repeat names across folders ("good/000.png", "blob/000.png"). */
    private static String shortName(java.nio.file.Path p) {
        java.nio.file.Path parent = p.getParent();
        return parent == null || parent.getFileName() == null ? p.getFileName().toString()
                : parent.getFileName() + "/" + p.getFileName();
    }

    private static String describe(ModelComparison.VerdictChange c) {
        Boolean improves = c.improves();
        String label = c.sample().label().csvValue();
        return (c.flaggedAfter() ? "Now flagged: " : "Now passed: ") + shortName(c.sample().path())
                + " (" + (label.isEmpty() ? "unlabelled" : label) + ") " + Format.score(c.scoreBefore()) + " → "
                + Format.score(c.scoreAfter()) + (improves == null ? "" : improves ? " ✓" : " ✗");
    }
}
