package org.ssaeinspector.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        return judge(file, image, model.score(image), threshold);
    }

    /**
     * Scores several decoded images in one go (the network takes them in batches, faster than one
     * by one when images pile up); results in the order given.
     */
    public List<InspectionResult> inspectAll(List<ImageLoader.LoadedImage> images, double threshold) {
        List<FloatImage> pixels = new ArrayList<>(images.size());
        for (ImageLoader.LoadedImage i : images) {
            pixels.add(i.image());
        }
        List<ScoredImage> scored = model.scoreAll(pixels);
        List<InspectionResult> out = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            out.add(judge(images.get(i).path(), pixels.get(i), scored.get(i), threshold));
        }
        return out;
    }

    private static InspectionResult judge(Path file, FloatImage image, ScoredImage scored, double threshold) {
        AnomalyMap full = scored.map().resize(image.width(), image.height());
        return new InspectionResult(file, image.width(), image.height(), scored.score(), threshold,
                RegionFinder.find(full, (float) threshold), scored);
    }
}
