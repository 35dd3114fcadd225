package fi.collabmaturity.api.audit;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.Paging;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.projection.audit.AuditQueries;
import fi.collabmaturity.projection.audit.AuditPage;
import org.axonframework.queryhandling.QueryGateway;
import fi.collabmaturity.shared.Validation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Who recorded or changed what in a study, and when (ADMIN): the events of the study's own aggregate, its areas,
 * interviews and self-assessments, and its erasures, from the audit projection, in log order (or newest first with
 * {@code order=desc}). Entries show ids and codes only, never personal data.
 */
@RestController
public class AuditController {

    private final StudyAccess access;
    private final QueryGateway queries;
    private final ReadYourWrites consistency;

    public AuditController(StudyAccess access, QueryGateway queries, ReadYourWrites consistency) {
        this.access = access;
        this.queries = queries;
        this.consistency = consistency;
    }

    @GetMapping("/api/v1/studies/{studyId}/audit")
    public AuditPage audit(@PathVariable String studyId,
                                     @RequestParam(required = false) String user,
                                     @RequestParam(required = false) String action,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String areaId,
                                     @RequestParam(required = false) String waveId,
                                     @RequestParam(required = false) String order,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) Long minPosition) {
        access.read(studyId);
        access.requireAdmin();
        Validation validation = new Validation();
        Instant fromInstant = instant(from, "from", validation);
        Instant toInstant = instant(to, "to", validation);
        validation.require(order == null || order.equals("asc") || order.equals("desc"), "order",
                "must be asc or desc");
        if (fromInstant != null && toInstant != null) {
            validation.require(!toInstant.isBefore(fromInstant), "to", "must not be before from");
        }
        validation.throwIfInvalid();
        Paging paging = Paging.of(page, size);
        consistency.await(minPosition, List.of(AuditQueries.PROCESSOR));
        return queries.query(new AuditQueries.EntriesQuery(new AuditQueries.Filter(studyId, blankToNull(user),
                blankToNull(action), fromInstant, toInstant, blankToNull(areaId), blankToNull(waveId)),
                paging.page(), paging.size(), "desc".equals(order)), AuditPage.class).join();
    }

    private static Instant instant(String text, String field, Validation validation) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            validation.add(field, "must be an ISO 8601 instant such as 2024-05-01T00:00:00Z");
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
