package fi.collabmaturity.interview;

import fi.collabmaturity.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A theme interview was recorded. {@code informant} is the participant reference; the pseudonym, organisation
 * type and actor level are in {@code informantDetails}, sealed ({@link InformantDetails}).
 */
@Revision("1")
public record InterviewRecorded(String interviewId, String studyId, String waveId, LocalDate conductedOn,
                                String informant, Sealed informantDetails, List<String> areaIds,
                                String interviewer) {
}
