package org.ssaeinspector.app.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.ssaeinspector.dataset.SkippedFile;

/**
 * Checks a set of good images before training: readable headers, sizes, gray or colour, and
 * exact duplicates (by content hash). Reads headers only, so it is quick on large sets.
 */
public final class ImageSetChecker {

    public ImageSetReport check(List<Path> files, BooleanSupplier cancelled, IntConsumer progress) {
        int readable = 0;
        int gray = 0;
        int colour = 0;
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, List<Path>> byHash = new LinkedHashMap<>();
        List<SkippedFile> unreadable = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            Path f = files.get(i);
            try {
                int[] header = header(f);
                readable++;
                sizes.merge(header[0] + "x" + header[1], 1, Integer::sum);
                if (header[2] >= 3) {
                    colour++;
                } else {
                    gray++;
                }
                byHash.computeIfAbsent(hash(f), k -> new ArrayList<>()).add(f);
            } catch (IOException | RuntimeException e) {
                unreadable.add(new SkippedFile(f, e.getMessage() == null ? "unreadable" : e.getMessage()));
            }
            progress.accept(i + 1);
        }
        List<String> sizeList = sizes.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue()).map(Map.Entry::getKey).toList();
        List<List<Path>> duplicates = byHash.values().stream().filter(g -> g.size() > 1).toList();
        return new ImageSetReport(files.size(), readable, sizeList, gray, colour, duplicates, unreadable);
    }

    /** Width, height and number of bands, from the header alone. */
    private static int[] header(Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            throw new IOException("file not found");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not an image in a supported format (PNG, JPEG, BMP, TIFF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int bands = 3;
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                if (types.hasNext()) {
                    ImageTypeSpecifier t = types.next();
                    bands = t.getColorModel().getColorSpace().getNumComponents();
                }
                return new int[] {reader.getWidth(0), reader.getHeight(0), bands};
            } catch (IOException e) {
                throw new IOException("corrupt image header (" + e.getMessage() + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static String hash(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
