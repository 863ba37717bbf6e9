package org.ssaeinspector.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ssaeinspector.imageio.ImageFiles;

/**
 * The ground-truth masks of one data set, found by file stem. Looks in
 * {@code <maskDir>/<defect>/} first (the MVTec layout: {@code ground_truth/<defect>/<stem>_mask.png}),
 * then directly in {@code <maskDir>/}; in each, {@code <stem>_mask.*} wins over {@code <stem>.*}.
 * Names are compared case-insensitively so data sets made on Windows or macOS match too.
 */
final class MaskIndex {
    static final MaskIndex NONE = new MaskIndex(Map.of());

    private static final String MASK_SUFFIX = "_mask";

    private final Map<String, Path> byKey;

    private MaskIndex(Map<String, Path> byKey) {
        this.byKey = byKey;
    }

    /** Indexes the {@code ground_truth} or {@code masks} folder of a data-set root, if there is one. */
    static MaskIndex of(Path dataSetRoot) throws IOException {
        Optional<Path> maskDir = Folders.child(dataSetRoot, "ground_truth", "masks");
        if (maskDir.isEmpty()) {
            return NONE;
        }
        Map<String, Path> byKey = new HashMap<>();
        for (Path entry : ImageFiles.listAll(maskDir.get())) {
            if (ImageFiles.isHiddenOrSystem(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                for (Path mask : ImageFiles.list(entry)) {
                    byKey.putIfAbsent(key(lower(entry), ImageFiles.stem(mask)), mask);
                }
            } else if (ImageFiles.isImageFileName(entry)) {
                byKey.putIfAbsent(key("", ImageFiles.stem(entry)), entry);
            }
        }
        return new MaskIndex(byKey);
    }

    /** The mask of image {@code stem} in defect folder {@code defect}, if one exists. */
    Optional<Path> find(String defect, String stem) {
        String d = defect.toLowerCase(Locale.ROOT);
        for (String key : new String[] {
            key(d, stem + MASK_SUFFIX), key(d, stem), key("", stem + MASK_SUFFIX), key("", stem)}) {
            Path p = byKey.get(key);
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String key(String folder, String stem) {
        return folder + "/" + stem.toLowerCase(Locale.ROOT);
    }

    private static String lower(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
