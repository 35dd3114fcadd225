package fi.collabmaturity.interview;

import fi.collabmaturity.participant.Participant;

import java.time.LocalDate;
import java.util.List;

/** Records a theme interview: when, with whom (a pseudonymous informant), about which areas, by whom. */
public record RecordInterview(String interviewId, String studyId, String waveId, LocalDate conductedOn,
                              Participant informant, List<String> areaIds, String interviewer) {
}
