package org.ssaeinspector.scoring;

import java.nio.file.Path;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.model.SsaeModel;

/** Loads, scores and judges image files with one model: what the CLI and the app call. */
public final class Inspector {
    private final SsaeModel model;

    public Inspector(SsaeModel model) {
        this.model = model;
    }

    public SsaeModel model() {
        return model;
    }

    public InspectionResult inspect(Path file, double threshold) throws ImageLoadException {
        return inspect(file, ImageLoader.load(file), threshold);
    }

    public InspectionResult inspect(Path file, FloatImage image, double threshold) {
        ScoredImage scored = model.score(image);
        AnomalyMap full = scored.map().resize(image.width(), image.height());
        return new InspectionResult(file, image.width(), image.height(), scored.score(), threshold,
                RegionFinder.find(full, (float) threshold), scored);
    }
}
