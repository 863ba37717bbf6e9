package org.ssaeinspector.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;

/**
 * The good images decoded once, on all cores, and shrunk to the model's scale right away: 560
 * full-size 1130 x 460 photos would take 3.5 GB as floats, at the model's scale about 0.3 GB.
 * Each photo is first shrunk so that its short side is the model's short side (what the chosen
 * geometry gives in the usual cases: one size, or one view at several resolutions); the few whose
 * final size differs (a fixed scale, mixed shapes) are decoded a second time. Each photo's luma
 * mean and standard deviation are taken at its own resolution on the way ({@code photoLuma}): at a
 * small model scale a fine texture aliases, and its contrast there says nothing about the light.
 */
record TrainingImages(List<FloatImage> images, List<Path> paths, int channels, List<SkippedFile> skipped,
                      ImageGeometry geometry, List<double[]> photoLuma) {

    static TrainingImages load(List<Path> files, int shortSide, double fixedScale) {
        return load(files, shortSide, fixedScale, null, 0);
    }

    /**
     * As {@link #load(List, int, double)}; with a {@code given} geometry (a continued training: the
     * parent's) instead of one chosen from these photos, and {@code givenChannels} (1 or 3; 0:
     * from the photos).
     */
    static TrainingImages load(List<Path> files, int shortSide, double fixedScale, ImageGeometry given, int givenChannels) {
        List<Object> decoded = files.parallelStream().map(p -> decode(p, img -> {
            double s = shortSide / (double) Math.min(img.width(), img.height());
            return new Sized(img.resize(Math.max(1, (int) Math.round(img.width() * s)),
                    Math.max(1, (int) Math.round(img.height() * s))), img.width(), img.height(), DataTraits.lumaMoments(img));
        })).toList();
        List<Sized> images = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Object o = decoded.get(i);
            if (o instanceof Sized img) {
                images.add(img);
                paths.add(files.get(i));
            } else {
                skipped.add((SkippedFile) o);
            }
        }
        if (images.isEmpty()) {
            return new TrainingImages(List.of(), paths, 1, skipped, ImageGeometry.squash(shortSide), List.of());
        }
        ImageGeometry geometry = given != null ? given
                : ImageGeometry.choose(images.stream().map(s -> new int[] {s.width, s.height}).toList(), shortSide, fixedScale);
        List<FloatImage> atScale = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            Sized s = images.get(i);
            int[] m = geometry.modelSize(s.width, s.height);
            if (m[0] == s.image.width() && m[1] == s.image.height()) {
                atScale.add(s.image);
                continue;
            }
            Object again = decode(paths.get(i), img -> new Sized(img.resize(m[0], m[1]), img.width(), img.height(), s.luma));
            atScale.add(again instanceof Sized ok ? ok.image : s.image.resize(m[0], m[1]));
        }
        // Gray data trains a one-channel model; any colour image makes it RGB for all.
        int channels = givenChannels > 0 ? givenChannels : atScale.stream().allMatch(img -> img.channels() == 1) ? 1 : 3;
        atScale.replaceAll(img -> img.withChannels(channels));
        return new TrainingImages(atScale, paths, channels, skipped, geometry,
                images.stream().map(Sized::luma).toList());
    }

    private record Sized(FloatImage image, int width, int height, double[] luma) {
    }

    private static Object decode(Path p, java.util.function.Function<FloatImage, Sized> shrink) {
        try {
            return shrink.apply(ImageLoader.load(p));
        } catch (ImageLoadException e) {
            return new SkippedFile(p, e.problem());
        } catch (RuntimeException e) {
            return new SkippedFile(p, "unreadable image (" + e.getMessage() + ")");
        }
    }
}
