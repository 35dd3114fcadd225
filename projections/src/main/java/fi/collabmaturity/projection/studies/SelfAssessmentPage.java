package fi.collabmaturity.projection.studies;

import fi.collabmaturity.projection.support.Page;
import fi.collabmaturity.projection.support.Paged;

import java.util.List;

/** A page of a study's self-assessments, personal data sealed. */
public record SelfAssessmentPage(List<SealedSelfAssessment> content, int page, int size, long totalElements)
        implements Paged<SealedSelfAssessment> {

    static SelfAssessmentPage of(Page<SealedSelfAssessment> page) {
        return new SelfAssessmentPage(page.content(), page.page(), page.size(), page.totalElements());
    }
}
