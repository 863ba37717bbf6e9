package org.ssaeinspector.app.interim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.ssaeinspector.app.service.DatasetService;
import org.ssaeinspector.app.service.FolderScan;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.Label;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.util.UserFacingException;

/** Interim folder scanner: MVTec layout, or a plain folder labelled by sub-folder names. */
public final class InterimDatasetService implements DatasetService {
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");

    @Override
    public boolean isImageFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    @Override
    public FolderScan scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UserFacingException(folder + ": not a folder");
        }
        String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        List<SkippedFile> skipped = new ArrayList<>();
        if (Files.isDirectory(folder.resolve("train").resolve("good")) && Files.isDirectory(folder.resolve("test"))) {
            List<ImageSample> train = new ArrayList<>();
            for (Path p : images(folder.resolve("train").resolve("good"), skipped)) {
                train.add(new ImageSample(p, Label.GOOD, "good", Optional.empty()));
            }
            List<ImageSample> test = new ArrayList<>();
            for (Path p : images(folder.resolve("test"), skipped)) {
                String defect = p.getParent().getFileName().toString();
                boolean good = defect.equals("good");
                Path mask = folder.resolve("ground_truth").resolve(defect)
                        .resolve(stem(p) + "_mask.png");
                test.add(new ImageSample(p, good ? Label.GOOD : Label.DEFECTIVE, defect,
                        !good && Files.isRegularFile(mask) ? Optional.of(mask) : Optional.empty()));
            }
            return new FolderScan(name, train, test, skipped, true);
        }
        List<ImageSample> test = new ArrayList<>();
        for (Path p : images(folder, skipped)) {
            String parent = p.getParent().getFileName().toString().toLowerCase(Locale.ROOT);
            Label label = parent.equals("good") || parent.equals("ok") ? Label.GOOD
                    : parent.equals("bad") || parent.startsWith("defect") || parent.equals("ng") ? Label.DEFECTIVE
                    : Label.UNKNOWN;
            test.add(new ImageSample(p, label, label == Label.UNKNOWN ? "" : parent, Optional.empty()));
        }
        return new FolderScan(name, List.of(), test, skipped, false);
    }

    private List<Path> images(Path dir, List<SkippedFile> skipped) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> out = new ArrayList<>();
            files.filter(Files::isRegularFile).sorted().forEach(p -> {
                if (isImageFile(p)) {
                    out.add(p);
                } else if (!p.getFileName().toString().startsWith(".")) {
                    skipped.add(new SkippedFile(p, "not an image file"));
                }
            });
            return out;
        } catch (IOException e) {
            throw new UserFacingException(dir + ": cannot read folder (" + e.getMessage() + ")", e);
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
