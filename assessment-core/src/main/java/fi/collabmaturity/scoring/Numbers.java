package fi.collabmaturity.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding rules shared by every result, so that the API, the dashboards and the export agree to the digit. */
public final class Numbers {

    private Numbers() {
    }

    /** Reported values: 3 decimals, half up, from the unrounded value. Null stays null. */
    public static Double round3(Double value) {
        if (value == null) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * The value as it is reported (3 decimals), as a double: what a stage is read from, so that anyone holding the
     * reported number finds the same stage by the published bands.
     */
    public static double reported(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * The difference of two reported values, exact in decimals (2.250 - 2.001 is 0.249): a change anyone can
     * recompute from the reported scores, and the one directions and progress are judged on.
     */
    public static double reportedChange(double current, double previous) {
        return BigDecimal.valueOf(reported(current)).subtract(BigDecimal.valueOf(reported(previous))).doubleValue();
    }

    /**
     * The value with floating-point noise removed (9 decimals) before it is compared with a band boundary, so that
     * a mean that is exactly 1.5 on paper is never 1.4999999999999998 in stage terms.
     */
    public static double denoised(double value) {
        return BigDecimal.valueOf(value).setScale(9, RoundingMode.HALF_UP).doubleValue();
    }

    /** Compares two scores with the noise removed. */
    public static int compare(double a, double b) {
        return Double.compare(denoised(a), denoised(b));
    }
}
