package fi.collabmaturity.area;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A forum of the area was recorded. */
@Revision("1")
public record ForumRecorded(String studyId, String areaId, String forumId, String name, String level, LocalDate since) {
}
