package org.ssaeinspector.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;

/**
 * The good images decoded once, on all cores, and shrunk to the training size right away: 209
 * full-size 900 x 900 photos would take 2 GB as floats, at 128 px they take 40 MB.
 */
record TrainingImages(List<FloatImage> images, List<Path> paths, int channels, List<SkippedFile> skipped) {

    static TrainingImages load(List<Path> files, int size) {
        List<Object> decoded = files.parallelStream().map(p -> {
            try {
                return (Object) ImageLoader.load(p).resize(size, size);
            } catch (ImageLoadException e) {
                return new SkippedFile(p, e.problem());
            } catch (RuntimeException e) {
                return new SkippedFile(p, "unreadable image (" + e.getMessage() + ")");
            }
        }).toList();
        List<FloatImage> images = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Object o = decoded.get(i);
            if (o instanceof FloatImage img) {
                images.add(img);
                paths.add(files.get(i));
            } else {
                skipped.add((SkippedFile) o);
            }
        }
        // Gray data trains a one-channel model; any colour image makes it RGB for all.
        int channels = images.stream().allMatch(img -> img.channels() == 1) ? 1 : 3;
        images.replaceAll(img -> img.withChannels(channels));
        return new TrainingImages(images, paths, channels, skipped);
    }
}
