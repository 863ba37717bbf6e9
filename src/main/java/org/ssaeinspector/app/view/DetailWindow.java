package org.ssaeinspector.app.view;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.ssaeinspector.app.viewmodel.DetailImages;
import org.ssaeinspector.app.viewmodel.DetailViewModel;
import org.ssaeinspector.app.viewmodel.Format;
import org.ssaeinspector.app.viewmodel.GalleryViewModel;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.scoring.DefectRegion;

/**
 * One image in full: input, reconstruction or heatmap, with the ground-truth outline and the
 * defect boxes; zoom and pan; previous/next with the arrow keys; good/defective by hand (G/D).
 */
final class DetailWindow {
    private final Stage stage = new Stage();
    private final DetailViewModel vm;
    private final ImageView photo = new ImageView();
    private final ImageView heat = new ImageView();
    private final ImageView outline = new ImageView();
    private final Group boxes = new Group();
    private final ZoomPane zoom;
    private final javafx.scene.control.Label verdict = new javafx.scene.control.Label();
    private final javafx.scene.control.Label facts = new javafx.scene.control.Label();
    private final javafx.scene.control.Label problem = new javafx.scene.control.Label();
    private final javafx.scene.control.Label notice = new javafx.scene.control.Label();
    private final ListView<String> regionList = new ListView<>();

