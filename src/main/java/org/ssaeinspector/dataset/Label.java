package org.ssaeinspector.dataset;

/** Ground truth of one image, as far as it is known. */
public enum Label {
    GOOD, DEFECTIVE, UNKNOWN;

    /** The CSV form: "good", "defective", or empty when unknown. */
    public String csvValue() {
        return this == UNKNOWN ? "" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
