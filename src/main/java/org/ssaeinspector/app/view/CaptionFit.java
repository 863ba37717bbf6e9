package org.ssaeinspector.app.view;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Fits "folder/name" into a width by cutting the folder short, never the file name
 * ("missing_pi…/001.png"): the name is what tells two thumbnails apart.
 */
final class CaptionFit {
    static final String ELLIPSIS = "…";
    private final Text probe = new Text();

    /** The caption as it fits {@code width} in {@code font}; a file name too long by itself is left to the label. */
    String fit(String folder, String name, Font font, double width) {
        String whole = folder.isEmpty() ? name : folder + "/" + name;
        probe.setFont(font);
        if (folder.isEmpty() || widthOf(whole) <= width) {
            return whole;
        }
        // The longest start of the folder that fits with "…/name".
        int lo = 0;
        int hi = folder.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (widthOf(folder.substring(0, mid) + ELLIPSIS + "/" + name) <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return folder.substring(0, lo) + ELLIPSIS + "/" + name;
    }

    private double widthOf(String s) {
        probe.setText(s);
        return probe.getLayoutBounds().getWidth();
    }
}
