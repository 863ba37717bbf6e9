package org.ssaeinspector.app.view;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.ssaeinspector.app.service.ColourScale;
import org.ssaeinspector.app.service.Thumbnail;
import org.ssaeinspector.app.viewmodel.Format;
import org.ssaeinspector.app.viewmodel.GalleryViewModel;
import org.ssaeinspector.app.viewmodel.ImageItem;
import org.ssaeinspector.app.viewmodel.MapPreview;
import org.ssaeinspector.app.viewmodel.ThumbnailCache;

/**
 * One thumbnail: the photo with its heatmap overlaid, a score badge (red when flagged, green
 * when passed), a flag marker and the label. Reused by the grid as the user scrolls, so it
 * follows whichever item it shows at the moment.
 */
final class GalleryCell extends GridCell<ImageItem> {
    static final double PHOTO = 150;

    private final GalleryViewModel gallery;
    private final ThumbnailCache thumbnails;
    private final ImageView photo = new ImageView();
    private final ImageView heat = new ImageView();
    private final Label badge = new Label();
    private final FontIcon flag = Icons.of(MaterialDesignF.FLAG, 16);
    private final FontIcon problem = Icons.of(MaterialDesignA.ALERT_CIRCLE_OUTLINE, 32);
    private final Label name = new Label();
    private final FontIcon labelIcon = Icons.of(MaterialDesignC.CHECK_CIRCLE, 13);
    private final StackPane frame;
    private final Region ring = new Region();
    private final InvalidationListener itemChanged = o -> refresh();
    private final InvalidationListener scaleChanged = o -> paintHeat();
    private ImageItem shown;
    private double photoWidth = PHOTO;
    private double photoHeight = PHOTO;

    GalleryCell(GalleryViewModel gallery, ThumbnailCache thumbnails) {
        this.gallery = gallery;
        this.thumbnails = thumbnails;
        getStyleClass().add("gallery-cell");
        photo.setPreserveRatio(true);
        photo.setFitWidth(PHOTO);
        photo.setFitHeight(PHOTO);
        photo.setSmooth(true);
        heat.setSmooth(true);
        heat.opacityProperty().bind(gallery.overlayOpacityProperty());
        heat.visibleProperty().bind(gallery.overlayVisibleProperty());
        badge.getStyleClass().add("score-badge");
        flag.getStyleClass().add("flag-marker");
        problem.getStyleClass().remove("app-icon");
        problem.setIconColor(javafx.scene.paint.Color.web("#f59e0b"));
        labelIcon.getStyleClass().remove("app-icon");
        ring.getStyleClass().add("flag-ring");
        ring.setMouseTransparent(true);
        frame = new StackPane(photo, heat, problem, ring, badge, flag);
        frame.getStyleClass().add("photo-frame");
        frame.setPrefSize(PHOTO, PHOTO);
        frame.setMinSize(PHOTO, PHOTO);
        frame.setMaxSize(PHOTO, PHOTO);
        StackPane.setAlignment(badge, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(badge, new Insets(0, 5, 5, 0));
        StackPane.setAlignment(flag, Pos.TOP_RIGHT);
        StackPane.setMargin(flag, new Insets(5, 6, 0, 0));
        name.setMaxWidth(PHOTO - 24);
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox caption = new HBox(labelIcon, name);
        caption.getStyleClass().add("caption");
        VBox box = new VBox(frame, caption);
        setGraphic(null);
        setText(null);
        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        box.setPrefWidth(PHOTO);
        graphicBox = box;
        gallery.colourScaleProperty().addListener(new WeakInvalidationListener(scaleChanged));
    }

    private final VBox graphicBox;

    @Override
    protected void updateItem(ImageItem item, boolean empty) {
        super.updateItem(item, empty);
        if (shown != null) {
            shown.flaggedProperty().removeListener(itemChanged);
            shown.previewProperty().removeListener(itemChanged);
            shown.labelProperty().removeListener(itemChanged);
            shown.problemProperty().removeListener(itemChanged);
        }
        shown = empty ? null : item;
        if (shown == null) {
            setGraphic(null);
            return;
        }
        shown.flaggedProperty().addListener(itemChanged);
        shown.previewProperty().addListener(itemChanged);
        shown.labelProperty().addListener(itemChanged);
        shown.problemProperty().addListener(itemChanged);
        setGraphic(graphicBox);
        photo.setImage(null);
        ImageItem requested = shown;
        thumbnails.request(requested.path(), t -> {
            if (shown == requested) {
                showThumbnail(t);
            }
        });
        refresh();
    }

    private void showThumbnail(Thumbnail t) {
        if (t.isBroken()) {
            photo.setImage(null);
            problem.setVisible(true);
            Tooltip.install(frame, new Tooltip(t.problem()));
            return;
        }
        photo.setImage(FxImages.of(t.argb(), t.width(), t.height()));
        double s = Math.min(PHOTO / t.width(), PHOTO / t.height());
        photoWidth = t.width() * s;
        photoHeight = t.height() * s;
        heat.setFitWidth(photoWidth);
        heat.setFitHeight(photoHeight);
        ring.setMaxSize(photoWidth, photoHeight);
    }

    private void refresh() {
        ImageItem i = shown;
        if (i == null) {
            return;
        }
        name.setText(i.name());
        String problemText = i.problemProperty().get();
        problem.setVisible(problemText != null);
        Tooltip.install(frame, new Tooltip(i.path() + (problemText != null ? "\n" + problemText : "")));
        badge.getStyleClass().removeAll("flagged", "passed");
        if (i.isScored()) {
            badge.setText(Format.score(i.score()));
            badge.getStyleClass().add(i.isFlagged() ? "flagged" : "passed");
            badge.setVisible(true);
        } else {
            badge.setVisible(false);
        }
        flag.setVisible(i.isFlagged());
        ring.setVisible(i.isFlagged());
        org.ssaeinspector.dataset.Label label = i.label();
        boolean defective = label == org.ssaeinspector.dataset.Label.DEFECTIVE;
        labelIcon.setVisible(label != org.ssaeinspector.dataset.Label.UNKNOWN);
        labelIcon.setIconCode(defective ? MaterialDesignA.ALERT_OCTAGON : MaterialDesignC.CHECK_CIRCLE);
        labelIcon.setIconColor(javafx.scene.paint.Color.web(defective ? "#d93a2b" : "#2e9e5b"));
        Tooltip.install(labelIcon, new Tooltip((i.manualLabelProperty().get() != null ? "Labelled by hand: "
                : "Label from folder: ") + label.csvValue()));
        paintHeat();
    }

    private void paintHeat() {
        ImageItem i = shown;
        MapPreview p = i == null ? null : i.previewProperty().get();
        ColourScale scale = gallery.colourScaleProperty().getValue();
        if (p == null || scale == null) {
            heat.setImage(null);
            return;
        }
        heat.setImage(FxImages.of(scale.paint(p.values()), p.width(), p.height()));
        heat.setFitWidth(photoWidth);
        heat.setFitHeight(photoHeight);
    }
}
