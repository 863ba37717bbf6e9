package org.ssaeinspector.imageio;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** File-name rules for images: which names count as images, and a stable listing order. */
public final class ImageFiles {
    /** Extensions the loader reads, lower case, without the dot. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");
    /** The formats read, in words, for messages. */
    public static final String SUPPORTED = "PNG, JPEG, BMP, TIFF";
    public static final String NOT_AN_IMAGE = "not an image file";
    /** Image formats people meet that are not read, so a skip names them instead of "not an image". */
    private static final Map<String, String> UNSUPPORTED = Map.of("gif", "GIF", "webp", "WebP", "heic", "HEIC",
            "heif", "HEIF", "avif", "AVIF", "jxl", "JPEG XL", "jp2", "JPEG 2000", "svg", "SVG", "psd", "Photoshop");

    /** Files and folders operating systems and zip tools create by themselves; never worth a warning. */
    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r", "__macosx");

    /**
     * File names in natural order: case-insensitive, runs of digits compared by value, so
     * {@code img2.png} comes before {@code img10.png}; ties broken by the exact name.
     */
    public static final Comparator<Path> BY_NAME = Comparator
            .comparing((Path p) -> fileName(p), ImageFiles::compareNatural)
            .thenComparing(p -> fileName(p));

    private ImageFiles() {
    }

    /** Whether the name ends in one of {@link #EXTENSIONS} (case-insensitive). */
    public static boolean isImageFileName(Path path) {
        String name = fileName(path).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** Why a file without an image extension is skipped: its unsupported format when it has a known one. */
    public static String notAnImageReason(Path path) {
        String name = fileName(path).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String format = dot > 0 ? UNSUPPORTED.get(name.substring(dot + 1)) : null;
        return format == null ? NOT_AN_IMAGE : format + " image: not a supported format (" + SUPPORTED + ")";
    }

    /** Hidden files (name starting with a dot) and files the OS creates on its own (Thumbs.db...). */
    public static boolean isHiddenOrSystem(Path path) {
        String name = fileName(path);
        return name.startsWith(".") || SYSTEM_FILES.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Regular files with an image extension directly inside {@code folder}, in {@link #BY_NAME}
     * order. Hidden files are left out: macOS writes "._name.png" resource forks next to images
     * on shared drives, and they are not images.
     */
    public static List<Path> list(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : listAll(folder)) {
            if (Files.isRegularFile(p) && isImageFileName(p) && !isHiddenOrSystem(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Every entry directly inside {@code folder} (files and folders), in {@link #BY_NAME} order. */
    public static List<Path> listAll(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                out.add(p);
            }
        }
        out.sort(BY_NAME);
        return out;
    }

    /** The file name without its last extension ("001_mask.png" gives "001_mask"). */
    public static String stem(Path path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? "" : name.toString();
    }

    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int cmp = compareDigits(a.substring(si, i), b.substring(sj, j));
                if (cmp != 0) {
                    return cmp;
                }
            } else {
                int cmp = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (cmp != 0) {
                    return cmp;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Compares digit runs by value without parsing (they may be longer than a long). */
    private static int compareDigits(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        int cmp = a.compareTo(b);
        return cmp != 0 ? cmp : Integer.compare(x.length(), y.length());
    }
}
