package fi.collabmaturity.api.interview;

import fi.collabmaturity.api.security.PersonalData;
import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.ETags;
import fi.collabmaturity.api.web.Paging;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.interview.RecodeFinding;
import fi.collabmaturity.interview.RecordFinding;
import fi.collabmaturity.interview.RecordInterview;
import fi.collabmaturity.interview.WithdrawFinding;
import fi.collabmaturity.participant.Participant;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.StudyFacts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Theme interviews and the findings coded from them: individual records, read by researchers of the study and admins
 * only (viewers see aggregated results: 403).
 */
@RestController
@RequestMapping("/api/v1/studies/{studyId}/interviews")
public class InterviewController {

    private final CommandGateway commands;
    private final StudyAccess access;
    private final StudiesQueries queries;
    private final PersonalData personal;
    private final ReadYourWrites consistency;

    public InterviewController(CommandGateway commands, StudyAccess access, StudiesQueries queries,
                               PersonalData personal, ReadYourWrites consistency) {
        this.commands = commands;
        this.access = access;
        this.queries = queries;
        this.personal = personal;
        this.consistency = consistency;
    }

    public record NewInterview(String id, String waveId, LocalDate conductedOn, Participant informant,
                               List<String> areaIds, String interviewer) {
    }

    public record NewFinding(String id, String segmentId, String areaId, String dimension, Integer stage,
                             List<String> codes, String excerpt, String coder) {
    }

    public record Recoding(String areaId, String dimension, Integer stage, List<String> codes, String excerpt) {
    }

