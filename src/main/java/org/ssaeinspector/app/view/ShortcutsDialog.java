package org.ssaeinspector.app.view;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Help › Keyboard Shortcuts: the accelerators read from the menu bar itself, so the list cannot
 * drift from what the keys really do.
 */
final class ShortcutsDialog {
    /** One accelerator: where it sits ("File › Save Project") and its keys ("Ctrl+S"). */
    record Shortcut(String command, String keys) {
    }

    private ShortcutsDialog() {
    }

    /** Every menu item with an accelerator, in menu order, submenus included. */
    static List<Shortcut> of(MenuBar bar) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, plain(m.getText()), out);
        }
        return out;
    }

    private static void collect(Menu menu, String path, List<Shortcut> out) {
        for (MenuItem i : menu.getItems()) {
            String name = path + " › " + plain(i.getText());
            if (i instanceof Menu sub) {
                collect(sub, name, out);
            } else if (i.getAccelerator() != null) {
                out.add(new Shortcut(name, i.getAccelerator().getDisplayText()));
            }
        }
    }

    /** Menu text without its mnemonic marker and ellipsis. */
    private static String plain(String text) {
        return text == null ? "" : text.replace("_", "").replace("…", "");
    }

    static Alert create(Window owner, MenuBar bar) {
        GridPane grid = new GridPane();
        grid.setId("shortcutList");
        grid.setHgap(24);
        grid.setVgap(4);
        int row = 0;
        for (Shortcut s : of(bar)) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("metric-value");
            grid.addRow(row++, new Label(s.command()), keys);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(540, row * 22 + 8));
        Alert a = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("Keyboard Shortcuts");
        a.setHeaderText("Keyboard shortcuts (from the menus)");
        a.getDialogPane().setContent(scroll);
        a.getDialogPane().setPrefWidth(460);
        return a;
    }
}
