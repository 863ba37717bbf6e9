package org.ssaeinspector.app.view;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import org.ssaeinspector.app.viewmodel.ColourScale;
import org.ssaeinspector.app.viewmodel.Format;

/** The heatmap's colour scale with its anchor: what colour the threshold is. */
final class HeatmapLegend extends HBox {
    private static final int WIDTH = 80;
    private final ImageView bar = new ImageView();
    private final Label low = new Label();
    private final Label high = new Label();
    private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
    private javafx.scene.image.WritableImage image;

    HeatmapLegend(ObservableValue<ColourScale> scale) {
        getStyleClass().add("legend-bar");
        low.setMinWidth(USE_PREF_SIZE);
        high.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(low, bar, high);
        scale.addListener((o, a, b) -> show(b));
        show(scale.getValue());
    }

    private void show(ColourScale s) {
        setVisible(s != null);
        if (s == null) {
            return;
        }
        int h = 10;
        int[] px = new int[WIDTH * h];
        int tx = (int) Math.round((s.threshold() - s.low()) / (s.high() - s.low()) * (WIDTH - 1));
        for (int x = 0; x < WIDTH; x++) {
            float v = (float) (s.low() + (s.high() - s.low()) * x / (WIDTH - 1));
            int c = blendOnWhite(s.argb(v));
            for (int y = 0; y < h; y++) {
                boolean mark = Math.abs(x - tx) <= 0 && (y < 3 || y >= h - 3);
                px[y * WIDTH + x] = mark ? 0xFF000000 : c;
            }
        }
        if (image == null) {
            image = new javafx.scene.image.WritableImage(WIDTH, h);
            bar.setImage(image);
            javafx.scene.control.Tooltip.install(bar, tip);
        }
        image.getPixelWriter().setPixels(0, 0, WIDTH, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, WIDTH);
        low.setText(Format.score(s.low()));
        high.setText(Format.score(s.high()));
        tip.setText("Colour anchored to the threshold " + Format.score(s.threshold())
                + ": the same colour means the same evidence on every image.");
    }

    private static int blendOnWhite(int argb) {
        double a = (argb >>> 24) / 255.0;
        int r = (int) (255 * (1 - a) + ((argb >> 16) & 0xFF) * a);
        int g = (int) (255 * (1 - a) + ((argb >> 8) & 0xFF) * a);
        int b = (int) (255 * (1 - a) + (argb & 0xFF) * a);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
