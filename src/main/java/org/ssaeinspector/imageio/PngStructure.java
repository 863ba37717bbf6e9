package org.ssaeinspector.imageio;

/**
 * Walks the chunk list of a PNG. The JDK decoder happily returns an image when a file was cut
 * off after its pixel data but before the end marker, and its error for a cut inside a chunk is
 * cryptic; this check tells "truncated" apart from "corrupt" before decoding.
 */
final class PngStructure {
    private static final int SIGNATURE_LENGTH = 8;
    private static final int IEND = ('I' << 24) | ('E' << 16) | ('N' << 8) | 'D';

    private PngStructure() {
    }

    /** Returns null for a complete chunk list ending in IEND, otherwise the problem. */
    static String problem(byte[] b) {
        long pos = SIGNATURE_LENGTH;
        while (pos + 8 <= b.length) {
            long length = readInt(b, (int) pos) & 0xFFFFFFFFL;
            int type = readInt(b, (int) pos + 4);
            if (length > Integer.MAX_VALUE) {
                return "corrupt PNG (invalid chunk length)";
            }
            long end = pos + 8 + length + 4;
            if (end > b.length) {
                return "truncated PNG (file ends inside its data)";
            }
            if (type == IEND) {
                return null;
            }
            pos = end;
        }
        return "truncated PNG (no end marker)";
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
