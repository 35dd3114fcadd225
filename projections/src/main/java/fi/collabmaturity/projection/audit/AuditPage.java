package fi.collabmaturity.projection.audit;

import fi.collabmaturity.projection.support.Paged;

import java.util.List;

/** A page of a study's audit trail. */
public record AuditPage(List<AuditQueries.AuditEntry> content, int page, int size, long totalElements)
        implements Paged<AuditQueries.AuditEntry> {
}
