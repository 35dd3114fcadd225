package fi.collabmaturity.api.selfassessment;

import fi.collabmaturity.api.security.PersonalData;
import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.ETags;
import fi.collabmaturity.api.web.Paging;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.api.web.Problems;
import fi.collabmaturity.selfassessment.DuplicateAnswerException;
import fi.collabmaturity.selfassessment.WithdrawSelfAssessment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.StudyFacts;
import org.bson.Document;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import java.util.List;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.participant.Participant;
import fi.collabmaturity.selfassessment.RespondentKind;
import fi.collabmaturity.selfassessment.SubmitSelfAssessment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Self-assessments: one respondent's positions on the continuum for one area in one wave. Individual answers are read
 * by researchers of the study and admins only (viewers see aggregated results: 403).
 */
@RestController
@RequestMapping("/api/v1/studies/{studyId}/self-assessments")
public class SelfAssessmentController {

    private final CommandGateway commands;
    private final StudyAccess access;
    private final StudiesQueries queries;
    private final PersonalData personal;
    private final ReadYourWrites consistency;

    public SelfAssessmentController(CommandGateway commands, StudyAccess access, StudiesQueries queries,
                                    PersonalData personal, ReadYourWrites consistency) {
        this.commands = commands;
        this.access = access;
        this.queries = queries;
        this.personal = personal;
        this.consistency = consistency;
    }

    public record Reason(String reason) {
    }

    /** {@code replaces}: the id of the respondent's recorded answer for the area and wave that this one replaces. */
    public record NewSelfAssessment(String id, String areaId, String waveId, NewRespondent respondent,
                                    Map<String, BigDecimal> answers, Map<String, String> comments, String replaces) {
    }

    /** The respondent as sent: a participant, and whether a person (the default) or a workshop group of a size. */
    public record NewRespondent(String pseudonym, String organisationType, String actorLevel, String kind,
                                Integer groupSize) {

        Participant participant() {
            return new Participant(pseudonym, organisationType, actorLevel);
        }

        RespondentKind respondentKind() {
            return RespondentKind.of(kind, groupSize);
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> submit(@PathVariable String studyId,
                                                      @RequestBody NewSelfAssessment body) {
        access.write(studyId);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        NewRespondent respondent = body.respondent();
        commands.sendAndWait(new SubmitSelfAssessment(id, studyId, body.areaId(), body.waveId(),
                respondent == null ? null : respondent.participant(),
                respondent == null ? null : respondent.respondentKind(), body.answers(), body.comments(),
                body.replaces()));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", id);
        created.put("areaId", body.areaId());
        created.put("waveId", body.waveId());
        created.put("answers", body.answers());
        if (body.replaces() != null) {
            created.put("replaces", body.replaces());
        }
        return Responses.created("/api/v1/studies/" + studyId + "/self-assessments/" + id, consistency.afterWrite(),
                created);
    }

    @GetMapping
    public Map<String, Object> list(@PathVariable String studyId, @RequestParam(required = false) String areaId,
                                    @RequestParam(required = false) String waveId,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        StudyFacts study = access.readIndividualRecords(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        StudiesQueries.Page result = queries.selfAssessments(studyId, areaId, waveId, paging.page(), paging.size());
        boolean personalData = access.maySeePersonalData(study);
        return Responses.page(result.content().stream().map(d -> view(d, personalData)).toList(), result.page(),
                result.size(), result.totalElements());
    }

    @GetMapping("/{selfAssessmentId}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String studyId, @PathVariable String selfAssessmentId,
                                                   @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.readIndividualRecords(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        Document doc = queries.selfAssessment(studyId, selfAssessmentId).orElseThrow(() -> new NotFoundException(
                "self-assessment " + selfAssessmentId + " does not exist in study " + studyId));
        return ResponseEntity.ok().eTag(ETags.of(doc.get("version"))).body(view(doc, access.maySeePersonalData(study)));
    }

    @DeleteMapping("/{selfAssessmentId}")
    public ResponseEntity<Map<String, Object>> withdraw(@PathVariable String studyId,
                                                        @PathVariable String selfAssessmentId,
                                                        @RequestParam(required = false) String reason,
                                                        @RequestBody(required = false) Reason body) {
        access.write(studyId);
        String why = body != null && body.reason() != null ? body.reason() : reason;
        commands.sendAndWait(new WithdrawSelfAssessment(selfAssessmentId, studyId, why));
        return Responses.written(consistency.afterWrite(), Map.of("id", selfAssessmentId, "withdrawn", true));
    }

    /** A second answer by the same respondent: 409, naming the recorded one (which a replacement must name). */
    @ExceptionHandler(DuplicateAnswerException.class)
    ResponseEntity<ProblemDetail> on(DuplicateAnswerException e) {
        return Problems.problem(HttpStatus.CONFLICT, "duplicate-answer", "Already answered", e.getMessage(),
                new Duplicate(e.recorded()));
    }

    /** The member a duplicate-answer problem adds: the self-assessment already recorded. */
    record Duplicate(String duplicateOf) {
    }

    private Map<String, Object> view(Document doc, boolean personalData) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", doc.getString("_id"));
        out.put("areaId", doc.getString("areaId"));
        out.put("waveId", doc.getString("waveId"));
        if (personalData) {
            PersonalData.RespondentView respondent = personal.respondent(doc.get("respondentDetails"));
            out.put("respondent", respondent.respondent());
            out.put("comments", respondent.comments());
        }
        out.put("answers", doc.get("answers"));
        out.put("withdrawn", doc.getBoolean("withdrawn"));
        if (doc.get("withdrawal") != null) {
            out.put("withdrawal", doc.get("withdrawal"));
        }
        out.put("submittedAt", doc.getString("submittedAt"));
        out.put("version", doc.get("version"));
        return out;
    }
}
