package org.ssaeinspector.app.view;

import javafx.stage.Window;
import org.ssaeinspector.app.viewmodel.UserPrompts;

/** Dialog-based prompts for the app shell (the implementation stays package-private). */
public final class FxPromptsFactory {
    private FxPromptsFactory() {
    }

    public static UserPrompts forWindow(Window owner) {
        return new FxPrompts(owner);
    }
}
