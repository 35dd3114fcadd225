package fi.collabmaturity.projection.audit;

/** The collection and processor of the audit projection. */
public final class AuditCollections {

    public static final String PROCESSOR = "audit";
    static final String ENTRIES = "audit_entries";

    private AuditCollections() {
    }
}
