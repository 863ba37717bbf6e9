package org.ssaeinspector.app.service;

import java.nio.file.Path;
import java.util.List;
import org.ssaeinspector.dataset.SkippedFile;

/**
 * What a check of the good training images found.
 *
 * @param count      files checked
 * @param readable   files whose image header could be read
 * @param sizes      distinct sizes seen, most common first ("900x900")
 * @param gray       readable gray images
 * @param colour     readable colour images
 * @param duplicates groups of files with exactly the same content (each group 2 or more)
 * @param unreadable files that cannot be read, with the reason
 */
public record ImageSetReport(int count, int readable, List<String> sizes, int gray, int colour,
                             List<List<Path>> duplicates, List<SkippedFile> unreadable) {

    /** Fewer good images than this give an unreliable model and threshold. */
    public static final int RECOMMENDED_MINIMUM = 20;

    /** Plain-language warnings, empty when all is well. */
    public List<String> warnings() {
        List<String> w = new java.util.ArrayList<>();
        if (readable < RECOMMENDED_MINIMUM) {
            w.add("Only " + readable + " usable good image" + (readable == 1 ? "" : "s") + ": "
                    + RECOMMENDED_MINIMUM + " or more give a more reliable model and threshold.");
        }
        if (sizes.size() > 1) {
            w.add("Mixed image sizes (" + String.join(", ", sizes.subList(0, Math.min(3, sizes.size())))
                    + (sizes.size() > 3 ? ", ..." : "") + "): all are resized to the training size.");
        }
        if (gray > 0 && colour > 0) {
            w.add("Mixed gray (" + gray + ") and colour (" + colour + ") images: gray ones are trained as colour.");
        }
        if (!duplicates.isEmpty()) {
            int extra = duplicates.stream().mapToInt(g -> g.size() - 1).sum();
            w.add(extra + " exact duplicate" + (extra == 1 ? "" : "s") + " (e.g. " + duplicates.get(0).get(1).getFileName()
                    + " = " + duplicates.get(0).get(0).getFileName() + "): they add no information.");
        }
        if (!unreadable.isEmpty()) {
            SkippedFile f = unreadable.get(0);
            w.add(unreadable.size() + " unreadable file" + (unreadable.size() == 1 ? "" : "s") + " will be skipped (e.g. "
                    + f.path().getFileName() + ": " + f.reason() + ").");
        }
        return w;
    }
}
