package fi.collabmaturity.projection.export;

import fi.collabmaturity.scoring.Numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * How values are written into CSV cells: the same value always gives the same text, whatever the locale or the
 * platform. Missing values are empty cells (null here), never 0.
 */
final class Cells {

    private Cells() {
    }

    /** A result, rounded like the API ({@link Numbers#round3}) and always written with 3 decimals. */
    static String decimal3(Double value) {
        Double rounded = Numbers.round3(value);
        return rounded == null ? null : BigDecimal.valueOf(rounded).setScale(3, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** An answer on the scale as it was given (e.g. 2.0, 2.5), or null for a skipped dimension. */
    static String answer(double value) {
        return Double.isNaN(value) ? null : BigDecimal.valueOf(value).toPlainString();
    }

    static String integer(Integer value) {
        return value == null ? null : value.toString();
    }

    static String integer(long value) {
        return Long.toString(value);
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String bool(boolean value) {
        return value ? "true" : "false";
    }

    /**
     * Several values in one cell, separated by {@code ;}. A {@code ;} or {@code \} inside a value is escaped with a
     * backslash, so that splitting on unescaped semicolons gives the values back exactly.
     */
    static String joined(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(v.replace("\\", "\\\\").replace(";", "\\;"));
        }
        return out.toString();
    }
}
