package fi.collabmaturity.area;

import java.time.LocalDate;

/**
 * The periods within which the law expects negotiations. Act 611/2021 s.14: a county and its municipalities
 * negotiate at least once per council term. The first county council term ran from 1 March 2022 to 31 May 2025;
 * later terms are four years from 1 June (2025-2029, 2029-2033, ...). Act 612/2021 s.6-7: the wellbeing and health
 * promotion (HYTE) negotiation is annual, read here as "within the last 12 months".
 */
public final class StatutoryPeriods {

    static final LocalDate FIRST_TERM_START = LocalDate.of(2022, 3, 1);
    static final LocalDate SECOND_TERM_START = LocalDate.of(2025, 6, 1);

    private StatutoryPeriods() {
    }

    /** A period, both ends inclusive. */
    public record Period(LocalDate from, LocalDate to) {
        public boolean contains(LocalDate date) {
            return date != null && !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** The county council term that contains {@code on} (dates before the first term belong to it too). */
    public static Period councilTerm(LocalDate on) {
        if (on.isBefore(SECOND_TERM_START)) {
            return new Period(FIRST_TERM_START, SECOND_TERM_START.minusDays(1));
        }
        int termsSince = (on.getYear() - SECOND_TERM_START.getYear()
                - (on.isBefore(SECOND_TERM_START.withYear(on.getYear())) ? 1 : 0)) / 4;
        LocalDate start = SECOND_TERM_START.plusYears(4L * termsSince);
        return new Period(start, start.plusYears(4).minusDays(1));
    }

    /** The last 12 months up to and including {@code on}. */
    public static Period lastTwelveMonths(LocalDate on) {
        return new Period(on.minusYears(1).plusDays(1), on);
    }
}
