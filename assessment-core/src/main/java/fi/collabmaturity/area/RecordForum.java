package fi.collabmaturity.area;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a forum or arena where the parties meet, strategic or operational. */
public record RecordForum(String studyId, String areaId, String forumId, String name, String level, LocalDate since) {

    @TargetAggregateIdentifier
    public String areaAggregateId() {
        return AreaIds.aggregateId(studyId, areaId);
    }
}
