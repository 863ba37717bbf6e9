package org.ssaeinspector.app.view;

import javafx.scene.paint.Color;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Ikonli icons at the app's sizes. */
final class Icons {
    static final int TOOLBAR = 20;
    static final int MENU = 16;

    private Icons() {
    }

    static FontIcon of(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        icon.getStyleClass().add("app-icon");
        return icon;
    }

    /** An icon with its own colour (no theme colour from the style sheet). */
    static FontIcon of(Ikon ikon, int size, Color color) {
        FontIcon icon = of(ikon, size);
        icon.getStyleClass().remove("app-icon");
        icon.setIconColor(color);
        return icon;
    }
}
