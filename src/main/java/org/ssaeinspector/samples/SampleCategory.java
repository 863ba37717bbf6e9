package org.ssaeinspector.samples;

import java.util.List;
import java.util.Random;

/** One synthetic product: how to photograph a good one, and each kind of defect. */
interface SampleCategory {
    /** Folder name of the category (e.g. "fabric"). */
    String name();

    /** Defect folder names, in the order they are generated. */
    List<String> defectTypes();

    /**
     * Renders one noise-free picture (RGB planes in [0, 1], {@code size} x {@code size}) with
     * {@code defect} applied, or none when it is null. The good version of the same picture is
     * rendered by the same call with {@code defect} null and a {@link Random} in the same state,
     * so the two differ exactly where the defect is.
     */
    double[][] render(Random random, int size, String defect);
}
