package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.ssaeinspector.app.service.Thumbnail;

/** One file of the live view: its verdict or its problem, and its thumbnail once loaded (UI thread). */
public final class LiveRow {
    /** Side of the row thumbnails, px. */
    public static final int THUMBNAIL_SIDE = 64;
    /** Side of the last flagged part, px. */
    public static final int LARGE_SIDE = 480;

    private final Path path;
    private final LocalTime time = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
    private final float score;
    private final double threshold;
    private final MapPreview preview;
    private final String problem;
    private final ReadOnlyObjectWrapper<Thumbnail> thumbnail = new ReadOnlyObjectWrapper<>(this, "thumbnail");

    private LiveRow(Path path, float score, double threshold, MapPreview preview, String problem) {
        this.path = path;
        this.score = score;
        this.threshold = threshold;
        this.preview = preview;
        this.problem = problem;
    }

    static LiveRow scored(Path path, float score, double threshold, MapPreview preview) {
        return new LiveRow(path, score, threshold, preview, null);
    }

    static LiveRow problem(Path path, String problem) {
        return new LiveRow(path, Float.NaN, Double.NaN, null, problem);
    }

    public Path path() {
        return path;
    }

    public String name() {
        return path.getFileName().toString();
    }

    /** When it was scored, to the second. */
    public LocalTime time() {
        return time;
    }

    /** NaN when it could not be scored. */
    public float score() {
        return score;
    }

    /** The threshold it was judged at. */
    public double threshold() {
        return threshold;
    }

    public boolean flagged() {
        return problem == null && score > threshold;
    }

    /** Why it could not be scored, or null. */
    public String problem() {
        return problem;
    }

    /** The anomaly map, small (null for a problem). */
    public MapPreview preview() {
        return preview;
    }

    /** "FLAGGED 0.93", "pass 0.12" or the problem. */
    public String verdict() {
        if (problem != null) {
            return "Problem: " + problem;
        }
        return (flagged() ? "FLAGGED " : "pass ") + Format.score(score);
    }

    public ReadOnlyObjectProperty<Thumbnail> thumbnailProperty() {
        return thumbnail.getReadOnlyProperty();
    }

    void setThumbnail(Thumbnail t) {
        thumbnail.set(t);
    }

    @Override
    public String toString() {
        return name() + " " + verdict();
    }
}
