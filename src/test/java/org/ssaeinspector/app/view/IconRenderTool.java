package org.ssaeinspector.app.view;

import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Renders the wizard's header icon (a style sheet can only point to an image file). Run on purpose. */
@EnabledIfSystemProperty(named = "ssae.renderIcons", matches = "true")
@ExtendWith(ApplicationExtension.class)
class IconRenderTool {
    @Test
    void wizardIcon(FxRobot robot) throws Exception {
        robot.interact(() -> {
            FontIcon icon = new FontIcon(MaterialDesignS.SCHOOL_OUTLINE);
            icon.setIconSize(48);
            icon.setIconColor(Color.web("#2d6cdf"));
            new Scene(new Group(icon));
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(icon.snapshot(p, null), null), "png",
                        Path.of("src/main/resources/org/ssaeinspector/app/view/wizard.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
