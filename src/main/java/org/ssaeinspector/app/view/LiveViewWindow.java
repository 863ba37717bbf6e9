package org.ssaeinspector.app.view;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.ssaeinspector.app.service.Thumbnail;
import org.ssaeinspector.app.viewmodel.ColourScale;
import org.ssaeinspector.app.viewmodel.LiveRow;
import org.ssaeinspector.app.viewmodel.LiveViewModel;
import org.ssaeinspector.app.viewmodel.MapPreview;

/**
 * The live view of a watched folder: the files newest first with their verdicts and thumbnails,
 * the counters, and the last flagged part large with its heatmap. Closing the window stops the
 * watching.
 */
public final class LiveViewWindow {
    private static final double LARGE = 420;

    private final LiveViewModel vm;
    private final Stage stage = new Stage();
    private final ImageView largePhoto = new ImageView();
    private final ImageView largeHeat = new ImageView();
    private final Label largeCaption = new Label("No flagged part yet.");
    private final Timeline ticker;

    public LiveViewWindow(LiveViewModel vm, Window owner) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.setTitle("Live view — " + vm.folder());

        ToggleButton pause = new ToggleButton("Pause", Icons.of(MaterialDesignP.PAUSE, Icons.TOOLBAR));
        pause.setId("livePause");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        pause.textProperty().bind(Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.disableProperty().bind(vm.watchingProperty().not());
        pause.setTooltip(new Tooltip("Images that arrive while paused wait and are scored on resume"));
        Button stop = new Button("Stop", Icons.of(MaterialDesignS.STOP, Icons.TOOLBAR));
        stop.setId("liveStop");
        stop.disableProperty().bind(vm.watchingProperty().not());
        stop.setOnAction(e -> vm.stop());
        Label folder = new Label(vm.folder().toString());
        folder.setMinWidth(0);
        ToolBar toolbar = new ToolBar(pause, stop, new Separator(), folder);

        Label inspected = counter("liveInspected", "inspected");
        inspected.textProperty().bind(vm.inspectedProperty().asString("%d inspected"));
        Label flagged = counter("liveFlagged", "flagged");
        flagged.textProperty().bind(vm.flaggedProperty().asString("%d flagged"));
        Label rate = counter("liveRate", "images scored in the last minute");
        rate.textProperty().bind(vm.perMinuteProperty().asString("%d / min"));
        Label waiting = counter("liveWaiting", "settled files waiting to be scored");
        waiting.textProperty().bind(vm.waitingProperty().asString("%d waiting"));
        Label problems = counter("liveProblems", "files that could not be scored");
        problems.textProperty().bind(vm.problemsProperty().asString("%d problem(s)"));
        HBox counters = new HBox(18, inspected, flagged, rate, waiting, problems);
        counters.setPadding(new Insets(6, 10, 6, 10));
        counters.setAlignment(Pos.CENTER_LEFT);

        ListView<LiveRow> list = new ListView<>(vm.rows());
        list.setId("liveList");
        list.setCellFactory(v -> new RowCell());
        list.setPlaceholder(new Label("Waiting for images in " + vm.folder().getFileName() + "…"));
        list.setPrefWidth(420);
        list.setMinWidth(260);

        largePhoto.setPreserveRatio(true);
        largeHeat.setPreserveRatio(false);
        largeHeat.setOpacity(0.6);
        largeHeat.setSmooth(true);
        StackPane picture = new StackPane(largePhoto, largeHeat);
        picture.setId("liveLastFlaggedImage");
        picture.setMinSize(120, 120);
        picture.setPrefSize(LARGE, LARGE);
        largeCaption.setId("liveLastFlagged");
        largeCaption.setWrapText(true);
        Label title = new Label("LAST FLAGGED PART");
        title.getStyleClass().add("section-title");
        VBox right = new VBox(6, title, picture, largeCaption);
        right.setPadding(new Insets(8));
        VBox.setVgrow(picture, Priority.ALWAYS);
        vm.lastFlaggedProperty().addListener((o, a, row) -> showCaption(row));
        vm.lastFlaggedImageProperty().addListener((o, a, img) -> showLarge(img));

        Label message = new Label();
        message.setId("liveMessage");
        message.textProperty().bind(vm.messageProperty());
        message.setPadding(new Insets(4, 10, 4, 10));

        BorderPane centre = new BorderPane(right, counters, null, null, list);
        BorderPane root = new BorderPane(centre, toolbar, null, message, null);
        Scene scene = new Scene(root, 960, 640);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(420);

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        stage.setOnHidden(e -> {
            ticker.stop();
            vm.stop();
        });
    }

