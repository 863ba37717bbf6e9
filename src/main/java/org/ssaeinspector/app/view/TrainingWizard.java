package org.ssaeinspector.app.view;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.ssaeinspector.app.service.ImageSetReport;
import org.ssaeinspector.app.service.TrainingOutcome;
import org.ssaeinspector.app.viewmodel.DeviceOption;
import org.ssaeinspector.app.viewmodel.Format;
import org.ssaeinspector.app.viewmodel.LossPoint;
import org.ssaeinspector.app.viewmodel.ThumbnailCache;
import org.ssaeinspector.app.viewmodel.TrainingWizardViewModel;
import org.ssaeinspector.app.viewmodel.TrainingWizardViewModel.State;
import org.ssaeinspector.app.viewmodel.UserPrompts;
import org.ssaeinspector.model.PartKind;

/**
 * The training wizard (ControlsFX {@link Wizard}): good images, settings, training, result. The
 * pages only show the view model's state and forward choices. Closing it while training asks
 * first.
 */
final class TrainingWizard {
    static final int PREVIEW_COUNT = 12;

    private final TrainingWizardViewModel vm;
    private final Wizard wizard;
    private final Supplier<Path> chooseFile;
    /** Shows the comparison of a model trained further with the project's (which then applies or discards it). */
    private final java.util.function.Consumer<TrainingWizardViewModel> compareFurther;
    private final CheckBox useModel = new CheckBox("Use this model in the project");
    private Runnable onHidden = () -> { };
    private boolean closingConfirmed;
    final WizardPane imagesPage;
    final WizardPane settingsPage;
    final WizardPane trainingPage;
    final WizardPane donePage;

