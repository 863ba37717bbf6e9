package org.ssaeinspector.imageio;

/**
 * Walks the chunk list of a PNG. The JDK decoder happily returns an image when a file was cut
 * off after its pixel data but before the end marker, and its error for a cut inside a chunk is
 * cryptic; this check tells "truncated" apart from "corrupt" before decoding. A PNG signature
 * followed by anything but an image header (a file of garbage behind the right first 8 bytes) is
 * neither: it is said as such.
 */
final class PngStructure {
    private static final int SIGNATURE_LENGTH = 8;
    private static final int IHDR = ('I' << 24) | ('H' << 16) | ('D' << 8) | 'R';
    private static final int IHDR_LENGTH = 13;
    private static final int IEND = ('I' << 24) | ('E' << 16) | ('N' << 8) | 'D';

    static final String NO_HEADER = "not a PNG image (the PNG signature is followed by garbage, not an image header)";

    private PngStructure() {
    }

    /** Returns null for a complete chunk list ending in IEND, otherwise the problem. */
    static String problem(byte[] b) {
        long pos = SIGNATURE_LENGTH;
        while (pos + 8 <= b.length) {
            long length = readInt(b, (int) pos) & 0xFFFFFFFFL;
            int type = readInt(b, (int) pos + 4);
            if (pos == SIGNATURE_LENGTH && (type != IHDR || length != IHDR_LENGTH)) {
                return NO_HEADER;
            }
            if (!isChunkType(type)) {
                return "corrupt PNG (damaged chunk at byte " + pos + ")";
            }
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

    /** Chunk types are four ASCII letters. */
    private static boolean isChunkType(int type) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (type >>> shift) & 0xFF;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
