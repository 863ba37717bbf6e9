package org.ssaeinspector.app.view;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ssaeinspector.app.viewmodel.ExportViewModel;
import org.ssaeinspector.app.viewmodel.MainViewModel;

/** Asks what to export and where, then runs the export in the background. */
final class ExportDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final MainViewModel vm;
    private final RadioButton flagged = new RadioButton();
    private final RadioButton all = new RadioButton();
    private final CheckBox heatmaps = new CheckBox("Also write a heatmap PNG per image");
    private final TextField file = new TextField();

    ExportDialog(Window owner, MainViewModel vm) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle("Export report");
        dialog.setHeaderText("Export a CSV report of the test images at threshold "
                + org.ssaeinspector.app.viewmodel.Format.score(vm.project().thresholdProperty().get()));
        ToggleGroup scope = new ToggleGroup();
        flagged.setText(ExportViewModel.Scope.FLAGGED + " (" + vm.export().chosen(ExportViewModel.Scope.FLAGGED).size() + ")");
        all.setText(ExportViewModel.Scope.ALL + " (" + vm.export().chosen(ExportViewModel.Scope.ALL).size() + ")");
        flagged.setToggleGroup(scope);
        all.setToggleGroup(scope);
        flagged.setSelected(true);
        flagged.setId("exportFlagged");
        all.setId("exportAll");
        heatmaps.setId("exportHeatmaps");
        file.setId("exportFile");
        Path base = vm.project().fileProperty().get();
        file.setText((base != null ? base.resolveSibling(vm.project().nameProperty().get() + "-report.csv")
                : Path.of(System.getProperty("user.home"), vm.project().nameProperty().get() + "-report.csv")).toString());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = c.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                file.setText(f.getPath().toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? f.getPath() : f.getPath() + ".csv");
            }
        });
        Label where = new Label();
        where.getStyleClass().add("muted");
        where.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            try {
                return heatmaps.isSelected() && !file.getText().isBlank()
                        ? "Heatmaps go to " + ExportViewModel.heatmapFolder(Path.of(file.getText().trim())) : "";
            } catch (java.nio.file.InvalidPathException e) {
                return "Not a valid file name.";
            }
        }, heatmaps.selectedProperty(), file.textProperty()));
        where.setWrapText(true);
        VBox content = new VBox(10, flagged, all, heatmaps, new HBox(6, file, browse), where);
        content.setPadding(new Insets(10));
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().add(MainWindow.STYLESHEET);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setText("Export");
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(file.textProperty().isEmpty());
    }

    void showAndExport() {
        if (dialog.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            export();
        }
    }

    /** Runs the export with the choices in the dialog. */
    void export() {
        vm.export().export(Path.of(file.getText().trim()),
                all.isSelected() ? ExportViewModel.Scope.ALL : ExportViewModel.Scope.FLAGGED,
                heatmaps.isSelected(), vm::setStatus, msg -> vm.prompts().error("Export failed", msg));
    }

    Dialog<ButtonType> dialog() {
        return dialog;
    }
}
