package org.ssaeinspector.util;

import java.math.BigDecimal;
import java.math.MathContext;

/** Plain decimal text for people and spreadsheets: a fixed number of significant digits. */
public final class Decimals {
    private Decimals() {
    }

    /**
     * {@code value} rounded to {@code digits} significant digits, without trailing zeros or an
     * exponent ({@code 8.152}, {@code 12}, {@code 0.0012}). Rounds the shortest decimal of the
     * double (what {@link Double#toString} shows), half up.
     *
     * @param value finite
     */
    public static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
