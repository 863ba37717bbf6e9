package org.ssaeinspector.app.view;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Packed ARGB pixels to JavaFX images (on the UI thread). */
final class FxImages {
    private FxImages() {
    }

    static WritableImage of(int[] argb, int width, int height) {
        WritableImage img = new WritableImage(width, height);
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return img;
    }
}
