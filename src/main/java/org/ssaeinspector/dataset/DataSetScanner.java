package org.ssaeinspector.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.ssaeinspector.imageio.ImageFiles;
import org.ssaeinspector.util.UserFacingException;

/**
 * Finds the training and test images of a data-set folder, by file name only (images are
 * decoded later, and files that fail to decode are skipped then).
 *
 * <p>Layouts, checked in this order:
 * <ol>
 * <li>MVTec AD category: {@code train/good/}, {@code test/<defect>/} ({@code good} is normal),
 *     {@code ground_truth/<defect>/<stem>_mask.png}.</li>
 * <li>{@code train/} (or {@code good/}) with images, optionally next to {@code test/}, whose
 *     sub-folders named {@code good} or {@code ok} (any case) hold normal images and any other
 *     sub-folder defective ones (its name is the defect type); images directly in {@code test/}
 *     are unlabelled. Masks are matched by stem in {@code ground_truth/} or {@code masks/}.</li>
 * <li>A folder of good images (training only).</li>
 * </ol>
 * Hidden and system files ({@code .DS_Store}, {@code Thumbs.db}) are ignored silently; any other
 * file that is not an image, and any folder where images are expected, is listed as skipped.
 */
public final class DataSetScanner {
    static final String NOT_AN_IMAGE = ImageFiles.NOT_AN_IMAGE;
    static final String FOLDER_NOT_SCANNED = "folder not scanned (images must be directly in its parent folder)";

    private DataSetScanner() {
    }

    /** A data set to train on: refused without training images. */
    public static DataSet scan(Path dir) {
        return scan(dir, true);
    }

    /**
     * A labelled test set to evaluate a trained model on ({@code evaluate}, {@code compare}): only
     * {@code test/} is needed, since the model already holds what training took from the good
     * images; a training folder, when there is one, is listed but not required.
     */
    public static DataSet scanTestSet(Path dir) {
        requireFolder(dir);
        if (child(dir, "test").isEmpty()) {
            throw new UserFacingException("No test folder in " + dir
                    + ": expected test/good/ and test/<defect>/ (MVTec layout) to evaluate on");
        }
        return scan(dir, false);
    }

    private static DataSet scan(Path dir, boolean needsTraining) {
        requireFolder(dir);
        List<SkippedFile> skipped = new ArrayList<>();
        Optional<Path> train = child(dir, "train");
        Optional<Path> trainGood = train.flatMap(t -> child(t, "good"));
        Optional<Path> test = child(dir, "test");
        boolean mvtec = trainGood.isPresent();

        Path trainDir;
        if (mvtec) {
            trainDir = trainGood.get();
            for (Path other : entries(train.get())) {
                if (!other.equals(trainDir) && !ImageFiles.isHiddenOrSystem(other)) {
                    skipped.add(new SkippedFile(other, "not used for training (only " + trainDir.getFileName() + "/ is)"));
                }
            }
        } else if (train.isPresent()) {
            trainDir = train.get();
        } else if (child(dir, "good").isPresent()) {
            trainDir = child(dir, "good").get();
        } else if (test.isPresent()) {
            if (needsTraining) {
                throw new UserFacingException("No training folder in " + dir
                        + ": expected train/good (MVTec layout), train/ or good/ next to test/");
            }
            trainDir = null;
        } else {
            trainDir = dir;
        }

        List<Path> trainImages = new ArrayList<>();
        if (trainDir != null) {
            collect(trainDir, skipped, trainImages::add);
        }
        if (needsTraining && trainImages.isEmpty()) {
            throw new UserFacingException(noTrainingImages(dir, trainDir));
        }
        List<ImageSample> testSamples = new ArrayList<>();
        test.ifPresent(t -> scanTestFolder(dir, t, testSamples, skipped));
        return new DataSet(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(),
                dir, trainImages, testSamples, skipped, mvtec);
    }

