package org.ssaeinspector.app.viewmodel;

import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.util.UserFacingException;

/** Turns exceptions into the one-line messages the user sees. */
public final class Messages {
    private Messages() {
    }

    public static String describe(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof UserFacingException || t instanceof ImageLoadException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }
}
