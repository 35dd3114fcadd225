package fi.collabmaturity.api.questionnaire;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.Paging;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.projection.studies.QuestionnaireQueries;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
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
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final QuestionnaireQueries questionnaires;
    private final StudiesQueries studies;
    private final PersonalDataSealer sealer;
    private final ReadYourWrites consistency;
    private final Clock clock;

    public QuestionnaireController(CommandGateway commands, StudyAccess access, QuestionnaireQueries questionnaires,
                                   StudiesQueries studies, PersonalDataSealer sealer, ReadYourWrites consistency,
                                   Clock clock) {
        this.commands = commands;
        this.access = access;
        this.questionnaires = questionnaires;
        this.studies = studies;
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

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> open(@PathVariable String studyId,
                                                    @RequestBody NewQuestionnaire body) {
        access.write(studyId);
        String id = UUID.randomUUID().toString();
        String token = Questionnaire.OPEN.equals(body.mode()) ? QuestionnaireTokens.newToken() : null;
        commands.sendAndWait(new OpenQuestionnaire(id, studyId, body.areaIds(), body.waveId(), body.languages(),
                body.mode(), body.closesOn(), body.intro(), body.privacyNotice(), isTrue(body.askComments()),
                isTrue(body.askOrganisationType()), isTrue(body.askActorLevel()),
                token == null ? null : QuestionnaireTokens.hash(token)));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", id);
        created.put("url", token == null ? null : FORM_PATH + token);
        return Responses.created(location(studyId, id), consistency.afterWrite(), created);
    }

    @PostMapping(path = "/{questionnaireId}/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> invite(@PathVariable String studyId,
                                                      @PathVariable String questionnaireId,
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
                    Map.of("links", links));
        }
        // each link with the pseudonym it carries, as stored (normalised), so that they can be handed out
        List<Map<String, String>> carrying = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            carrying.add(Map.of("pseudonym", command.pseudonyms().get(i), "link", links.get(i)));
        }
        return Responses.created(location(studyId, questionnaireId), consistency.afterWrite(),
                Map.of("links", carrying));
    }

    @PostMapping("/{questionnaireId}/close")
    public ResponseEntity<Map<String, Object>> close(@PathVariable String studyId,
                                                     @PathVariable String questionnaireId) {
        access.write(studyId);
        commands.sendAndWait(new CloseQuestionnaire(questionnaireId, studyId));
        return Responses.written(consistency.afterWrite(), Map.of("id", questionnaireId, "state", "closed"));
    }

    @GetMapping
    public Map<String, Object> list(@PathVariable String studyId, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        StudyFacts study = access.read(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        List<Document> all = questionnaires.list(studyId);
        int from = (int) Math.min((long) paging.page() * paging.size(), all.size());
        int to = Math.min(all.size(), from + paging.size());
        return Responses.page(all.subList(from, to).stream().map(doc -> view(study, doc, false)).toList(),
                paging.page(), paging.size(), all.size());
    }

    @GetMapping("/{questionnaireId}")
    public Map<String, Object> get(@PathVariable String studyId, @PathVariable String questionnaireId,
                                   @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.read(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        // one opened a moment ago may not be in the read model yet: a 404 only once it has caught up with the log
        Document doc = questionnaires.get(studyId, questionnaireId).orElseGet(() -> {
            consistency.awaitHead(List.of(StudiesCollections.PROCESSOR));
            return questionnaires.get(studyId, questionnaireId).orElseThrow(() -> new NotFoundException(
                    "questionnaire " + questionnaireId + " does not exist in study " + studyId));
        });
        return view(study, doc, access.maySeePersonalData(study));
    }

    /** Open unless closed by a researcher, by its wave, or by its closing date passing (in Helsinki). */
    static boolean isOpen(StudyFacts study, Document doc, LocalDate today) {
        String closesOn = doc.getString("closesOn");
        boolean waveClosed = study.wave(doc.getString("waveId")).map(w -> w.closed()).orElse(true);
        return !doc.getBoolean("closed", false) && !waveClosed
                && (closesOn == null || !today.isAfter(LocalDate.parse(closesOn)));
    }

    private Map<String, Object> view(StudyFacts study, Document doc, boolean attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", doc.getString("questionnaireId"));
        out.put("waveId", doc.getString("waveId"));
        out.put("areaIds", doc.get("areaIds"));
        out.put("mode", doc.getString("mode"));
        out.put("languages", doc.get("languages"));
        out.put("closesOn", doc.getString("closesOn"));
        out.put("state", isOpen(study, doc, LocalDate.now(clock.withZone(Questionnaire.HELSINKI))) ? "open"
                : "closed");
        out.put("askComments", doc.getBoolean("askComments", false));
        out.put("askOrganisationType", doc.getBoolean("askOrganisationType", false));
        out.put("askActorLevel", doc.getBoolean("askActorLevel", false));
        out.put("intro", doc.get("intro"));
        out.put("privacyNotice", doc.get("privacyNotice"));
        out.put("noticeVersion", doc.getString("noticeVersion"));
        out.put("openedAt", doc.getString("openedAt"));
        out.put("invitations", doc.get("invitations"));
        out.put("responses", doc.get("responses"));
        out.put("responsesByArea", doc.get("responsesByArea"));
        out.put("withdrawn", doc.get("withdrawn"));
        if (attributes) {
            Map<String, Integer> byOrganisationType = new TreeMap<>();
            Map<String, Integer> byActorLevel = new TreeMap<>();
            for (String id : doc.getList("currentAnswers", String.class, List.of())) {
                studies.selfAssessment(study.studyId(), id).ifPresent(answer -> {
                    var details = sealer.open(Sealing.fromDocument(answer.get("respondentDetails")),
                            RespondentDetails.class);
                    String type = details.map(d -> orUnknown(d.organisationType())).orElse(ERASED);
                    String level = details.map(d -> orUnknown(d.actorLevel())).orElse(ERASED);
                    byOrganisationType.merge(type, 1, Integer::sum);
                    byActorLevel.merge(level, 1, Integer::sum);
                });
            }
            out.put("responsesByOrganisationType", byOrganisationType);
            out.put("responsesByActorLevel", byActorLevel);
        }
        out.put("version", doc.get("version"));
        return out;
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
