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
import fi.collabmaturity.projection.studies.InterviewPage;
import fi.collabmaturity.projection.studies.SealedInterview;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.projection.studies.Withdrawal;
import fi.collabmaturity.projection.support.Page;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.StudyFacts;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
import java.util.List;
import java.util.Optional;
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
    private final QueryGateway queries;
    private final PersonalData personal;
    private final ReadYourWrites consistency;

    public InterviewController(CommandGateway commands, StudyAccess access, QueryGateway queries,
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

    public record RecordedInterview(String id, String waveId, String conductedOn, List<String> areaIds,
                                    String interviewer) {
    }

    /**
     * An interview as researchers read it: {@code informant} only for those who may see personal data, the
     * findings only when one interview is read.
     */
    public record InterviewView(String id, String waveId, String conductedOn,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Object informant, List<String> areaIds,
                                String interviewer, String recordedAt, Long version, long findingCount,
                                @JsonInclude(JsonInclude.Include.NON_NULL) List<FindingView> findings) {
    }

    /**
     * A finding: {@code excerpt} absent for those who may not see personal data and null (Optional.empty) when
     * none was recorded; {@code withdrawal} only when withdrawn; the codings' history only when the finding itself
     * is read.
     */
    public record FindingView(String id, String interviewId, String segmentId, String areaId, String dimension,
                              Integer stage, List<String> codes,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Optional<Object> excerpt, String coder,
                              Long revision, Boolean withdrawn,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Withdrawal withdrawal,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<SealedInterview.Coding> history) {
    }

    public record CodedFinding(String id, String interviewId, String segmentId, String areaId, String dimension,
                               Integer stage, List<String> codes, String coder, long revision) {
    }

    public record RecodedFinding(String id, String dimension, Integer stage, List<String> codes, long revision) {
    }

    public record WithdrawnFinding(String id, boolean withdrawn) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RecordedInterview> record(@PathVariable String studyId, @RequestBody NewInterview body) {
        access.write(studyId);
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        String interviewer = body.interviewer() == null ? access.currentUser() : body.interviewer();
        commands.sendAndWait(new RecordInterview(id, studyId, body.waveId(), body.conductedOn(), body.informant(),
                body.areaIds(), interviewer));
        return Responses.created(path(studyId, id), consistency.afterWrite(), new RecordedInterview(id,
                body.waveId(), String.valueOf(body.conductedOn()), body.areaIds(), interviewer));
    }

    @GetMapping
    public Page<InterviewView> list(@PathVariable String studyId, @RequestParam(required = false) String waveId,
                                    @RequestParam(required = false) String areaId,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        StudyFacts study = access.readIndividualRecords(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        boolean personalData = access.maySeePersonalData(study);
        return queries.query(new StudiesQueries.InterviewsQuery(studyId, waveId, areaId, paging.page(),
                paging.size()), InterviewPage.class).join().map(i -> interview(i, personalData, false));
    }

    @GetMapping("/{interviewId}")
    public ResponseEntity<InterviewView> get(@PathVariable String studyId, @PathVariable String interviewId,
                                             @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.readIndividualRecords(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        SealedInterview interview = existing(studyId, interviewId);
        return ResponseEntity.ok().eTag(ETags.of(interview.version()))
                .body(interview(interview, access.maySeePersonalData(study), true));
    }

    @PostMapping(path = "/{interviewId}/findings", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CodedFinding> code(@PathVariable String studyId, @PathVariable String interviewId,
                                             @RequestBody NewFinding body) {
        access.write(studyId);
        String coder = body.coder() == null ? access.currentUser() : body.coder();
        RecordFinding command = new RecordFinding(interviewId, studyId, body.id(), body.segmentId(),
                body.areaId(), body.dimension(), body.stage(), body.codes(), body.excerpt(), coder);
        String findingId = commands.sendAndWait(command);
        HttpHeaders headers = consistency.afterWrite();
        headers.setETag(ETags.of(1));
        return Responses.created(path(studyId, interviewId) + "/findings/" + findingId, headers,
                new CodedFinding(findingId, interviewId, body.segmentId(), body.areaId(), body.dimension(),
                        body.stage(), normalised(command.codes()), coder, 1));
    }

    @GetMapping("/{interviewId}/findings/{findingId}")
    public ResponseEntity<FindingView> finding(@PathVariable String studyId, @PathVariable String interviewId,
                                               @PathVariable String findingId,
                                               @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.readIndividualRecords(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        SealedInterview.Finding finding = existing(studyId, interviewId).findings().stream()
                .filter(f -> f.id().equals(findingId)).findFirst().orElseThrow(() -> new NotFoundException(
                        "finding " + findingId + " does not exist in interview " + interviewId));
        return ResponseEntity.ok().eTag(ETags.of(finding.revision()))
                .body(finding(finding, interviewId, access.maySeePersonalData(study), true));
    }

    @PutMapping(path = "/{interviewId}/findings/{findingId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RecodedFinding> recode(@PathVariable String studyId, @PathVariable String interviewId,
                                                 @PathVariable String findingId, @RequestBody Recoding body,
                                                 @RequestHeader(value = "If-Match", required = false)
                                                 String ifMatch) {
        access.write(studyId);
        RecodeFinding command = new RecodeFinding(interviewId, studyId, findingId,
                ETags.version(ifMatch), body.areaId(), body.dimension(), body.stage(), body.codes(), body.excerpt());
        long revision = commands.sendAndWait(command);
        HttpHeaders headers = consistency.afterWrite();
        headers.setETag(ETags.of(revision));
        return Responses.written(headers, new RecodedFinding(findingId, body.dimension(), body.stage(),
                normalised(command.codes()), revision));
    }

    @DeleteMapping("/{interviewId}/findings/{findingId}")
    public ResponseEntity<WithdrawnFinding> withdraw(@PathVariable String studyId, @PathVariable String interviewId,
                                                     @PathVariable String findingId,
                                                     @RequestParam(required = false) String reason,
                                                     @RequestBody(required = false) Reason body) {
        access.write(studyId);
        String why = body != null && body.reason() != null ? body.reason() : reason;
        commands.sendAndWait(new WithdrawFinding(interviewId, studyId, findingId, why));
        return Responses.written(consistency.afterWrite(), new WithdrawnFinding(findingId, true));
    }

    /** The codes as the command normalised them. */
    private static List<String> normalised(List<String> codes) {
        return codes == null ? List.of() : codes;
    }

    private SealedInterview existing(String studyId, String interviewId) {
        return queries.query(new StudiesQueries.InterviewQuery(studyId, interviewId),
                        ResponseTypes.optionalInstanceOf(SealedInterview.class)).join()
                .orElseThrow(() -> new NotFoundException(
                        "interview " + interviewId + " does not exist in study " + studyId));
    }

    private InterviewView interview(SealedInterview i, boolean personalData, boolean withFindings) {
        return new InterviewView(i.id(), i.waveId(), i.conductedOn(),
                personalData ? personal.informant(i.informantDetails()) : null, i.areaIds(), i.interviewer(),
                i.recordedAt(), i.version(), i.findingCount(), withFindings
                ? i.findings().stream().map(f -> finding(f, i.id(), personalData, false)).toList() : null);
    }

    private FindingView finding(SealedInterview.Finding f, String interviewId, boolean personalData,
                                boolean withHistory) {
        return new FindingView(f.id(), interviewId, f.segmentId(), f.areaId(), f.dimension(), f.stage(), f.codes(),
                personalData ? Optional.ofNullable(personal.excerpt(f.excerpt())) : null, f.coder(), f.revision(),
                f.withdrawn(), f.withdrawal(), withHistory ? f.history() : null);
    }

    private static String path(String studyId, String interviewId) {
        return "/api/v1/studies/" + studyId + "/interviews/" + interviewId;
    }
}
