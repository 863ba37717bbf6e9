package org.ssaeinspector.app.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves screenshots of scenes: to {@code target/screenshots} always, and to the committed
 * {@code docs/screenshots} when run with {@code -Dssae.screenshots=docs}, or to any folder named
 * by {@code -Dssae.screenshotDir=DIR} (to look at them without touching the committed ones).
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static Path save(Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        org.testfx.api.FxToolkit.toolkitContext();
        try {
            WaitForAsyncUtils.asyncFx(() -> img[0] = scene.snapshot(null)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String own = System.getProperty("ssae.screenshotDir", "");
        Path dir = !own.isBlank() ? Path.of(own) : "docs".equals(System.getProperty("ssae.screenshots"))
                ? Path.of("docs", "screenshots") : Path.of("target", "screenshots");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
