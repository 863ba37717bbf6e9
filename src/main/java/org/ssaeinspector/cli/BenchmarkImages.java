package org.ssaeinspector.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.dataset.ImageSample;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.UserFacingException;

/** The images the line benchmarks send: files read from a file or folder, and their size in words. */
record BenchmarkImages(List<Path> files, List<byte[]> bytes, String description) {
    static BenchmarkImages read(Path source, int atMost) {
        List<Path> files = new ArrayList<>();
        for (ImageSample s : DataSetScanner.scanTestInputs(List.of(source)).images()) {
            if (files.size() < atMost) {
                files.add(s.path());
            }
        }
        if (files.isEmpty()) {
            throw new UserFacingException("--images " + source + ": no images found");
        }
        List<byte[]> bytes = new ArrayList<>();
        for (Path f : files) {
            try {
                bytes.add(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UserFacingException(f + ": cannot be read (" + IoMessages.reason(e) + ")", e);
            }
        }
        String size;
        try {
            FloatImage first = ImageLoader.load(files.get(0));
            size = first.width() + " x " + first.height();
        } catch (ImageLoadException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        return new BenchmarkImages(files, bytes, files.size() + " image(s) of " + size + " px from " + source);
    }
}
