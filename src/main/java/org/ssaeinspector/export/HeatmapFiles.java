package org.ssaeinspector.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.ssaeinspector.imageio.ImageFiles;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.util.AtomicFiles;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.UserFacingException;

/** Heatmap PNG files, written atomically, with names that do not collide. */
public final class HeatmapFiles {
    private HeatmapFiles() {
    }

    /**
     * Writes {@code image} as a PNG through a temporary file and a rename.
     *
     * @throws UserFacingException when it cannot be written; the message names the file
     */
    public static void write(Path png, BufferedImage image) {
        try {
            AtomicFiles.write(png, out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer for this image");
                }
            });
        } catch (IOException e) {
            throw new UserFacingException("Cannot write the heatmap " + png + ": " + IoMessages.reason(e), e);
        }
    }

    /** Writes the photo with the threshold-anchored heatmap over it (see {@link HeatmapRenderer#overlay}). */
    public static void writeOverlay(Path png, BufferedImage photo, AnomalyMap map, double threshold, double opacity) {
        write(png, HeatmapRenderer.overlay(photo, map, threshold, opacity));
    }

    /**
     * Hands out heatmap file names in one output folder: {@code <folder>_<stem>_heatmap.png}
     * ({@code good_003_heatmap.png}, {@code crack_003_heatmap.png}), then a number when that is
     * taken. Always with the folder: a bare {@code 003_heatmap.png} beside
     * {@code crack_003_heatmap.png} would not say which image it belongs to. Not thread-safe.
     */
    public static final class Namer {
        private final Path outDir;
        private final Set<String> used = new HashSet<>();

        public Namer(Path outDir) {
            this.outDir = outDir;
        }

        public Path next(Path image) {
            String stem = ImageFiles.stem(image);
            Path parent = image.toAbsolutePath().normalize().getParent();
            String folder = parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "_";
            String name = folder + stem + "_heatmap.png";
            for (int n = 2; !claim(name); n++) {
                name = folder + stem + "_" + n + "_heatmap.png";
            }
            return outDir.resolve(name);
        }

        /** Case-insensitive, so the names stay distinct on Windows and macOS file systems. */
        private boolean claim(String name) {
            return used.add(name.toLowerCase(Locale.ROOT));
        }
    }
}
