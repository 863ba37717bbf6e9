package org.ssaeinspector.model;

import java.util.Locale;

/**
 * One step in a model's history: the model it was made from and what was added. A model trained
 * from scratch has none; each recalibration or continued training appends one to its parent's.
 *
 * @param operation         {@link #RECALIBRATED} or {@link #TRAINED_FURTHER}
 * @param parentSha256      SHA-256 of the parent's model file; null when the parent was never saved
 * @param parentCreatedAt   the parent's creation time (ISO-8601), which identifies it even unsaved
 * @param addedImages       good images this step added (to the calibration, or to training)
 * @param addedFingerprint  SHA-256 over those images' names and contents
 * @param at                when the step was made (ISO-8601)
 */
public record LineageStep(String operation, String parentSha256, String parentCreatedAt, int addedImages,
                          String addedFingerprint, String at) {
    /** Only the calibration and threshold changed, with confirmed good images; the network is the parent's. */
    public static final String RECALIBRATED = "recalibrated";
    /** The parent's network trained further on old and new good images, then calibrated anew. */
    public static final String TRAINED_FURTHER = "trained further";

    /** In words, for {@code evaluate}, {@code compare} and the model panel. */
    public String describe() {
        String parent = parentSha256 == null ? "an unsaved model of " + parentCreatedAt
                : "model " + parentSha256.substring(0, Math.min(12, parentSha256.length()));
        return String.format(Locale.ROOT, "%s from %s with %d good image%s, %s", operation, parent, addedImages,
                addedImages == 1 ? "" : "s", at);
    }
}
