package fi.collabmaturity.projection.studies;

import fi.collabmaturity.projection.support.Page;
import fi.collabmaturity.projection.support.Paged;

import java.util.List;

/** A page of the studies a user may see. */
public record StudyPage(List<StudySummary> content, int page, int size, long totalElements)
        implements Paged<StudySummary> {

    static StudyPage of(Page<StudySummary> page) {
        return new StudyPage(page.content(), page.page(), page.size(), page.totalElements());
    }
}
