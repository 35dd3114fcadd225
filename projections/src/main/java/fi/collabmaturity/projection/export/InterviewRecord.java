package fi.collabmaturity.projection.export;

import java.time.LocalDate;

/**
 * An interview: its wave, date and informant (opened once, when the interview is folded). {@code participant} is
 * the informant's reference, which the scores group by (the informant is the unit) and which never leaves the
 * export as such.
 */
public record InterviewRecord(String interviewId, String waveId, LocalDate conductedOn, PersonAttributes informant,
                              String participant) {
}
