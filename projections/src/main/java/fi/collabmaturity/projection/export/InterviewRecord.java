package fi.collabmaturity.projection.export;

import java.time.LocalDate;

/** An interview: its wave, date and informant (opened once, when the interview is folded). */
public record InterviewRecord(String interviewId, String waveId, LocalDate conductedOn, PersonAttributes informant) {
}
