package org.ssaeinspector.app.service;

import java.nio.file.Path;

/** Reads folders of images into training and test sets (the dataset package does the work). */
public interface DatasetService {
    /** Scans a folder; fails with a {@link org.ssaeinspector.util.UserFacingException} naming it. */
    FolderScan scan(Path folder);

    /** True for file names the image loader reads (by extension; content is checked on load). */
    boolean isImageFile(Path file);
}
