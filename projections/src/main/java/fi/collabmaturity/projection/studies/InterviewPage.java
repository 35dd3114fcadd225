package fi.collabmaturity.projection.studies;

import fi.collabmaturity.projection.support.Page;
import fi.collabmaturity.projection.support.Paged;

import java.util.List;

/** A page of a study's interviews, personal data sealed. */
public record InterviewPage(List<SealedInterview> content, int page, int size, long totalElements)
        implements Paged<SealedInterview> {

    static InterviewPage of(Page<SealedInterview> page) {
        return new InterviewPage(page.content(), page.page(), page.size(), page.totalElements());
    }
}