    DetailWindow(Window owner, DetailViewModel vm, GalleryViewModel gallery) {
        this.vm = vm;
        stage.initOwner(owner);
        heat.setSmooth(true);
        heat.opacityProperty().bind(gallery.overlayOpacityProperty().multiply(0.5).add(0.35));
        outline.setSmooth(false);
        zoom = new ZoomPane(photo, heat, outline, boxes);
        zoom.setId("detailZoom");

        ToggleGroup layers = new ToggleGroup();
        HBox layerButtons = new HBox(0);
        for (DetailViewModel.Layer l : DetailViewModel.Layer.values()) {
            ToggleButton b = new ToggleButton(l.toString());
            b.setToggleGroup(layers);
            b.setUserData(l);
            b.setSelected(vm.layerProperty().get() == l);
            b.setId("layer" + l.name());
            layerButtons.getChildren().add(b);
        }
        layers.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                layers.selectToggle(a);
            } else {
                vm.layerProperty().set((DetailViewModel.Layer) b.getUserData());
            }
        });
        CheckBox mask = new CheckBox("Mask outline");
        mask.selectedProperty().bindBidirectional(vm.showMaskProperty());
        mask.setTooltip(new Tooltip("Ground-truth defect outline, when the data set has masks"));
        CheckBox regions = new CheckBox("Defect boxes");
        regions.selectedProperty().bindBidirectional(vm.showRegionsProperty());
        Button prev = iconButton(MaterialDesignC.CHEVRON_LEFT, "Previous image (Left)", () -> vm.step(-1));
        Button next = iconButton(MaterialDesignC.CHEVRON_RIGHT, "Next image (Right)", () -> vm.step(1));
        Button in = iconButton(MaterialDesignM.MAGNIFY_PLUS_OUTLINE, "Zoom in (+)", () -> zoom.zoomBy(1.25));
        Button out = iconButton(MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "Zoom out (-)", () -> zoom.zoomBy(0.8));
        Button fit = iconButton(MaterialDesignF.FIT_TO_SCREEN_OUTLINE, "Fit (0)", zoom::fit);
        Button good = new Button("Good", Icons.of(MaterialDesignC.CHECK_CIRCLE_OUTLINE, Icons.MENU));
        good.setTooltip(new Tooltip("Label this image good (G)"));
        good.setOnAction(e -> vm.mark(Label.GOOD));
        good.setId("markGood");
        Button bad = new Button("Defective", Icons.of(MaterialDesignA.ALERT_OCTAGON_OUTLINE, Icons.MENU));
        bad.setTooltip(new Tooltip("Label this image defective (D)"));
        bad.setOnAction(e -> vm.mark(Label.DEFECTIVE));
        bad.setId("markDefective");
        Button clear = iconButton(MaterialDesignE.ERASER, "Back to the folder's label (U)", () -> vm.mark(null));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.Label position = new javafx.scene.control.Label();
        position.setId("detailPosition");
        position.getStyleClass().add("muted");
        position.textProperty().bind(vm.positionBinding());
        position.setMinWidth(Region.USE_PREF_SIZE);
        HBox toolbar = new HBox(6, prev, next, position, new Separator(javafx.geometry.Orientation.VERTICAL), layerButtons,
                mask, regions, spacer, in, out, fit, new Separator(javafx.geometry.Orientation.VERTICAL),
                good, bad, clear);
        toolbar.getStyleClass().add("detail-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);

        verdict.getStyleClass().add("verdict");
        verdict.setId("detailVerdict");
        facts.setWrapText(true);
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        notice.setId("detailNotice");
        notice.getStyleClass().add("warning-box");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotNull());
        notice.managedProperty().bind(notice.visibleProperty());
        regionList.setPrefHeight(200);
        // Never "no region" while the regions are still being found.
        javafx.scene.control.Label noRegions = new javafx.scene.control.Label();
        noRegions.setId("regionPlaceholder");
        noRegions.textProperty().bind(Bindings.createStringBinding(() -> vm.loadingProperty().get()
                ? "Finding defect regions…" : vm.project().model() == null ? "No model, so no defect regions"
                : "No region above the threshold", vm.loadingProperty(), vm.project().modelProperty()));
        regionList.setPlaceholder(noRegions);
        regionList.setId("regionList");
        javafx.scene.control.Label regionsTitle = new javafx.scene.control.Label("DEFECT REGIONS");
        regionsTitle.getStyleClass().add("section-title");
        VBox info = new VBox(8, verdict, facts, problem, notice, regionsTitle, regionList);
        info.getStyleClass().add("detail-info");
        info.setPrefWidth(280);
        VBox.setVgrow(regionList, Priority.ALWAYS);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(60, 60);
        busy.visibleProperty().bind(vm.loadingProperty());
        StackPane centre = new StackPane(zoom, busy);
        BorderPane root = new BorderPane(centre, toolbar, info, null, null);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1100, screen.getWidth()), Math.min(760, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        // A filter, so the arrows page through images whichever control has the focus.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            KeyCode k = e.getCode();
            if (k == KeyCode.RIGHT || k == KeyCode.PAGE_DOWN || k == KeyCode.SPACE) {
                vm.step(1);
            } else if (k == KeyCode.LEFT || k == KeyCode.PAGE_UP || k == KeyCode.BACK_SPACE) {
                vm.step(-1);
            } else if (k == KeyCode.G) {
                vm.mark(Label.GOOD);
            } else if (k == KeyCode.D) {
                vm.mark(Label.DEFECTIVE);
            } else if (k == KeyCode.U) {
                vm.mark(null);
            } else if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
                zoom.zoomBy(1.25);
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                zoom.zoomBy(0.8);
            } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
                zoom.fit();
            } else if (k == KeyCode.DIGIT1) {
                zoom.actualSize();
            } else if (k == KeyCode.ESCAPE) {
                stage.close();
            } else {
                return;
            }
            e.consume();
        });
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> vm.itemProperty().get() == null ? "Detail"
                : vm.itemProperty().get().name() + " — " + vm.itemProperty().get().path().getParent(), vm.itemProperty()));

        vm.imagesProperty().addListener((o, a, b) -> showImages(b));
        vm.heatProperty().addListener(o -> showLayers());
        vm.layerProperty().addListener(o -> showLayers());
        vm.showMaskProperty().addListener(o -> showLayers());
        vm.showRegionsProperty().addListener(o -> showLayers());
        vm.regionsProperty().addListener((o, a, b) -> showRegions(b));
        vm.itemProperty().addListener((o, a, b) -> followItem(a, b));
        vm.project().thresholdProperty().addListener(o -> showVerdict());
    }

    private final javafx.beans.InvalidationListener itemChanged = o -> showVerdict();

    private void followItem(ImageItem old, ImageItem now) {
        if (old != null) {
            old.labelProperty().removeListener(itemChanged);
            old.scoreProperty().removeListener(itemChanged);
        }
        if (now != null) {
            now.labelProperty().addListener(itemChanged);
            now.scoreProperty().addListener(itemChanged);
        }
        showVerdict();
    }

    void show(ImageItem item) {
        vm.itemProperty().set(item);
        stage.show();
        stage.toFront();
    }

    void close() {
        stage.close();
    }

    Stage stage() {
        return stage;
    }

    private void showImages(DetailImages d) {
        if (d == null) {
            photo.setImage(null);
            heat.setImage(null);
            outline.setImage(null);
            boxes.getChildren().clear();
            return;
        }
        zoom.setContentSize(d.width(), d.height());
        outline.setImage(d.maskOutline() == null ? null : FxImages.of(d.maskOutline(), d.width(), d.height()));
        showLayers();
        showVerdict();
    }

    private void showLayers() {
        DetailImages d = vm.imagesProperty().get();
        if (d == null) {
            return;
        }
        DetailViewModel.Layer layer = vm.layerProperty().get();
        if (layer == DetailViewModel.Layer.RECONSTRUCTION && d.reconstruction() != null) {
            photo.setImage(FxImages.of(d.reconstruction(), d.reconWidth(), d.reconHeight()));
            photo.smoothProperty().unbind();
            photo.setSmooth(true);
        } else {
            photo.setImage(FxImages.of(d.original(), d.width(), d.height()));
            // Real pixels when zoomed in; smoothed when shrunk, where nearest sampling aliases.
            photo.smoothProperty().bind(zoom.zoomProperty().lessThan(1));
        }
        photo.setFitWidth(d.width());
        photo.setFitHeight(d.height());
        int[] h = vm.heatProperty().get();
        heat.setImage(layer == DetailViewModel.Layer.HEATMAP && h != null ? FxImages.of(h, d.width(), d.height()) : null);
        outline.setVisible(vm.showMaskProperty().get());
        boxes.setVisible(vm.showRegionsProperty().get());
    }

    private void showRegions(List<DefectRegion> regions) {
        boxes.getChildren().clear();
        List<String> rows = new java.util.ArrayList<>();
        int n = 1;
        for (DefectRegion r : regions) {
            Rectangle box = new Rectangle(r.x(), r.y(), r.width(), r.height());
            box.getStyleClass().add("region-box");
            // Two screen pixels wide at any zoom.
            box.strokeWidthProperty().bind(Bindings.divide(2.0, zoom.zoomProperty()));
            boxes.getChildren().add(box);
            rows.add(String.format(Locale.ROOT, "#%d  %d×%d at %d, %d\n     %d px · peak %s", n++, r.width(), r.height(),
                    r.x(), r.y(), r.areaPx(), Format.score(r.peak())));
        }
        regionList.setItems(FXCollections.observableArrayList(rows));
        showVerdict();
    }

    private void showVerdict() {
        ImageItem i = vm.itemProperty().get();
        verdict.getStyleClass().removeAll("flagged", "passed");
        if (i == null) {
            verdict.setText("");
            facts.setText("");
            return;
        }
        double t = vm.project().thresholdProperty().get();
        if (!i.isScored()) {
            verdict.setText("Not scored");
        } else {
            verdict.setText(i.isFlagged() ? "Flagged" : "Passed");
            verdict.getStyleClass().add(i.isFlagged() ? "flagged" : "passed");
        }
        Label label = i.label();
        DetailImages d = vm.imagesProperty().get();
        facts.setText("Score " + Format.score(i.score()) + (Double.isNaN(t) ? "" : "  (threshold " + Format.score(t) + ")")
                + "\nLabel: " + (label == Label.UNKNOWN ? "none" : label.csvValue())
                + (i.manualLabelProperty().get() != null ? " (by hand)" : i.defectType().isEmpty() ? ""
                : " (folder " + i.defectType() + ")")
                + (d == null ? "" : "\nSize " + d.width() + " × " + d.height() + " px")
                + "\n" + i.path().getFileName());
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon, Icons.MENU));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setPadding(new Insets(4, 6, 4, 6));
        return b;
    }
}