    TrainingWizard(Window owner, TrainingWizardViewModel vm, UserPrompts prompts, Supplier<Path> chooseFile,
                   ThumbnailCache thumbnails, java.util.function.Consumer<TrainingWizardViewModel> compareFurther) {
        this.vm = vm;
        this.compareFurther = compareFurther;
        this.chooseFile = chooseFile;
        wizard = new Wizard(owner, "Train a model");
        imagesPage = page("1 · Good images", imagesContent(thumbnails));
        settingsPage = page("2 · Settings", settingsContent());
        trainingPage = page("3 · Training", trainingContent());
        donePage = page("4 · Result", doneContent());
        wizard.setFlow(new Wizard.LinearFlow(imagesPage, settingsPage, trainingPage, donePage));
        Dialog<ButtonType> dialog = wizard.getDialog();
        dialog.setResizable(true);
        // Cancel button and Escape come as a dialog close request; the window's X as a window
        // close request, which the dialog cannot veto: both ask while training runs.
        dialog.setOnCloseRequest(e -> {
            if (!mayClose(prompts)) {
                e.consume();
            }
        });
        dialog.setOnShown(e -> window().addEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, we -> {
            if (!mayClose(prompts)) {
                we.consume();
            }
        }));
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.FINISH && useModel.isSelected() && vm.continueFromModelProperty().get()
                    && vm.outcomeProperty().get() != null && !vm.appliedProperty().get()) {
                compareFurther.accept(vm); // compare before you switch: the comparison applies or discards
            } else if (dialog.getResult() == ButtonType.FINISH && useModel.isSelected()) {
                vm.apply();
            } else {
                vm.discard();
            }
            onHidden.run();
        });
        vm.check();
        vm.detectDevices();
    }

    private WizardPane page(String title, Node content) {
        WizardPane p = new WizardPane() {
            @Override
            public void onEnteringPage(Wizard w) {
                entering(this, w);
            }
        };
        p.setHeaderText(title);
        p.setContent(content);
        p.setPrefSize(760, 560);
        p.getStylesheets().add(MainWindow.STYLESHEET);
        return p;
    }

    private void entering(WizardPane page, Wizard w) {
        w.invalidProperty().unbind();
        if (page == imagesPage) {
            w.invalidProperty().bind(vm.imagesUsableBinding().not());
        } else if (page == settingsPage) {
            w.invalidProperty().bind(vm.settingsProblemBinding().isNotNull());
        } else if (page == trainingPage) {
            if (vm.stateProperty().get() != State.DONE && !vm.isRunning()) {
                vm.start();
            }
            w.invalidProperty().bind(vm.stateProperty().isNotEqualTo(State.DONE));
            // The wizard manages the buttons' disable state itself: veto the action instead.
            page.getButtonTypes().stream().filter(b -> b.getButtonData() == ButtonBar.ButtonData.BACK_PREVIOUS)
                    .findFirst().map(page::lookupButton).ifPresent(b -> b.addEventFilter(
                            javafx.event.ActionEvent.ACTION, e -> {
                                if (vm.isRunning()) {
                                    e.consume();
                                }
                            }));
        } else {
            w.invalidProperty().set(false);
        }
    }

    private boolean mayClose(UserPrompts prompts) {
        if (!vm.isRunning() || closingConfirmed) {
            return true;
        }
        closingConfirmed = prompts.confirm("Training in progress",
                "Stop the training and close? The model trained so far is discarded.");
        return closingConfirmed;
    }

    // ---- page 1

    private Node imagesContent(ThumbnailCache thumbnails) {
        Label count = new Label(Integer.toString(vm.images().size()));
        count.getStyleClass().add("big-number");
        Label what = new Label("good images to learn from (the project's \"Good training images\")");
        HBox head = new HBox(10, count, what);
        head.setAlignment(Pos.BASELINE_LEFT);
        HBox strip = new HBox(6);
        strip.setId("previewStrip");
        for (Path p : vm.images().subList(0, Math.min(PREVIEW_COUNT, vm.images().size()))) {
            ImageView v = new ImageView();
            v.setFitWidth(88);
            v.setFitHeight(88);
            v.setPreserveRatio(true);
            strip.getChildren().add(v);
            if (thumbnails != null) {
                thumbnails.request(p, t -> {
                    if (!t.isBroken()) {
                        v.setImage(FxImages.of(t.argb(), t.width(), t.height()));
                    }
                });
            }
        }
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.setFitToHeight(true);
        stripScroll.setPrefHeight(110);
        stripScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox findings = new VBox(4);
        findings.setId("imageFindings");
        ProgressBar checking = new ProgressBar();
        checking.progressProperty().bind(vm.checkProgressProperty());
        checking.visibleProperty().bind(vm.checkingProperty());
        checking.setMaxWidth(Double.MAX_VALUE);
        Runnable show = () -> showFindings(findings, vm.reportProperty().get());
        vm.reportProperty().addListener(o -> show.run());
        show.run();
        VBox box = new VBox(12, head, stripScroll, checking, findings);
        box.getStyleClass().add("wizard-page");
        return box;
    }

    private static void showFindings(VBox box, ImageSetReport r) {
        box.getChildren().clear();
        box.getStyleClass().removeAll("warning-box", "ok-box");
        if (r == null) {
            box.getChildren().add(new Label("Checking the images…"));
            return;
        }
        List<String> warnings = r.warnings();
        if (warnings.isEmpty()) {
            box.getStyleClass().add("ok-box");
            Label ok = new Label(r.readable() + " readable images, all " + r.sizes().get(0) + ", no duplicates.",
                    Icons.of(MaterialDesignC.CHECK_CIRCLE_OUTLINE, Icons.MENU));
            box.getChildren().add(ok);
        } else {
            box.getStyleClass().add("warning-box");
            for (String w : warnings) {
                box.getChildren().add(warning(w));
            }
            if (r.readable() < 2) {
                Label stop = new Label("At least 2 readable images are needed to train.");
                stop.getStyleClass().add("error-text");
                box.getChildren().add(stop);
            }
        }
    }

    private static Label warning(String text) {
        Label l = new Label(text, Icons.of(MaterialDesignA.ALERT_OUTLINE, Icons.MENU));
        l.setWrapText(true);
        l.getStyleClass().add("warning");
        return l;
    }

    // ---- page 2

    private Node settingsContent() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        int row = 0;
        CheckBox further = new CheckBox("Continue from the current model");
        further.setId("continueFromModel");
        further.setDisable(!vm.canContinue());
        further.selectedProperty().bindBidirectional(vm.continueFromModelProperty());
        Label furtherHint = new Label(vm.canContinue() ? "Keeps its scale and network and learns from the good images "
                + "and the test images labelled good by hand (" + (vm.imagesForContinuing().size() - vm.images().size())
                + " now); you compare the two models before switching." : "Open or train a model first.");
        furtherHint.getStyleClass().add("muted");
        furtherHint.setWrapText(true);
        furtherHint.setMaxWidth(560);
        g.addRow(row++, new Label("Start"), new VBox(4, further, furtherHint));
        ComboBox<Integer> size = new ComboBox<>(FXCollections.observableArrayList(TrainingWizardViewModel.IMAGE_SIZES));
        size.disableProperty().bind(further.selectedProperty());
        size.setId("imageSize");
        size.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.imageSizeProperty().set(b);
            }
        });
        size.setValue(vm.imageSizeProperty().get());
        size.setTooltip(new javafx.scene.control.Tooltip("Model pixels along a typical photo's short side. Photos keep "
                + "their aspect ratio; the scale follows from this and is shown on the last page."));
        g.addRow(row++, new Label("Model side"), withHint(size, "px along the photos' short side; larger sees finer defects"));

        ToggleGroup stop = new ToggleGroup();
        RadioButton byTime = new RadioButton("Time");
        RadioButton byEpochs = new RadioButton("Epochs");
        byTime.setToggleGroup(stop);
        byEpochs.setToggleGroup(stop);
        (vm.stopRuleProperty().get() == TrainingWizardViewModel.StopRule.TIME ? byTime : byEpochs).setSelected(true);
        stop.selectedToggleProperty().addListener((o, a, b) -> vm.stopRuleProperty().set(
                b == byTime ? TrainingWizardViewModel.StopRule.TIME : TrainingWizardViewModel.StopRule.EPOCHS));
        Spinner<Integer> minutes = intSpinner(1, 600, vm.minutesProperty().get());
        minutes.setId("minutes");
        minutes.valueProperty().addListener((o, a, b) -> vm.minutesProperty().set(b));
        minutes.disableProperty().bind(byTime.selectedProperty().not());
        Spinner<Integer> epochs = intSpinner(1, 100_000, vm.epochsProperty().get());
        epochs.setId("epochs");
        epochs.valueProperty().addListener((o, a, b) -> vm.epochsProperty().set(b));
        epochs.disableProperty().bind(byEpochs.selectedProperty().not());
        HBox stopRow = new HBox(8, byTime, minutes, new Label("minutes"), byEpochs, epochs);
        stopRow.setAlignment(Pos.CENTER_LEFT);
        g.addRow(row++, new Label("Train for"), stopRow);

        ToggleGroup kind = new ToggleGroup();
        RadioButton measured = new RadioButton("Measure it");
        measured.setId("kindAuto");
        RadioButton object = new RadioButton("Object");
        object.setId("kindObject");
        RadioButton texture = new RadioButton("Texture");
        texture.setId("kindTexture");
        measured.setToggleGroup(kind);
        object.setToggleGroup(kind);
        texture.setToggleGroup(kind);
        PartKind initial = vm.kindProperty().get();
        (initial == PartKind.TEXTURE ? texture : initial == PartKind.OBJECT ? object : measured).setSelected(true);
        kind.selectedToggleProperty().addListener((o, a, b) -> vm.kindProperty().set(
                b == texture ? PartKind.TEXTURE : b == object ? PartKind.OBJECT : PartKind.AUTO));
        Label kindHint = new Label();
        kindHint.getStyleClass().add("muted");
        kindHint.setWrapText(true);
        kindHint.setMaxWidth(560);
        kindHint.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.kindProperty().get()) {
            case TEXTURE -> "Surfaces and patterns: flipped both ways and turned while training; one global calibration.";
            case OBJECT -> "Parts photographed in a fixture: only flipped left-right; calibrated per pixel.";
            default -> "Recommended: after training the engine measures which calibration (per pixel, coarse grid, "
                    + "global) and smoothing best tell held-out good images from copies with synthetic defects.";
        }, vm.kindProperty()));
        VBox kindBox = new VBox(4, new HBox(12, measured, object, texture), kindHint);
        kindBox.disableProperty().bind(further.selectedProperty());
        g.addRow(row++, new Label("Images show"), kindBox);

        ComboBox<DeviceOption> device = new ComboBox<>(vm.devices());
        device.setId("device");
        device.valueProperty().bindBidirectional(vm.deviceProperty());
        g.addRow(row++, new Label("Device"), withHint(device, "a GPU appears here when the engine finds one"));

        TextField seed = new TextField();
        seed.setId("seed");
        seed.setPrefColumnCount(10);
        TextFormatter<Long> seedFormat = new TextFormatter<>(new javafx.util.converter.LongStringConverter(),
                vm.seedProperty().get(), c -> c.getControlNewText().matches("-?\\d{0,18}") ? c : null);
        seed.setTextFormatter(seedFormat);
        seedFormat.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.seedProperty().set(b);
            }
        });
        g.addRow(row++, new Label("Seed"), withHint(seed, "the same seed and images give the same model"));

        Spinner<Double> frr = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.1, 20,
                vm.targetFalseRejectPercentProperty().get(), 0.5));
        frr.setId("targetFrr");
        frr.setEditable(true);
        frr.setPrefWidth(100);
        frr.valueProperty().addListener((o, a, b) -> vm.targetFalseRejectPercentProperty().set(b));
        g.addRow(row++, new Label("False rejects"), withHint(frr,
                "% of good images the threshold may reject (set on held-out good images)"));

        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(vm.settingsProblemBinding());
        VBox box = new VBox(14, g, problem);
        box.getStyleClass().add("wizard-page");
        return box;
    }

    private static Spinner<Integer> intSpinner(int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setEditable(true);
        s.setPrefWidth(100);
        return s;
    }

    private static HBox withHint(Node control, String hint) {
        Label h = new Label(hint);
        h.getStyleClass().add("muted");
        HBox b = new HBox(10, control, h);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    // ---- page 3

    private Node trainingContent() {
        ProgressBar bar = new ProgressBar();
        bar.setId("trainingProgress");
        bar.progressProperty().bind(vm.fractionProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label phase = new Label();
        phase.setId("trainingPhase");
        phase.textProperty().bind(vm.phaseProperty());
        phase.setWrapText(true);
        Label step = new Label();
        step.textProperty().bind(vm.stepTextProperty());
        Label elapsed = new Label();
        elapsed.setId("trainingElapsed");
        elapsed.textProperty().bind(Bindings.concat("Elapsed ", vm.elapsedTextProperty()));
        Label eta = new Label();
        eta.setId("trainingEta");
        eta.textProperty().bind(Bindings.createStringBinding(() -> vm.etaTextProperty().get().isEmpty() ? ""
                : "About " + vm.etaTextProperty().get() + " left", vm.etaTextProperty()));
        HBox times = new HBox(24, elapsed, eta, step);
        Button stop = new Button("Stop and keep the model", Icons.of(MaterialDesignS.STOP_CIRCLE_OUTLINE, Icons.MENU));
        stop.setId("stopTraining");
        stop.setOnAction(e -> vm.cancel());
        stop.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.RUNNING));
        Button again = new Button("Train again");
        again.setOnAction(e -> vm.start());
        again.visibleProperty().bind(vm.stateProperty().isEqualTo(State.FAILED)
                .or(vm.stateProperty().isEqualTo(State.CANCELLED)));
        NumberAxis x = new NumberAxis();
        x.setLabel("step");
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        // Steps are whole numbers: no "2.25" labels while there are only a few.
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? Long.toString((long) v) : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel("loss (smoothed)");
        // From zero: a tight axis makes the noise of a few steps look like a trend.
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("lossChart");
        chart.getStyleClass().add("loss-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(150);
        // No empty 0-100 grid before the first step.
        chart.visibleProperty().bind(Bindings.isNotEmpty(vm.lossPoints()));
        XYChart.Series<Number, Number> loss = new XYChart.Series<>();
        chart.getData().add(loss);
        vm.lossPoints().addListener((ListChangeListener<LossPoint>) c -> {
            List<XYChart.Data<Number, Number>> data = new java.util.ArrayList<>(vm.lossPoints().size());
            for (LossPoint p : vm.lossPoints()) {
                data.add(new XYChart.Data<>(p.step(), p.loss()));
            }
            loss.getData().setAll(data);
        });
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox buttons = new HBox(10, stop, again);
        VBox box = new VBox(10, phase, bar, times, buttons, chart);
        box.getStyleClass().add("wizard-page");
        return box;
    }

    // ---- page 4

    private Node doneContent() {
        Label threshold = new Label();
        threshold.setId("resultThreshold");
        threshold.getStyleClass().add("big-number");
        threshold.textProperty().bind(Bindings.createStringBinding(
                () -> Format.score(vm.thresholdProperty().get()), vm.thresholdProperty()));
        Label about = new Label();
        about.setId("resultAbout");
        about.setWrapText(true);
        about.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.outcomeProperty().get()),
                vm.outcomeProperty()));
        Spinner<Double> frr = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 50,
                vm.targetFalseRejectPercentProperty().get(), 0.5));
        frr.setEditable(true);
        frr.setPrefWidth(100);
        frr.setId("retargetFrr");
        frr.valueProperty().addListener((o, a, b) -> vm.retarget(b));
        HBox retarget = new HBox(8, new Label("Threshold for"), frr, new Label("% false rejects on held-out good images"));
        retarget.setAlignment(Pos.CENTER_LEFT);
        Label saved = new Label();
        saved.setId("savedModel");
        saved.textProperty().bind(Bindings.createStringBinding(() -> vm.savedFileProperty().get() == null
                ? "Not saved yet." : "Saved to " + vm.savedFileProperty().get(), vm.savedFileProperty()));
        Label error = new Label();
        error.getStyleClass().add("error-text");
        Button save = new Button("Save model…", Icons.of(MaterialDesignC.CONTENT_SAVE_OUTLINE, Icons.MENU));
        save.setId("saveModel");
        save.setOnAction(e -> {
            Path f = chooseFile.get();
            if (f != null) {
                vm.save(f, error::setText);
            }
        });
        VBox advice = new VBox(4);
        advice.setId("resultAdvice");
        advice.getStyleClass().add("warning-box");
        advice.visibleProperty().bind(Bindings.isNotEmpty(vm.advice()));
        advice.managedProperty().bind(advice.visibleProperty());
        vm.advice().addListener((ListChangeListener<String>) c -> advice.getChildren().setAll(vm.advice().stream()
                .map(TrainingWizard::warning).toList()));
        useModel.setSelected(true);
        useModel.setId("useModel");
        HBox saveRow = new HBox(10, save, saved);
        saveRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(12, new HBox(10, threshold, new Label("calibrated threshold")), about, advice, retarget,
                saveRow, error, useModel);
        box.getStyleClass().add("wizard-page");
        return box;
    }

    private static String describe(TrainingOutcome o) {
        if (o == null) {
            return "";
        }
        var h = o.model().header();
        var s = o.summary();
        return "Trained " + s.steps() + " steps (" + s.epochs() + (s.epochs() == 1 ? " epoch" : " epochs") + ") in "
                + Format.duration(java.time.Duration.ofMillis((long) (s.seconds() * 1000))) + " on " + s.device()
                + (s.cancelled() ? ", stopped early" : "") + ". "
                + h.heldOutCount() + " good images were held out to calibrate the scores; the threshold is set to "
                + "reject at most " + Format.percent(h.targetFalseRejectRate()) + " of such images and rejects "
                + h.heldOutRejectedAt(h.threshold()) + " of the " + h.heldOutScores().size() + " held out"
                + h.thresholdBasis().map(b -> "; it is drawn as " + b + ".").orElse(".")
                + (o.skipped().isEmpty() ? "" : " " + o.skipped().size() + " unreadable images were skipped.")
                + "\nGeometry: " + h.geometry().describe() + "."
                + (h.dataTraits() == null ? "" : "\nImages: " + h.dataTraits().describe() + ".")
                + (h.calibrationChoice() == null ? "" : "\nChosen " + h.calibrationChoice().describe() + ".");
    }

    // ---- window

    void show() {
        wizard.getDialog().show();
    }

    boolean isShowing() {
        return wizard.getDialog().isShowing();
    }

    void toFront() {
        Window w = window();
        if (w instanceof javafx.stage.Stage s) {
            s.toFront();
        }
    }

    Window window() {
        return wizard.getDialog().getDialogPane().getScene() == null ? null
                : wizard.getDialog().getDialogPane().getScene().getWindow();
    }

    void setOnHidden(Runnable r) {
        onHidden = r;
    }

    /** Closes at quit time (the main window already asked). */
    void closeWithoutAsking() {
        closingConfirmed = true;
        wizard.getDialog().setResult(ButtonType.CANCEL);
        wizard.getDialog().close();
    }

    Wizard wizard() {
        return wizard;
    }

    TrainingWizardViewModel viewModel() {
        return vm;
    }
}
