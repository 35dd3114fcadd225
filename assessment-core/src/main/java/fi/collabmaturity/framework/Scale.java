package fi.collabmaturity.framework;

import java.math.BigDecimal;

/** The answer scale of a self-assessment: from {@code min} to {@code max} in steps of {@code step}. */
public record Scale(BigDecimal min, BigDecimal max, BigDecimal step) {

    public boolean accepts(BigDecimal value) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return false;
        }
        return value.subtract(min).remainder(step).signum() == 0;
    }
}
