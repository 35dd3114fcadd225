package fi.collabmaturity.api.selfassessment;

import fi.collabmaturity.api.security.PersonalData;
import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.ETags;
import fi.collabmaturity.api.web.Paging;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.SealedSelfAssessment;
import fi.collabmaturity.projection.studies.SelfAssessmentPage;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.projection.studies.Withdrawal;
import fi.collabmaturity.projection.support.Page;
import fi.collabmaturity.api.web.Problems;
import fi.collabmaturity.selfassessment.DuplicateAnswerException;
import fi.collabmaturity.selfassessment.WithdrawSelfAssessment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.StudyFacts;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
import java.util.Map;
import java.util.Optional;
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
    private final QueryGateway queries;
    private final PersonalData personal;
    private final ReadYourWrites consistency;

    public SelfAssessmentController(CommandGateway commands, StudyAccess access, QueryGateway queries,
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

    /** {@code replaces} only when the answer replaces another. */
    public record SubmittedSelfAssessment(String id, String areaId, String waveId, Map<String, BigDecimal> answers,
                                          @JsonInclude(JsonInclude.Include.NON_NULL) String replaces) {
    }

    /**
     * A self-assessment as researchers read it: {@code respondent} and {@code comments} only for those who may see
     * personal data (comments null, as Optional.empty, when none were given); {@code withdrawal} only when
     * withdrawn.
     */
    public record SelfAssessmentView(String id, String areaId, String waveId,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) Object respondent,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) Optional<Object> comments,
                                     Map<String, Double> answers, Boolean withdrawn,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) Withdrawal withdrawal,
                                     String submittedAt, Long version) {
    }

    public record WithdrawnSelfAssessment(String id, boolean withdrawn) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SubmittedSelfAssessment> submit(@PathVariable String studyId,
                                                      @RequestBody NewSelfAssessment body) {
        access.write(studyId);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        NewRespondent respondent = body.respondent();
        commands.sendAndWait(new SubmitSelfAssessment(id, studyId, body.areaId(), body.waveId(),
                respondent == null ? null : respondent.participant(),
                respondent == null ? null : respondent.respondentKind(), body.answers(), body.comments(),
                body.replaces()));
        return Responses.created("/api/v1/studies/" + studyId + "/self-assessments/" + id, consistency.afterWrite(),
                new SubmittedSelfAssessment(id, body.areaId(), body.waveId(), body.answers(), body.replaces()));
    }

    @GetMapping
    public Page<SelfAssessmentView> list(@PathVariable String studyId,
                                         @RequestParam(required = false) String areaId,
                                         @RequestParam(required = false) String waveId,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size,
                                         @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        StudyFacts study = access.readIndividualRecords(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        boolean personalData = access.maySeePersonalData(study);
        return queries.query(new StudiesQueries.SelfAssessmentsQuery(studyId, areaId, waveId, paging.page(),
                paging.size()), SelfAssessmentPage.class).join().map(a -> view(a, personalData));
    }

    @GetMapping("/{selfAssessmentId}")
    public ResponseEntity<SelfAssessmentView> get(@PathVariable String studyId,
                                                  @PathVariable String selfAssessmentId,
                                                  @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.readIndividualRecords(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        SealedSelfAssessment answer = queries.query(new StudiesQueries.SelfAssessmentQuery(studyId,
                        selfAssessmentId), ResponseTypes.optionalInstanceOf(SealedSelfAssessment.class)).join()
                .orElseThrow(() -> new NotFoundException(
                        "self-assessment " + selfAssessmentId + " does not exist in study " + studyId));
        return ResponseEntity.ok().eTag(ETags.of(answer.version()))
                .body(view(answer, access.maySeePersonalData(study)));
    }

    @DeleteMapping("/{selfAssessmentId}")
    public ResponseEntity<WithdrawnSelfAssessment> withdraw(@PathVariable String studyId,
                                                            @PathVariable String selfAssessmentId,
                                                        @RequestParam(required = false) String reason,
                                                        @RequestBody(required = false) Reason body) {
        access.write(studyId);
        String why = body != null && body.reason() != null ? body.reason() : reason;
        commands.sendAndWait(new WithdrawSelfAssessment(selfAssessmentId, studyId, why));
        return Responses.written(consistency.afterWrite(), new WithdrawnSelfAssessment(selfAssessmentId, true));
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

    private SelfAssessmentView view(SealedSelfAssessment a, boolean personalData) {
        PersonalData.RespondentView respondent = personalData ? personal.respondent(a.respondentDetails()) : null;
        return new SelfAssessmentView(a.id(), a.areaId(), a.waveId(),
                respondent == null ? null : respondent.respondent(),
                respondent == null ? null : Optional.ofNullable(respondent.comments()), a.answers(), a.withdrawn(),
                a.withdrawal(), a.submittedAt(), a.version());
    }
}
