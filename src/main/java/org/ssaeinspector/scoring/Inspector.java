package org.ssaeinspector.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssaeinspector.imageio.DecodedImage;
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

    /** Decodes a photo at the resolution this model needs ({@link SsaeModel#decodeStep}). */
    public DecodedImage decode(Path file) throws ImageLoadException {
        return ImageLoader.load(file, model::decodeStep);
    }

    /** Decodes and judges one file; see {@link #inspect(Path, DecodedImage, double)}. */
    public InspectionResult inspect(Path file, double threshold) throws ImageLoadException {
        return inspect(file, decode(file), threshold);
    }

    /** Judges an image decoded in full by the caller (the app's detail view, which shows it). */
    public InspectionResult inspect(Path file, FloatImage image, double threshold) {
        DecodedImage whole = DecodedImage.whole(image);
        return judge(file, whole, model.score(whole), threshold);
    }

    /**
     * Scores several decoded images in one go (the network takes them in batches, faster than one
     * by one when images pile up); results in the order given. When the batch does not fit in
     * memory the images are scored one by one, and one that alone does not fit gets null.
     */
    public List<InspectionResult> inspectAll(List<ImageLoader.LoadedImage> images, double threshold) {
        List<Path> files = new ArrayList<>(images.size());
        List<DecodedImage> photos = new ArrayList<>(images.size());
        for (ImageLoader.LoadedImage i : images) {
            files.add(i.path());
            photos.add(DecodedImage.whole(i.image()));
        }
        return inspectAll(files, photos, threshold);
    }

    /**
     * {@link #inspectAll(List, double)} for photos decoded by {@link #decode} (at this model's
     * step, as {@link #inspect(Path, double)} does): the batch in one go; when it does not fit in
     * memory, one by one, null for a photo that alone does not fit.
     */
    public List<InspectionResult> inspectAll(List<Path> files, List<DecodedImage> photos, double threshold) {
        try {
            List<ScoredImage> scored = model.scorePhotos(photos);
            List<InspectionResult> out = new ArrayList<>(photos.size());
            for (int i = 0; i < photos.size(); i++) {
                out.add(judge(files.get(i), photos.get(i), scored.get(i), threshold));
            }
            return out;
        } catch (OutOfMemoryError e) {
            List<InspectionResult> out = new ArrayList<>(photos.size());
            for (int i = 0; i < photos.size(); i++) {
                try {
                    out.add(judge(files.get(i), photos.get(i), model.score(photos.get(i)), threshold));
                } catch (OutOfMemoryError again) {
                    out.add(null);
                }
            }
            return out;
        }
    }

    /**
     * Judges a decoded photo. A photo that does not fit the heap is an {@link ImageLoadException}
     * ({@code too large to score in the available memory: W x H}): its problem, not the run's.
     */
    public InspectionResult inspect(Path file, DecodedImage photo, double threshold) throws ImageLoadException {
        try {
            return judge(file, photo, model.score(photo), threshold);
        } catch (OutOfMemoryError e) {
            throw ImageLoadException.outOfMemory(file, "score", photo.width(), photo.height(), e);
        }
    }

    /**
     * Regions are found at the decoded resolution and given in the photo's pixels (for a photo
     * decoded at a step, to within that step).
     */
    private static InspectionResult judge(Path file, DecodedImage photo, ScoredImage scored, double threshold) {
        FloatImage decoded = photo.image();
        AnomalyMap map = scored.map().resize(decoded.width(), decoded.height());
        List<DefectRegion> regions = RegionFinder.find(map, (float) threshold);
        if (photo.step() > 1) {
            regions = regions.stream().map(r -> r.scaled(photo.step(), photo.width(), photo.height())).toList();
        }
        return new InspectionResult(file, photo.width(), photo.height(), scored.score(), threshold, regions, scored);
    }
}
