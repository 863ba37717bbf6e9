package org.ssaeinspector.imageio;

import java.nio.charset.StandardCharsets;

/**
 * The container format of an image file, told from its first bytes rather than its name, so a
 * JPEG saved as ".png" still loads and error messages name what the file really is.
 */
enum ImageFormat {
    PNG("PNG"), JPEG("JPEG"), BMP("BMP"), TIFF("TIFF"), GIF("GIF"), UNKNOWN("image");

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String displayName;

    ImageFormat(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    static ImageFormat sniff(byte[] b) {
        if (startsWith(b, PNG_MAGIC)) {
            return PNG;
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return BMP;
        }
        if (startsWith(b, new byte[] {'I', 'I', 42, 0}) || startsWith(b, new byte[] {'M', 'M', 0, 42})
                || startsWith(b, new byte[] {'I', 'I', 43, 0}) || startsWith(b, new byte[] {'M', 'M', 0, 43})) {
            return TIFF;
        }
        if (startsWith(b, "GIF8".getBytes(StandardCharsets.US_ASCII))) {
            return GIF;
        }
        return UNKNOWN;
    }

    /**
     * Whether the start of a file looks like text (printable ASCII or UTF-8, tabs, newlines): used
     * only to word the error for a non-image file helpfully.
     */
    static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 4096);
        if (n == 0) {
            return false;
        }
        int printable = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                printable++;
            }
        }
        return printable >= n * 0.95;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
