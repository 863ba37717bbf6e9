package org.ssaeinspector.app.viewmodel;

import java.util.Comparator;

/** Gallery order. Unscored images come last in the score orders. */
public enum GallerySort {
    SCORE_DESC("Score, high first"),
    SCORE_ASC("Score, low first"),
    NAME("Name");

    private final String title;

    GallerySort(String title) {
        this.title = title;
    }

    public Comparator<ImageItem> comparator() {
        Comparator<ImageItem> byName = Comparator.comparing(ImageItem::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(i -> i.path().toString());
        if (this == NAME) {
            return byName;
        }
        Comparator<ImageItem> byScore = Comparator.comparingDouble(ImageItem::score);
        if (this == SCORE_DESC) {
            byScore = byScore.reversed();
        }
        return Comparator.comparing((ImageItem i) -> !i.isScored()).thenComparing(byScore).thenComparing(byName);
    }

    @Override
    public String toString() {
        return title;
    }
}
