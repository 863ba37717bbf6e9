package org.ssaeinspector.model;

import java.nio.file.Path;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;

/**
 * A research harness, not part of the product: prints what training reads off a data set's good
 * images before it starts ({@link DataTraits}: the light spreads, at 128 px or {@code -Dsize=N}). Run:
 * {@code java -cp target/classes:target/test-classes:target/lib/* org.ssaeinspector.model.DataLookCheck DIR...}
 */
public final class DataLookCheck {
    public static void main(String[] args) {
        for (String dir : args) {
            DataSet data = DataSetScanner.scan(Path.of(dir));
            TrainingImages train = TrainingImages.load(data.train(), Integer.getInteger("size", 128), 0);
            System.out.println(dir + ": " + train.images().size() + " images; " + DataTraits.of(train.photoLuma()).describe());
        }
    }
}
