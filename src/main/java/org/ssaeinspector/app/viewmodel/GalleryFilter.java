package org.ssaeinspector.app.viewmodel;

import java.util.function.Predicate;
import org.ssaeinspector.dataset.Label;

/** Which images the gallery shows. */
public enum GalleryFilter {
    ALL("All images", i -> true),
    FLAGGED("Flagged", ImageItem::isFlagged),
    PASSED("Passed", i -> i.isScored() && !i.isFlagged()),
    LABELLED_GOOD("Labelled good", i -> i.label() == Label.GOOD),
    LABELLED_DEFECTIVE("Labelled defective", i -> i.label() == Label.DEFECTIVE);

    private final String title;
    private final Predicate<ImageItem> test;

    GalleryFilter(String title, Predicate<ImageItem> test) {
        this.title = title;
        this.test = test;
    }

    public boolean test(ImageItem item) {
        return test.test(item);
    }

    /** True when the answer changes with the threshold. */
    public boolean dependsOnThreshold() {
        return this == FLAGGED || this == PASSED;
    }

    @Override
    public String toString() {
        return title;
    }
}