    private static Label counter(String id, String tip) {
        Label l = new Label();
        l.setId(id);
        l.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        l.setTooltip(new Tooltip(tip));
        return l;
    }

    /** Starts watching and shows the window. */
    public void show() {
        vm.start();
        ticker.play();
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    public LiveViewModel viewModel() {
        return vm;
    }

    private void showCaption(LiveRow row) {
        largeCaption.setText(row == null ? "No flagged part yet." : row.name() + "  ·  " + row.verdict()
                + "  ·  threshold " + org.ssaeinspector.app.viewmodel.Format.score(row.threshold()) + "  ·  " + row.time());
        largePhoto.setImage(null);
        largeHeat.setImage(null);
    }

    private void showLarge(Thumbnail img) {
        LiveRow row = vm.lastFlaggedProperty().get();
        if (img == null || img.isBroken() || row == null) {
            return;
        }
        double s = Math.min(LARGE / img.width(), LARGE / img.height());
        largePhoto.setImage(FxImages.of(img.argb(), img.width(), img.height()));
        largePhoto.setFitWidth(img.width() * s);
        largePhoto.setFitHeight(img.height() * s);
        MapPreview p = row.preview();
        if (p != null) {
            largeHeat.setImage(FxImages.of(ColourScale.of(row.threshold()).paint(p.values()), p.width(), p.height()));
            largeHeat.setFitWidth(img.width() * s);
            largeHeat.setFitHeight(img.height() * s);
        }
    }

    /** A row: thumbnail, name, verdict (red when flagged), time. */
    private static final class RowCell extends ListCell<LiveRow> {
        private final ImageView thumb = new ImageView();
        private final org.kordamp.ikonli.javafx.FontIcon warning = Icons.of(
                org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALERT_OUTLINE, 28, javafx.scene.paint.Color.web("#b45309"));
        private final Label name = new Label();
        private final Label verdict = new Label();
        private final Label time = new Label();
        private final HBox box;
        private LiveRow shown;
        private final javafx.beans.value.ChangeListener<Thumbnail> onThumb = (o, a, t) -> showThumb(t);

        RowCell() {
            thumb.setFitWidth(LiveRow.THUMBNAIL_SIDE);
            thumb.setFitHeight(LiveRow.THUMBNAIL_SIDE);
            thumb.setPreserveRatio(true);
            StackPane frame = new StackPane(thumb, warning);
            frame.setMinSize(LiveRow.THUMBNAIL_SIDE, LiveRow.THUMBNAIL_SIDE);
            frame.setPrefSize(LiveRow.THUMBNAIL_SIDE, LiveRow.THUMBNAIL_SIDE);
            name.setStyle("-fx-font-weight: bold;");
            verdict.setWrapText(true);
            VBox text = new VBox(2, name, verdict);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            time.setMinWidth(Region.USE_PREF_SIZE);
            time.setStyle("-fx-text-fill: -muted;");
            box = new HBox(10, frame, text, time);
            box.setAlignment(Pos.CENTER_LEFT);
            // As wide as the list, never wider: no sideways scrolling, long names wrap or are cut.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(LiveRow row, boolean empty) {
            super.updateItem(row, empty);
            if (shown != null) {
                shown.thumbnailProperty().removeListener(onThumb);
            }
            shown = empty ? null : row;
            if (shown == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(row.name());
            verdict.setText(row.verdict());
            verdict.setStyle(row.problem() != null ? "-fx-text-fill: #b45309;"
                    : row.flagged() ? "-fx-text-fill: #d93a2b; -fx-font-weight: bold;" : "-fx-text-fill: #2e9e5b;");
            time.setText(row.time().toString());
            warning.setVisible(row.problem() != null);
            row.thumbnailProperty().addListener(onThumb);
            showThumb(row.thumbnailProperty().get());
            setGraphic(box);
        }

        private void showThumb(Thumbnail t) {
            thumb.setImage(t == null || t.isBroken() ? null : FxImages.of(t.argb(), t.width(), t.height()));
        }
    }
}
