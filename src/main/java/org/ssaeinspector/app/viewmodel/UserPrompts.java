package org.ssaeinspector.app.viewmodel;

import java.util.Optional;

/** Questions and messages a view model needs from the user (dialogs in the app, doubles in tests). */
public interface UserPrompts {
    /** Asks which set dropped images belong to; empty when the user cancels. */
    Optional<ImageSet> chooseSet(int imageCount);

    boolean confirm(String title, String message);

    void error(String title, String message);
}
