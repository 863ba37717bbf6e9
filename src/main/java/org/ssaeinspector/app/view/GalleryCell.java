package org.ssaeinspector.app.view;

import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.css.PseudoClass;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
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
import org.ssaeinspector.app.viewmodel.ColourScale;
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
    private static final PseudoClass FLAGGED = PseudoClass.getPseudoClass("flagged");
    private static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");

    private final GalleryViewModel gallery;
    private final ThumbnailCache thumbnails;
    private final ImageView photo = new ImageView();
    private final ImageView heat = new ImageView();
    private final Label badge = new Label();
    private final FontIcon flag = Icons.of(MaterialDesignF.FLAG, 16);
    private final FontIcon problem = Icons.of(MaterialDesignA.ALERT_CIRCLE_OUTLINE, 32);
    /** Width of the caption's text: the cell less the label icon and the paddings. */
    private static final double NAME_WIDTH = PHOTO - 24;
    private static final CaptionFit CAPTION_FIT = new CaptionFit();
    private final Label name = new Label();
    private final FontIcon labelIcon = Icons.of(MaterialDesignC.CHECK_CIRCLE, 13);
    private final StackPane frame;
    private final Region ring = new Region();
    private final Region selectionRing = new Region();
    private final Tooltip frameTip = new Tooltip();
    private final Tooltip labelTip = new Tooltip();
    // Separate listeners so that a threshold move (flags) touches only the badge, never the
    // tooltips or the heat image: at 10,000 images every microsecond per cell counts.
    private final InvalidationListener verdictChanged = o -> showVerdict();
    private final InvalidationListener previewChanged = o -> paintHeat();
    private final InvalidationListener labelChanged = o -> showLabel();
    private final InvalidationListener problemChanged = o -> showProblem();
    private ImageItem shown;
    private double photoWidth = PHOTO;
    private double photoHeight = PHOTO;
    private WritableImage heatImage;
    private boolean listening;

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
        selectionRing.getStyleClass().add("selection-ring");
        selectionRing.setMouseTransparent(true);
        selectionRing.setVisible(false);
        frame = new StackPane(photo, heat, problem, ring, selectionRing, badge, flag);
        frame.getStyleClass().add("photo-frame");
        frame.setPrefSize(PHOTO, PHOTO);
        frame.setMinSize(PHOTO, PHOTO);
        frame.setMaxSize(PHOTO, PHOTO);
        StackPane.setAlignment(badge, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(badge, new Insets(0, 5, 5, 0));
        StackPane.setAlignment(flag, Pos.TOP_RIGHT);
        StackPane.setMargin(flag, new Insets(5, 6, 0, 0));
        Tooltip.install(frame, frameTip);
        Tooltip.install(labelIcon, labelTip);
        name.setMaxWidth(NAME_WIDTH);
        // The folder is cut short to fit (captionFit); a file name too long by itself keeps both ends.
        name.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        name.fontProperty().addListener(o -> showCaption());
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox caption = new HBox(labelIcon, name);
        caption.getStyleClass().add("caption");
        Tooltip.install(name, frameTip);
        graphicBox = new VBox(frame, caption);
        graphicBox.setPrefWidth(PHOTO);
        // Unmanaged: a new badge text lays out this cell only, not the whole grid.
        graphicBox.setManaged(false);
        graphicBox.setVisible(false);
        setText(null);
        setGraphic(null);
        setPrefSize(PHOTO, PHOTO + 22);
    }

    private final VBox graphicBox;

    @Override
    protected void updateItem(ImageItem item, boolean empty) {
        super.updateItem(item, empty);
        ImageItem next = empty ? null : item;
        if (next == shown && listening) {
            return;
        }
        if (listening) {
            shown.flaggedProperty().removeListener(verdictChanged);
            shown.scoreProperty().removeListener(verdictChanged);
            shown.previewProperty().removeListener(previewChanged);
            shown.labelProperty().removeListener(labelChanged);
            shown.problemProperty().removeListener(problemChanged);
            listening = false;
        }
        if (next == null) {
            // The grid empties and refills every cell on each of its layout passes: keep the
            // pictures so that getting the same item back costs nothing.
            graphicBox.setVisible(false);
            return;
        }
        next.flaggedProperty().addListener(verdictChanged);
        next.scoreProperty().addListener(verdictChanged);
        next.previewProperty().addListener(previewChanged);
        next.labelProperty().addListener(labelChanged);
        next.problemProperty().addListener(problemChanged);
        listening = true;
        graphicBox.setVisible(true);
        updateSelected(next == gallery.selectedProperty().get());
        boolean same = next == shown;
        shown = next;
        showVerdict();
        if (same) {
            return;
        }
        photo.setImage(null);
        showCaption();
        thumbnails.request(next.path(), t -> {
            if (shown == next) {
                showThumbnail(t);
            }
        });
        showLabel();
        showProblem();
        paintHeat();
    }

    @Override
    public void updateSelected(boolean selected) {
        super.updateSelected(selected);
        selectionRing.setVisible(selected);
    }

    /** A skin that only holds the cell's own content (a Labeled skin ignores unmanaged graphics). */
    @Override
    protected javafx.scene.control.Skin<?> createDefaultSkin() {
        return new javafx.scene.control.SkinBase<GalleryCell>(this) {
            {
                getChildren().add(graphicBox);
            }

            @Override
            protected void layoutChildren(double x, double y, double w, double h) {
                graphicBox.resizeRelocate(x, y, w, h);
            }
        };
    }

    private void showThumbnail(Thumbnail t) {
        if (t.isBroken()) {
            photo.setImage(null);
            problem.setVisible(true);
            frameTip.setText(shown.path() + "\n" + t.problem());
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

    private void showVerdict() {
        ImageItem i = shown;
        if (i == null) {
            return;
        }
        boolean flagged = i.isFlagged();
        badge.setVisible(i.isScored());
        if (i.isScored()) {
            badge.setText(Format.score(i.score()));
        }
        // Pseudo-classes, not style classes: a state change without a full CSS pass.
        badge.pseudoClassStateChanged(FLAGGED, i.isScored() && flagged);
        badge.pseudoClassStateChanged(PASSED, i.isScored() && !flagged);
        flag.setVisible(flagged);
        ring.setVisible(flagged);
    }

    private void showLabel() {
        ImageItem i = shown;
        if (i == null) {
            return;
        }
        org.ssaeinspector.dataset.Label label = i.label();
        boolean defective = label == org.ssaeinspector.dataset.Label.DEFECTIVE;
        labelIcon.setVisible(label != org.ssaeinspector.dataset.Label.UNKNOWN);
        labelIcon.setIconCode(defective ? MaterialDesignA.ALERT_OCTAGON : MaterialDesignC.CHECK_CIRCLE);
        labelIcon.setIconColor(javafx.scene.paint.Color.web(defective ? "#d93a2b" : "#2e9e5b"));
        labelTip.setText((i.manualLabelProperty().get() != null ? "Labelled by hand: " : "Label from folder: ")
                + label.csvValue());
    }

    private void showProblem() {
        ImageItem i = shown;
        if (i == null) {
            return;
        }
        String problemText = i.problemProperty().get();
        problem.setVisible(problemText != null);
        frameTip.setText(i.path() + (problemText != null ? "\n" + problemText : ""));
    }

    ImageView heatView() {
        return heat;
    }

    Label badge() {
        return badge;
    }

    private void showCaption() {
        if (shown != null) {
            name.setText(CAPTION_FIT.fit(shown.folderName(), shown.name(), name.getFont(), NAME_WIDTH - 2));
        }
    }

    /** The caption under the photo. */
    Label caption() {
        return name;
    }

    /** Repaints the overlay (the gallery calls this on the cells on screen when the colours change). */
    void paintHeat() {
        ImageItem i = shown;
        MapPreview p = i == null ? null : i.previewProperty().get();
        ColourScale scale = gallery.colourScaleProperty().getValue();
        if (p == null || scale == null) {
            heat.setImage(null);
            return;
        }
        if (heatImage == null || heatImage.getWidth() != p.width() || heatImage.getHeight() != p.height()) {
            heatImage = new WritableImage(p.width(), p.height());
        }
        heatImage.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(),
                scale.paint(p.values()), 0, p.width());
        if (heat.getImage() != heatImage) {
            heat.setImage(heatImage);
        }
        if (heat.getFitWidth() != photoWidth || heat.getFitHeight() != photoHeight) {
            heat.setFitWidth(photoWidth);
            heat.setFitHeight(photoHeight);
        }
    }
}
