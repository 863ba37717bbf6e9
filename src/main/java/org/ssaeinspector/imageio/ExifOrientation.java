package org.ssaeinspector.imageio;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;

/**
 * The EXIF Orientation tag of a JPEG (1 to 8) and the transform that turns the stored pixels
 * into the picture as the camera meant it. Decoders return the stored pixels, so a phone photo
 * taken upright would otherwise reach the model lying on its side.
 */
public final class ExifOrientation {
    /** Stored pixels are already upright. */
    public static final int NORMAL = 1;

    private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f', 0, 0};

    private ExifOrientation() {
    }

    /**
     * Reads the Orientation tag from a JPEG's EXIF block; {@link #NORMAL} when there is none or it
     * cannot be read (a broken EXIF block should not make an otherwise good photo unusable).
     */
    public static int read(byte[] jpeg) {
        try (ImageInputStream in = ImageLoader.inMemory(jpeg, 0, jpeg.length)) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            for (JPEGSegment segment : segments) {
                int value = orientationOf(segment);
                if (value != 0) {
                    return value;
                }
            }
        } catch (IOException | RuntimeException e) {
            return NORMAL;
        }
        return NORMAL;
    }

    private static int orientationOf(JPEGSegment segment) throws IOException {
        byte[] payload;
        try (InputStream data = segment.segmentData()) {
            payload = data.readAllBytes();
        }
        if (payload.length <= EXIF_ID.length) {
            return 0;
        }
        for (int i = 0; i < EXIF_ID.length; i++) {
            if (payload[i] != EXIF_ID[i]) {
                return 0;
            }
        }
        try (ImageInputStream tiff = ImageLoader.inMemory(payload, EXIF_ID.length, payload.length - EXIF_ID.length)) {
            Directory ifd0 = new TIFFReader().read(tiff);
            Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry == null || !(entry.getValue() instanceof Number)) {
                return 0;
            }
            int value = ((Number) entry.getValue()).intValue();
            return value >= 1 && value <= 8 ? value : 0;
        }
    }

    /** Whether the orientation turns the picture by a quarter (width and height trade places). */
    public static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** Applies an EXIF orientation (1..8) to stored pixels; other values leave the image as it is. */
    public static FloatImage apply(FloatImage stored, int orientation) {
        return switch (orientation) {
            case 2 -> stored.flipHorizontal();
            case 3 -> stored.flipHorizontal().flipVertical();
            case 4 -> stored.flipVertical();
            case 5 -> stored.rotate90().flipHorizontal(); // transpose
            case 6 -> stored.rotate90();
            case 7 -> stored.rotate90().flipVertical(); // transverse
            case 8 -> stored.rotate90().flipHorizontal().flipVertical(); // 270 degrees clockwise
            default -> stored;
        };
    }
}