    public record Reason(String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> record(@PathVariable String studyId, @RequestBody NewInterview body) {
        access.write(studyId);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        String interviewer = body.interviewer() == null ? access.currentUser() : body.interviewer();
        commands.sendAndWait(new RecordInterview(id, studyId, body.waveId(), body.conductedOn(), body.informant(),
                body.areaIds(), interviewer));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", id);
        created.put("waveId", body.waveId());
        created.put("conductedOn", String.valueOf(body.conductedOn()));
        created.put("areaIds", body.areaIds());
        created.put("interviewer", interviewer);
        return Responses.created(path(studyId, id), consistency.afterWrite(), created);
    }

    @GetMapping
    public Map<String, Object> list(@PathVariable String studyId, @RequestParam(required = false) String waveId,
                                    @RequestParam(required = false) String areaId,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        StudyFacts study = access.readIndividualRecords(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        StudiesQueries.Page result = queries.interviews(studyId, waveId, areaId, paging.page(), paging.size());
        boolean personalData = access.maySeePersonalData(study);
        return Responses.page(result.content().stream().map(d -> interview(d, personalData, false)).toList(),
                result.page(), result.size(), result.totalElements());
    }

    @GetMapping("/{interviewId}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String studyId, @PathVariable String interviewId,
                                                   @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.readIndividualRecords(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        Document doc = existing(studyId, interviewId);
        return ResponseEntity.ok().eTag(ETags.of(doc.get("version")))
                .body(interview(doc, access.maySeePersonalData(study), true));
    }

    @PostMapping(path = "/{interviewId}/findings", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> code(@PathVariable String studyId, @PathVariable String interviewId,
                                                    @RequestBody NewFinding body) {
        access.write(studyId);
        String coder = body.coder() == null ? access.currentUser() : body.coder();
        RecordFinding command = new RecordFinding(interviewId, studyId, body.id(), body.segmentId(),
                body.areaId(), body.dimension(), body.stage(), body.codes(), body.excerpt(), coder);
        String findingId = commands.sendAndWait(command);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", findingId);
        created.put("interviewId", interviewId);
        created.put("segmentId", body.segmentId());
        created.put("areaId", body.areaId());
        created.put("dimension", body.dimension());
        created.put("stage", body.stage());
        created.put("codes", command.codes() == null ? List.of() : command.codes()); // as normalised
        created.put("coder", coder);
        created.put("revision", 1);
        HttpHeaders headers = consistency.afterWrite();
        headers.setETag(ETags.of(1));
        return Responses.created(path(studyId, interviewId) + "/findings/" + findingId, headers, created);
    }

    @GetMapping("/{interviewId}/findings/{findingId}")
    public ResponseEntity<Map<String, Object>> finding(@PathVariable String studyId, @PathVariable String interviewId,
                                                       @PathVariable String findingId,
                                                       @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.readIndividualRecords(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        Document doc = existing(studyId, interviewId);
        Object finding = doc.get("findings", new Document()).get(findingId);
        if (!(finding instanceof Document f)) {
            throw new NotFoundException("finding " + findingId + " does not exist in interview " + interviewId);
        }
        Map<String, Object> view = finding(f, interviewId, access.maySeePersonalData(study), true);
        return ResponseEntity.ok().eTag(ETags.of(f.get("revision"))).body(view);
    }

    @PutMapping(path = "/{interviewId}/findings/{findingId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> recode(@PathVariable String studyId, @PathVariable String interviewId,
                                                      @PathVariable String findingId, @RequestBody Recoding body,
                                                      @RequestHeader(value = "If-Match", required = false)
                                                      String ifMatch) {
        access.write(studyId);
        RecodeFinding command = new RecodeFinding(interviewId, studyId, findingId,
                ETags.version(ifMatch), body.areaId(), body.dimension(), body.stage(), body.codes(), body.excerpt());
        long revision = commands.sendAndWait(command);
        HttpHeaders headers = consistency.afterWrite();
        headers.setETag(ETags.of(revision));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", findingId);
        view.put("dimension", body.dimension());
        view.put("stage", body.stage());
        view.put("codes", command.codes() == null ? List.of() : command.codes()); // as normalised
        view.put("revision", revision);
        return Responses.written(headers, view);
    }

    @DeleteMapping("/{interviewId}/findings/{findingId}")
    public ResponseEntity<Map<String, Object>> withdraw(@PathVariable String studyId, @PathVariable String interviewId,
                                                        @PathVariable String findingId,
                                                        @RequestParam(required = false) String reason,
                                                        @RequestBody(required = false) Reason body) {
        access.write(studyId);
        String why = body != null && body.reason() != null ? body.reason() : reason;
        commands.sendAndWait(new WithdrawFinding(interviewId, studyId, findingId, why));
        return Responses.written(consistency.afterWrite(), Map.of("id", findingId, "withdrawn", true));
    }

    private Document existing(String studyId, String interviewId) {
        return queries.interview(studyId, interviewId).orElseThrow(
                () -> new NotFoundException("interview " + interviewId + " does not exist in study " + studyId));
    }

    private Map<String, Object> interview(Document doc, boolean personalData, boolean withFindings) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", doc.getString("_id"));
        out.put("waveId", doc.getString("waveId"));
        out.put("conductedOn", doc.getString("conductedOn"));
        if (personalData) {
            out.put("informant", personal.informant(doc.get("informantDetails")));
        }
        out.put("areaIds", doc.get("areaIds"));
        out.put("interviewer", doc.getString("interviewer"));
        out.put("recordedAt", doc.getString("recordedAt"));
        out.put("version", doc.get("version"));
        List<Document> findings = new ArrayList<>();
        doc.get("findings", new Document()).values().forEach(f -> findings.add((Document) f));
        findings.sort(Comparator.comparing((Document f) -> f.getString("recordedAt")).thenComparing(f -> f.getString("id")));
        out.put("findingCount", findings.stream().filter(f -> !Boolean.TRUE.equals(f.getBoolean("withdrawn"))).count());
        if (withFindings) {
            out.put("findings", findings.stream().map(f -> finding(f, doc.getString("_id"), personalData, false))
                    .toList());
        }
        return out;
    }

    private Map<String, Object> finding(Document f, String interviewId, boolean personalData, boolean withHistory) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.getString("id"));
        out.put("interviewId", interviewId);
        out.put("segmentId", f.getString("segmentId"));
        out.put("areaId", f.getString("areaId"));
        out.put("dimension", f.getString("dimension"));
        out.put("stage", f.get("stage"));
        out.put("codes", f.get("codes"));
        if (personalData) {
            out.put("excerpt", personal.excerpt(f.get("excerpt")));
        }
        out.put("coder", f.getString("coder"));
        out.put("revision", f.get("revision"));
        out.put("withdrawn", f.getBoolean("withdrawn"));
        if (f.get("withdrawal") != null) {
            out.put("withdrawal", f.get("withdrawal"));
        }
        if (withHistory) {
            List<Object> history = new ArrayList<>(f.get("history", new Document()).values());
            history.sort(Comparator.comparing(h -> ((Number) ((Document) h).get("revision")).longValue()));
            out.put("history", history);
        }
        return out;
    }

    private static String path(String studyId, String interviewId) {
        return "/api/v1/studies/" + studyId + "/interviews/" + interviewId;
    }
}
