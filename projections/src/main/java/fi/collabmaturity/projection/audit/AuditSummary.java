package fi.collabmaturity.projection.audit;

import org.bson.Document;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an audit entry may show of an event's payload: an allow-list of non-personal fields (ids, dimension, stage,
 * revision, reason, the kinds and states of structural evidence, a study member's account name), scalar values
 * only. Anything else, and above all sealed personal data (excerpts, comments, participant attributes), never gets
 * here: a field that is not on the list is left out, so an event that gains a personal field later stays safe.
 */
final class AuditSummary {

    /** Fields shown when they hold a string, a number or a boolean. */
    static final Set<String> SCALARS = Set.of(
            "studyId", "areaId", "waveId", "interviewId", "findingId", "segmentId", "selfAssessmentId",
            "agreementId", "negotiationId", "forumId", "participant", "dimension", "stage", "revision", "reason",
            "kind", "status", "level", "model", "role", "username", "frameworkId", "frameworkVersion", "fromVersion", "toVersion", "code",
            "regionCode", "interfaceTheme", "questionnaireId");

    /** Fields shown when they hold a list of strings (ids only). */
    static final Set<String> ID_LISTS = Set.of("areaIds");

    private AuditSummary() {
    }

    /** The allowed fields of a record payload, in the record's own order; an empty document for anything else. */
    static Document of(Object payload) {
        Document summary = new Document();
        if (payload == null || !payload.getClass().isRecord()) {
            return summary;
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            String name = component.getName();
            if (!SCALARS.contains(name) && !ID_LISTS.contains(name)) {
                continue;
            }
            Object value = read(component, payload);
            if (SCALARS.contains(name) && (value instanceof String || value instanceof Number
                    || value instanceof Boolean)) {
                summary.append(name, value instanceof Number n && !(value instanceof Integer || value instanceof Long)
                        ? n.toString() : value);
            } else if (ID_LISTS.contains(name) && value instanceof List<?> list
                    && list.stream().allMatch(String.class::isInstance)) {
                summary.append(name, new ArrayList<>(list));
            }
        }
        return summary;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of "
                    + record.getClass().getSimpleName(), e);
        }
    }
}
