package org.ssaeinspector.app.view;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.app.viewmodel.Format;
import org.ssaeinspector.app.viewmodel.ImageSet;
import org.ssaeinspector.app.viewmodel.MainViewModel;
import org.ssaeinspector.app.viewmodel.Project;
import org.ssaeinspector.model.ModelHeader;

/** The project at a glance: the two image sets (also drop targets) and the model. */
final class ProjectSidebar extends VBox {
    private final ToggleButton training;
    private final ToggleButton test;

    ProjectSidebar(MainViewModel vm, Runnable train, Runnable openModel) {
        getStyleClass().add("sidebar");
        setPrefWidth(240);
        Project p = vm.project();
        ToggleGroup group = new ToggleGroup();
        training = setButton(ImageSet.TRAINING, MaterialDesignI.IMAGE_MULTIPLE_OUTLINE,
                p.trainingCountProperty().asString(), group);
        test = setButton(ImageSet.TEST, MaterialDesignF.FOLDER_SEARCH_OUTLINE, Bindings.createStringBinding(
                () -> p.testCountProperty().get() + (p.flaggedTestCountProperty().get() > 0
                        ? " · " + p.flaggedTestCountProperty().get() + " flagged" : ""),
                p.testCountProperty(), p.flaggedTestCountProperty()), group);
        training.setId("setTraining");
        test.setId("setTest");
        ImageSet shown = vm.gallery().shownSetProperty().get();
        group.selectToggle(shown == ImageSet.TRAINING ? training : test);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                group.selectToggle(a);
            } else {
                vm.gallery().shownSetProperty().set((ImageSet) b.getUserData());
            }
        });
        vm.gallery().shownSetProperty().addListener((o, a, b) -> group.selectToggle(b == ImageSet.TRAINING ? training : test));

        Label projectTitle = title("IMAGES");
        Label modelTitle = title("MODEL");
        VBox card = new VBox();
        card.getStyleClass().add("model-card");
        card.setId("modelCard");
        Label inUse = new Label();
        inUse.getStyleClass().add("muted");
        inUse.textProperty().bind(Bindings.createStringBinding(() -> "Threshold in use "
                + Format.score(p.thresholdProperty().get()), p.thresholdProperty()));
        Runnable showModel = () -> fillCard(card, p.model(), vm.modelTextBinding().get(), inUse);
        p.modelProperty().addListener(o -> showModel.run());
        p.modelFileProperty().addListener(o -> showModel.run());
        showModel.run();
        Button trainButton = new Button("Train model…", Icons.of(MaterialDesignS.SCHOOL_OUTLINE, Icons.MENU));
        trainButton.setId("trainButton");
        trainButton.setOnAction(e -> train.run());
        trainButton.setMaxWidth(Double.MAX_VALUE);
        trainButton.disableProperty().bind(p.trainingCountProperty().isEqualTo(0).or(vm.trainingRunningProperty()));
        Button open = new Button("Open model…", Icons.of(MaterialDesignB.BRAIN, Icons.MENU));
        open.setOnAction(e -> openModel.run());
        open.setMaxWidth(Double.MAX_VALUE);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("Drop images or folders on a set to add them there; drop elsewhere to choose.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        getChildren().addAll(projectTitle, training, test, modelTitle, card, trainButton, open, spacer, hint);
    }

    private static void fillCard(VBox card, ModelHandle m, String text, Label inUse) {
        card.getChildren().clear();
        if (m == null) {
            Label none = new Label("No model yet");
            none.getStyleClass().add("name");
            Label how = new Label("Train one on the good images, or open a .ssae file.");
            how.setWrapText(true);
            how.getStyleClass().add("muted");
            card.getChildren().addAll(none, how);
            return;
        }
        ModelHeader h = m.header();
        Label name = new Label(text.split(" · ")[0]);
        name.getStyleClass().add("name");
        card.getChildren().addAll(name,
                line(modelPixels(h) + " px · " + h.residual() + " residual · " + h.calibration() + " calibration · width " + h.width()),
                // The held-out images are good images too: say where the rest of the set went.
                line("Trained on " + h.trainImageCount() + " images (" + h.heldOutCount() + " held out), "
                        + h.training().steps() + " steps"
                        + (h.training().cancelled() ? " (stopped early)" : "")),
                line("Calibrated threshold " + Format.score(h.threshold()) + " at "
                        + Format.percent(h.targetFalseRejectRate()) + " FRR"),
                inUse,
                line("Runs on " + m.deviceName()));
    }

    private static Label line(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    private static Label title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static ToggleButton setButton(ImageSet set, Ikon icon, javafx.beans.value.ObservableValue<String> count,
                                          ToggleGroup group) {
        Label name = new Label(set.title());
        Label n = new Label();
        n.textProperty().bind(count);
        n.getStyleClass().add("count");
        VBox text = new VBox(1, name, n);
        HBox box = new HBox(10, Icons.of(icon, 22), text);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ToggleButton b = new ToggleButton();
        b.setGraphic(box);
        b.setUserData(set);
        b.setToggleGroup(group);
        b.getStyleClass().add("set-button");
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    ToggleButton trainingButton() {
        return training;
    }

    ToggleButton testButton() {
        return test;
    }

    /** The reference photo at the model's scale ("314 × 128"), or the square of an older model. */
    private static String modelPixels(ModelHeader h) {
        int[] m = h.geometry().referenceModelSize();
        return m[0] + " × " + m[1];
    }
}