    /**
     * Expands files and folders (recursively, in name order) into images to score. An image in
     * {@code test/<name>/} is labelled good when {@code <name>} is good/ok and defective
     * otherwise (with its mask when the data set has one); all other images are unlabelled.
     * Mask folders ({@code ground_truth}, {@code masks}) inside a given folder are not entered.
     */
    public static TestInputs scanTestInputs(List<Path> filesOrFolders) {
        List<SkippedFile> skipped = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path input : filesOrFolders) {
            if (Files.isDirectory(input)) {
                walk(input, files, skipped, new HashSet<>());
            } else if (Files.isRegularFile(input)) {
                if (ImageFiles.isImageFileName(input)) {
                    files.add(input);
                } else {
                    skipped.add(new SkippedFile(input, ImageFiles.notAnImageReason(input)));
                }
            } else {
                throw new UserFacingException("Not found: " + input);
            }
        }
        Map<Path, MaskIndex> masksByRoot = new HashMap<>();
        List<ImageSample> images = new ArrayList<>();
        for (Path file : files) {
            if (seen.add(file.toAbsolutePath().normalize())) {
                images.add(labelFromLayout(file, masksByRoot));
            }
        }
        if (images.isEmpty()) {
            throw new UserFacingException("No images to score in " + describe(filesOrFolders)
                    + (skipped.isEmpty() ? "" : " (" + skipped.size() + " other files skipped)")
                    + ": expected PNG, JPEG, BMP or TIFF files");
        }
        return new TestInputs(images, skipped);
    }

    private static void scanTestFolder(Path root, Path test, List<ImageSample> out, List<SkippedFile> skipped) {
        MaskIndex masks = maskIndex(root);
        for (Path entry : entries(test)) {
            if (ImageFiles.isHiddenOrSystem(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                boolean good = Folders.isGood(entry);
                String defect = entry.getFileName().toString();
                collect(entry, skipped, image -> out.add(good
                        ? new ImageSample(image, Label.GOOD, "good", Optional.empty())
                        : new ImageSample(image, Label.DEFECTIVE, defect, masks.find(defect, ImageFiles.stem(image)))));
            } else if (ImageFiles.isImageFileName(entry)) {
                out.add(ImageSample.unlabelled(entry));
            } else {
                skipped.add(new SkippedFile(entry, ImageFiles.notAnImageReason(entry)));
            }
        }
    }

    /** Sorts the entries of one folder into images (to {@code image}) and skipped files. */
    private static void collect(Path folder, List<SkippedFile> skipped, Consumer<Path> image) {
        for (Path entry : entries(folder)) {
            if (ImageFiles.isHiddenOrSystem(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                skipped.add(new SkippedFile(entry, FOLDER_NOT_SCANNED));
            } else if (ImageFiles.isImageFileName(entry)) {
                image.accept(entry);
            } else {
                skipped.add(new SkippedFile(entry, ImageFiles.notAnImageReason(entry)));
            }
        }
    }

    private static void walk(Path folder, List<Path> files, List<SkippedFile> skipped, Set<Path> visited) {
        try {
            if (!visited.add(folder.toRealPath())) {
                return; // a link back up the tree
            }
        } catch (IOException e) {
            throw new UserFacingException("Cannot read folder " + folder + ": " + e.getMessage(), e);
        }
        for (Path entry : entries(folder)) {
            if (ImageFiles.isHiddenOrSystem(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                if (!Folders.isMaskFolder(entry)) {
                    walk(entry, files, skipped, visited);
                }
            } else if (ImageFiles.isImageFileName(entry)) {
                files.add(entry);
            } else {
                skipped.add(new SkippedFile(entry, ImageFiles.notAnImageReason(entry)));
            }
        }
    }

    private static ImageSample labelFromLayout(Path file, Map<Path, MaskIndex> masksByRoot) {
        Path absolute = file.toAbsolutePath().normalize();
        Path classFolder = absolute.getParent();
        Path test = classFolder == null ? null : classFolder.getParent();
        if (test == null || !Folders.isTest(test)) {
            return ImageSample.unlabelled(file);
        }
        if (Folders.isGood(classFolder)) {
            return new ImageSample(file, Label.GOOD, "good", Optional.empty());
        }
        String defect = classFolder.getFileName().toString();
        Path root = test.getParent();
        MaskIndex masks = root == null ? MaskIndex.NONE : masksByRoot.computeIfAbsent(root, DataSetScanner::maskIndex);
        return new ImageSample(file, Label.DEFECTIVE, defect, masks.find(defect, ImageFiles.stem(file)));
    }

    private static String noTrainingImages(Path dir, Path trainDir) {
        StringBuilder message = new StringBuilder("Training folder " + trainDir
                + " contains no images (PNG, JPEG, BMP, TIFF)");
        if (trainDir.equals(dir)) {
            List<String> categories = new ArrayList<>();
            for (Path entry : entries(dir)) {
                if (Files.isDirectory(entry) && child(entry, "train").flatMap(t -> child(t, "good")).isPresent()) {
                    categories.add(entry.getFileName().toString());
                }
            }
            if (!categories.isEmpty()) {
                message.append("; it holds data sets, choose one of: ").append(String.join(", ", categories));
            }
        }
        return message.toString();
    }

    private static void requireFolder(Path dir) {
        if (!Files.exists(dir)) {
            throw new UserFacingException("Data set folder not found: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("Not a folder: " + dir + " (a data set is a folder of images)");
        }
    }

    private static MaskIndex maskIndex(Path root) {
        try {
            return MaskIndex.of(root);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read the mask folder of " + root + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> child(Path dir, String name) {
        try {
            return Folders.child(dir, name);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> entries(Path folder) {
        try {
            return ImageFiles.listAll(folder);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String describe(List<Path> inputs) {
        if (inputs.isEmpty()) {
            return "(no files given)";
        }
        List<String> names = new ArrayList<>();
        for (Path p : inputs.subList(0, Math.min(3, inputs.size()))) {
            names.add(p.toString());
        }
        return String.join(", ", names) + (inputs.size() > 3 ? " and " + (inputs.size() - 3) + " more" : "");
    }
}
