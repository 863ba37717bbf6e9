package org.ssaeinspector.app.view;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;
import org.ssaeinspector.app.viewmodel.ImageSet;
import org.ssaeinspector.app.viewmodel.UserPrompts;

/** {@link UserPrompts} as dialogs owned by the main window. */
final class FxPrompts implements UserPrompts {
    private final Window owner;

    FxPrompts(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<ImageSet> chooseSet(int imageCount) {
        ChoiceDialog<ImageSet> d = new ChoiceDialog<>(ImageSet.TEST, List.of(ImageSet.values()));
        d.initOwner(owner);
        d.setTitle("Add images");
        d.setHeaderText("Add " + imageCount + " image" + (imageCount == 1 ? "" : "s") + " to which set?");
        d.setContentText("Set:");
        return d.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public void error(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setMinWidth(460);
        a.showAndWait();
    }
}
