package org.ssaeinspector.app.viewmodel;

/** The two image sets of a project. */
public enum ImageSet {
    TRAINING("Good training images"),
    TEST("Test images");

    private final String title;

    ImageSet(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    @Override
    public String toString() {
        return title;
    }
}
