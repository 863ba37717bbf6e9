package org.ssaeinspector.app.view;

import java.io.File;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.ssaeinspector.app.task.BackgroundJob;
import org.ssaeinspector.app.viewmodel.GalleryViewModel;
import org.ssaeinspector.app.viewmodel.ImageSet;
import org.ssaeinspector.app.viewmodel.MainViewModel;
import org.ssaeinspector.app.viewmodel.ThumbnailCache;

/**
 * The main window: menus and toolbar, the project sidebar, the gallery, the threshold panel and
 * the status bar. Files dropped anywhere go to {@link #handleDrop}.
 */
public final class MainWindow {
    public static final String STYLESHEET =
            MainWindow.class.getResource("/org/ssaeinspector/app/view/inspector.css").toExternalForm();

    private final MainViewModel vm;
    private final Stage stage;
    private final MainActions actions;
    private final ProjectSidebar sidebar;
    private final GalleryView gallery;
    private final ThresholdPanel threshold;
    private final StatusBar status = new StatusBar();
    private final Hyperlink undo = new Hyperlink("Undo (Ctrl+Z)");
    private final Scene scene;

    public MainWindow(MainViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
        actions = new MainActions(vm, stage);
        sidebar = new ProjectSidebar(vm, actions::train, actions::openModel);
        gallery = new GalleryView(vm.gallery(), vm.thumbnails(), actions::openDetail);
        threshold = new ThresholdPanel(vm.threshold());
        MenuFactory menus = new MenuFactory(vm, actions);
        BorderPane root = new BorderPane();
        root.setTop(new VBox(menus.menuBar(), menus.toolBar()));
        root.setLeft(sidebar);
        root.setCenter(gallery);
        root.setRight(threshold);
        root.setBottom(buildStatusBar());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(880, screen.getHeight()));
        scene.getStylesheets().add(STYLESHEET);
        wireDrops();
        stage.setScene(scene);
        // The window takes the scene's size even when it showed another scene before.
        stage.sizeToScene();
        stage.titleProperty().bind(vm.titleBinding());
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.setOnCloseRequest(e -> {
            if (!actions.confirmQuit()) {
                e.consume();
            }
        });
    }

    /** Adds dropped files to {@code target}, or asks where they go when it is null. */
    public void handleDrop(List<File> files, ImageSet target) {
        vm.drop(files, target);
    }

    private void wireDrops() {
        scene.setOnDragOver(this::acceptFiles);
        scene.setOnDragDropped(e -> dropped(e, null));
        dropTarget(sidebar.trainingButton(), ImageSet.TRAINING);
        dropTarget(sidebar.testButton(), ImageSet.TEST);
        gallery.setOnDragOver(this::acceptFiles);
        gallery.setOnDragDropped(e -> dropped(e, vm.gallery().shownSetProperty().get()));
    }

    private void dropTarget(Node node, ImageSet set) {
        node.setOnDragOver(e -> {
            acceptFiles(e);
            if (!node.getStyleClass().contains("drop-target")) {
                node.getStyleClass().add("drop-target");
            }
        });
        node.setOnDragExited(e -> node.getStyleClass().remove("drop-target"));
        node.setOnDragDropped(e -> dropped(e, set));
    }

    private void acceptFiles(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e, ImageSet target) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            List<File> files = List.copyOf(e.getDragboard().getFiles());
            // Leave the OS drag first: a dialog inside the drop handler would block the drag source.
            javafx.application.Platform.runLater(() -> handleDrop(files, target));
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private StatusBar buildStatusBar() {
        status.setId("statusBar");
        Label model = statusItem(vm.modelTextBinding(), Icons.of(MaterialDesignB.BRAIN, 14));
        model.setId("statusModel");
        Label device = statusItem(vm.deviceTextBinding(), Icons.of(MaterialDesignC.CHIP, 14));
        device.setId("statusDevice");
        device.visibleProperty().bind(vm.deviceTextBinding().isNotEmpty());
        Label counts = statusItem(vm.countsTextBinding(), null);
        counts.setId("statusCounts");
        status.getRightItems().addAll(model, device, counts);
        undo.setId("statusUndo");
        undo.setOnAction(e -> vm.undoRemove());
        undo.setFocusTraversable(false);
        vm.runner().activeJobs().addListener((ListChangeListener<BackgroundJob>) c -> followActivity());
        vm.statusMessageProperty().addListener(o -> followActivity());
        vm.gallery().lastRemovalProperty().addListener(o -> followActivity());
        followActivity();
        return status;
    }

    /**
     * The status bar shows the first running job (thumbnails aside), else the last message; after
     * a removal that message offers to undo it.
     */
    private void followActivity() {
        BackgroundJob job = vm.runner().activeJobs().stream()
                .filter(j -> !ThumbnailCache.JOB_TITLE.equals(j.title())).findFirst().orElse(null);
        status.textProperty().unbind();
        status.progressProperty().unbind();
        if (job == null) {
            status.setText(vm.statusMessageProperty().get());
            status.setProgress(0);
        } else {
            status.textProperty().bind(job.messageProperty());
            status.progressProperty().bind(job.progressProperty());
        }
        GalleryViewModel.Removal removal = vm.gallery().lastRemovalProperty().get();
        status.setGraphic(job == null && removal != null
                && MainViewModel.removedMessage(removal).equals(status.getText()) ? undo : null);
    }

    private static Label statusItem(javafx.beans.value.ObservableValue<String> text, Node icon) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setGraphic(icon);
        l.getStyleClass().add("status-item");
        return l;
    }

    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    MainActions actions() {
        return actions;
    }

    GalleryView gallery() {
        return gallery;
    }

    ThresholdPanel thresholdPanel() {
        return threshold;
    }

    ProjectSidebar sidebar() {
        return sidebar;
    }

    StatusBar statusBar() {
        return status;
    }

    Hyperlink undoLink() {
        return undo;
    }
}
