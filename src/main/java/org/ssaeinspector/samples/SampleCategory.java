package org.ssaeinspector.samples;

import java.util.List;
import java.util.Random;

/** One synthetic product: how to photograph a good one, and each kind of defect. */
interface SampleCategory {
    /** Folder name of the category (e.g. "fabric"). */
    String name();

    /** What the category shows in the sample README's table (e.g. "texture, 256 × 256"). */
    String kind();

    /** Defect folder names, in the order they are generated. */
    List<String> defectTypes();

    /** Width of every picture in pixels. */
    default int width() {
        return SampleImageGenerator.SIZE;
    }

    /** Height of every picture in pixels. */
    default int height() {
        return SampleImageGenerator.SIZE;
    }

    /** The file format the pictures are written in: {@code png}, or {@code jpg} for camera-like photos. */
    default String format() {
        return "png";
    }

    /**
     * Renders one noise-free picture ({@code width() x height()} planes in [0, 1]: three for
     * colour, one for grey) with {@code defect} applied, or none when it is null. The good version
     * of the same picture is rendered by the same call with {@code defect} null and a
     * {@link Random} in the same state, so the two differ exactly where the defect is.
     */
    double[][] render(Random random, String defect);
}
