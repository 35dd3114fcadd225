package fi.collabmaturity.api.questionnaire;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.Paging;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.projection.studies.QuestionnaireQueries;
import fi.collabmaturity.projection.studies.SealedSelfAssessment;
import fi.collabmaturity.projection.studies.StoredQuestionnaire;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.projection.support.Page;
import fi.collabmaturity.projection.support.Sealing;
import fi.collabmaturity.questionnaire.CloseQuestionnaire;
import fi.collabmaturity.questionnaire.IssueInvitations;
import fi.collabmaturity.questionnaire.OpenQuestionnaire;
import fi.collabmaturity.questionnaire.Questionnaire;
import fi.collabmaturity.questionnaire.QuestionnaireTokens;
import fi.collabmaturity.selfassessment.RespondentDetails;
import fi.collabmaturity.shared.InvalidInputException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.StudyFacts;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Questionnaires that respondents fill in themselves at {@code /q/<token>}: opened, given invitations and closed by
 * researchers of the study (and admins); read by the study's members, viewers seeing the counts but not the counts
 * by organisation type and actor level, which come from the respondents' sealed details.
 */
@RestController
@RequestMapping("/api/v1/studies/{studyId}/questionnaires")
public class QuestionnaireController {

    /** Where the public form answers a link. */
    public static final String FORM_PATH = "/q/";
    static final String UNKNOWN = "unknown";
    static final String ERASED = "erased";

    private final CommandGateway commands;
    private final StudyAccess access;
    private final QueryGateway queries;
    private final PersonalDataSealer sealer;
    private final ReadYourWrites consistency;
    private final Clock clock;

    public QuestionnaireController(CommandGateway commands, StudyAccess access, QueryGateway queries,
                                   PersonalDataSealer sealer, ReadYourWrites consistency, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.queries = queries;
        this.sealer = sealer;
        this.consistency = consistency;
        this.clock = clock;
    }

    public record NewQuestionnaire(List<String> areaIds, String waveId, List<String> languages, String mode,
                                   LocalDate closesOn, Map<String, String> intro, Map<String, String> privacyNotice,
                                   Boolean askComments, Boolean askOrganisationType, Boolean askActorLevel) {
    }

    /** Either {@code count} links, each for a generated pseudonym, or one link for each of {@code pseudonyms}. */
    public record NewInvitations(Integer count, List<String> pseudonyms) {
    }

    /** {@code url}: the open link's form; null for an invited questionnaire (its links are issued later). */
    public record OpenedQuestionnaire(String id, String url) {
    }

    /** Links issued for generated pseudonyms. */
    public record Links(List<String> links) {
    }

    /** Links issued for named pseudonyms, each with the pseudonym it carries. */
    public record NamedLinks(List<NamedLink> links) {
    }

    public record NamedLink(String pseudonym, String link) {
    }

    public record ClosedQuestionnaire(String id, String state) {
    }

    /**
     * A questionnaire as researchers read it: its settings, state and counts; the counts by organisation type and
     * actor level only for those who may see personal data (absent otherwise).
     */
    public record QuestionnaireDetails(String id, String waveId, List<String> areaIds, String mode,
                                       List<String> languages, String closesOn, String state, boolean askComments,
                                       boolean askOrganisationType, boolean askActorLevel, Map<String, String> intro,
                                       Map<String, String> privacyNotice, String noticeVersion, String openedAt,
                                       int invitations, int responses, Map<String, Integer> responsesByArea,
                                       int withdrawn,
                                       @JsonInclude(JsonInclude.Include.NON_NULL)
                                       Map<String, Integer> responsesByOrganisationType,
                                       @JsonInclude(JsonInclude.Include.NON_NULL)
                                       Map<String, Integer> responsesByActorLevel,
                                       Long version) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<OpenedQuestionnaire> open(@PathVariable String studyId,
                                                    @RequestBody NewQuestionnaire body) {
        access.write(studyId);
        String id = UUID.randomUUID().toString();
        String token = Questionnaire.OPEN.equals(body.mode()) ? QuestionnaireTokens.newToken() : null;
        commands.sendAndWait(new OpenQuestionnaire(id, studyId, body.areaIds(), body.waveId(), body.languages(),
                body.mode(), body.closesOn(), body.intro(), body.privacyNotice(), isTrue(body.askComments()),
                isTrue(body.askOrganisationType()), isTrue(body.askActorLevel()),
                token == null ? null : QuestionnaireTokens.hash(token)));
        return Responses.created(location(studyId, id), consistency.afterWrite(),
                new OpenedQuestionnaire(id, token == null ? null : FORM_PATH + token));
    }

