package org.ssaeinspector.app.view;

import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * Shows content in image coordinates with zoom (mouse wheel, around the pointer) and pan (drag).
 * Starts and resets to "fit": the whole image in view.
 */
final class ZoomPane extends Pane {
    static final double MIN_ZOOM = 0.05;
    static final double MAX_ZOOM = 32;

    private final Group content;
    private final Scale scale = new Scale(1, 1);
    private final Translate shift = new Translate();
    private double contentWidth = 1;
    private double contentHeight = 1;
    private boolean fitted = true;
    private double dragX;
    private double dragY;

    ZoomPane(Node... layers) {
        getStyleClass().add("zoom-pane");
        content = new Group(layers);
        content.getTransforms().addAll(shift, scale);
        getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 1.25 : e.getDeltaY() < 0 ? 0.8 : 1;
            zoomAt(factor, e.getX(), e.getY());
            e.consume();
        });
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseDragged(e -> {
            shift.setX(shift.getX() + e.getX() - dragX);
            shift.setY(shift.getY() + e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
            fitted = false;
        });
        widthProperty().addListener(o -> refit());
        heightProperty().addListener(o -> refit());
    }

    /** The size of the content in image pixels (the zoom's reference). */
    void setContentSize(double w, double h) {
        contentWidth = Math.max(1, w);
        contentHeight = Math.max(1, h);
        fit();
    }

    void fit() {
        fitted = true;
        refit();
    }

    private void refit() {
        if (!fitted || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double z = Math.min(getWidth() / contentWidth, getHeight() / contentHeight);
        scale.setX(z);
        scale.setY(z);
        shift.setX((getWidth() - contentWidth * z) / 2);
        shift.setY((getHeight() - contentHeight * z) / 2);
    }

    void zoomBy(double factor) {
        zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms keeping the image point under (x, y) where it is. */
    void zoomAt(double factor, double x, double y) {
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, scale.getX() * factor));
        double ix = (x - shift.getX()) / scale.getX();
        double iy = (y - shift.getY()) / scale.getY();
        scale.setX(z);
        scale.setY(z);
        shift.setX(x - ix * z);
        shift.setY(y - iy * z);
        fitted = false;
    }

    /** 1 = one image pixel per screen pixel. */
    void actualSize() {
        zoomAt(1 / scale.getX(), getWidth() / 2, getHeight() / 2);
    }

    double zoom() {
        return scale.getX();
    }

    /** Screen pixels per image pixel. */
    javafx.beans.property.ReadOnlyDoubleProperty zoomProperty() {
        return scale.xProperty();
    }

    Bounds viewBounds() {
        return content.getBoundsInParent();
    }
}
