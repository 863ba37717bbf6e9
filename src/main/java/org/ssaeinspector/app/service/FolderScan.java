package org.ssaeinspector.app.service;

import java.util.List;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.dataset.SkippedFile;

/**
 * What a dropped or opened folder holds.
 *
 * @param name    the data set's name (the folder's)
 * @param train   good training images (MVTec {@code train/good})
 * @param test    test images with labels from their folders
 * @param skipped files that are not usable images, with the reason
 * @param mvtec   true when the folder has the MVTec AD layout
 */
public record FolderScan(String name, List<ImageSample> train, List<ImageSample> test, List<SkippedFile> skipped,
                         boolean mvtec) {
}