    @PostMapping(path = "/{questionnaireId}/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> invite(@PathVariable String studyId, @PathVariable String questionnaireId,
                                    @RequestBody NewInvitations body) {
        access.write(studyId);
        List<String> pseudonyms = body.pseudonyms();
        if (pseudonyms != null && body.count() != null) {
            throw InvalidInputException.of("pseudonyms", "give either count or pseudonyms, not both");
        }
        int count;
        if (pseudonyms != null) {
            if (pseudonyms.isEmpty() || pseudonyms.size() > Questionnaire.MAX_INVITATIONS) {
                throw InvalidInputException.of("pseudonyms",
                        "must name from 1 to " + Questionnaire.MAX_INVITATIONS + " pseudonyms");
            }
            count = pseudonyms.size();
        } else {
            Integer asked = body.count();
            if (asked == null || asked < 1 || asked > Questionnaire.MAX_INVITATIONS) {
                throw InvalidInputException.of("count", "must be from 1 to " + Questionnaire.MAX_INVITATIONS);
            }
            count = asked;
        }
        List<String> links = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String token = QuestionnaireTokens.newToken();
            links.add(FORM_PATH + token);
            hashes.add(QuestionnaireTokens.hash(token));
        }
        IssueInvitations command = new IssueInvitations(questionnaireId, studyId, hashes, pseudonyms);
        commands.sendAndWait(command);
        if (pseudonyms == null) {
            return Responses.created(location(studyId, questionnaireId), consistency.afterWrite(),
                    new Links(links));
        }
        // each link with the pseudonym it carries, as stored (normalised), so that they can be handed out
        List<NamedLink> carrying = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            carrying.add(new NamedLink(command.pseudonyms().get(i), links.get(i)));
        }
        return Responses.created(location(studyId, questionnaireId), consistency.afterWrite(),
                new NamedLinks(carrying));
    }

    @PostMapping("/{questionnaireId}/close")
    public ResponseEntity<ClosedQuestionnaire> close(@PathVariable String studyId,
                                                     @PathVariable String questionnaireId) {
        access.write(studyId);
        commands.sendAndWait(new CloseQuestionnaire(questionnaireId, studyId));
        return Responses.written(consistency.afterWrite(), new ClosedQuestionnaire(questionnaireId, "closed"));
    }

    @GetMapping
    public Page<QuestionnaireDetails> list(@PathVariable String studyId,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size,
                                           @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        StudyFacts study = access.read(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        List<StoredQuestionnaire> all = queries.query(new QuestionnaireQueries.QuestionnairesQuery(studyId),
                ResponseTypes.multipleInstancesOf(StoredQuestionnaire.class)).join();
        return Responses.page(all, paging).map(q -> view(study, q, false));
    }

    @GetMapping("/{questionnaireId}")
    public QuestionnaireDetails get(@PathVariable String studyId, @PathVariable String questionnaireId,
                                    @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.read(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        // one opened a moment ago may not be in the read model yet: a 404 only once it has caught up with the log
        StoredQuestionnaire questionnaire = questionnaire(studyId, questionnaireId).orElseGet(() -> {
            consistency.awaitHead(List.of(StudiesCollections.PROCESSOR));
            return questionnaire(studyId, questionnaireId).orElseThrow(() -> new NotFoundException(
                    "questionnaire " + questionnaireId + " does not exist in study " + studyId));
        });
        return view(study, questionnaire, access.maySeePersonalData(study));
    }

    private Optional<StoredQuestionnaire> questionnaire(String studyId, String questionnaireId) {
        return queries.query(new QuestionnaireQueries.QuestionnaireQuery(studyId, questionnaireId),
                ResponseTypes.optionalInstanceOf(StoredQuestionnaire.class)).join();
    }

    /** Open unless closed by a researcher, by its wave, or by its closing date passing (in Helsinki). */
    static boolean isOpen(StudyFacts study, Document doc, LocalDate today) {
        return isOpen(study, doc.getString("waveId"), doc.getBoolean("closed", false), doc.getString("closesOn"),
                today);
    }

    private static boolean isOpen(StudyFacts study, String waveId, boolean closed, String closesOn,
                                  LocalDate today) {
        boolean waveClosed = study.wave(waveId).map(w -> w.closed()).orElse(true);
        return !closed && !waveClosed && (closesOn == null || !today.isAfter(LocalDate.parse(closesOn)));
    }

    private QuestionnaireDetails view(StudyFacts study, StoredQuestionnaire q, boolean attributes) {
        Map<String, Integer> byOrganisationType = null;
        Map<String, Integer> byActorLevel = null;
        if (attributes) {
            byOrganisationType = new TreeMap<>();
            byActorLevel = new TreeMap<>();
            for (String id : q.currentAnswers()) {
                Optional<SealedSelfAssessment> answer = queries.query(
                        new StudiesQueries.SelfAssessmentQuery(study.studyId(), id),
                        ResponseTypes.optionalInstanceOf(SealedSelfAssessment.class)).join();
                if (answer.isPresent()) {
                    var details = sealer.open(Sealing.fromDocument(answer.get().respondentDetails()),
                            RespondentDetails.class);
                    byOrganisationType.merge(details.map(d -> orUnknown(d.organisationType())).orElse(ERASED), 1,
                            Integer::sum);
                    byActorLevel.merge(details.map(d -> orUnknown(d.actorLevel())).orElse(ERASED), 1,
                            Integer::sum);
                }
            }
        }
        boolean open = isOpen(study, q.waveId(), q.closed(), q.closesOn(),
                LocalDate.now(clock.withZone(Questionnaire.HELSINKI)));
        return new QuestionnaireDetails(q.id(), q.waveId(), q.areaIds(), q.mode(), q.languages(), q.closesOn(),
                open ? "open" : "closed", q.askComments(), q.askOrganisationType(), q.askActorLevel(), q.intro(),
                q.privacyNotice(), q.noticeVersion(), q.openedAt(), q.invitations(), q.responses(),
                q.responsesByArea(), q.withdrawn(), byOrganisationType, byActorLevel, q.version());
    }

    private static String orUnknown(String code) {
        return code == null ? UNKNOWN : code;
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static String location(String studyId, String questionnaireId) {
        return "/api/v1/studies/" + studyId + "/questionnaires/" + questionnaireId;
    }
}
