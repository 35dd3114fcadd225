package fi.collabmaturity.api.questionnaire;

import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.projection.studies.QuestionnaireQueries;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.projection.support.Sealing;
import fi.collabmaturity.questionnaire.Questionnaire;
import fi.collabmaturity.questionnaire.QuestionnaireReceipt;
import fi.collabmaturity.questionnaire.QuestionnaireRefusedException;
import fi.collabmaturity.questionnaire.QuestionnaireTokens;
import fi.collabmaturity.questionnaire.SubmitQuestionnaireAnswer;
import fi.collabmaturity.questionnaire.WithdrawQuestionnaireAnswer;
import fi.collabmaturity.selfassessment.RespondentDetails;
import fi.collabmaturity.shared.FieldError;
import fi.collabmaturity.shared.InvalidInputException;
import fi.collabmaturity.study.StudyFacts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/**
 * The questionnaires as the public form sees them. Links and codes are found in the studies read model by their
 * hash; one not found there may be newer than the read model (a link issued a moment ago), so the read model is
 * waited for up to the event log's head and asked once more. Answers and withdrawals go through the command bus,
 * where the rules decide (the read model is never trusted for them).
 */
@Service
public class QuestionnaireFormService implements QuestionnaireForms {

    private static final List<String> PROCESSORS = List.of(StudiesCollections.PROCESSOR);
    /** A submission id as the form generates it: a random (version 4) UUID in {@link UUID#toString()}'s form. */
    public static final Pattern SUBMISSION_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private final CommandGateway commands;
    private final QuestionnaireQueries questionnaires;
    private final StudiesQueries studies;
    private final StudyDirectory directory;
    private final PersonalDataSealer sealer;
    private final ReadYourWrites consistency;
    private final Clock clock;

    public QuestionnaireFormService(CommandGateway commands, QuestionnaireQueries questionnaires,
                                    StudiesQueries studies, StudyDirectory directory, PersonalDataSealer sealer,
                                    ReadYourWrites consistency, Clock clock) {
        this.commands = commands;
        this.questionnaires = questionnaires;
        this.studies = studies;
        this.directory = directory;
        this.sealer = sealer;
        this.consistency = consistency;
        this.clock = clock;
    }

    @Override
    public Optional<Form> open(String token) {
        Optional<Document> link = link(token);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        String studyId = link.get().getString("studyId");
        Optional<Document> found = questionnaires.get(studyId, link.get().getString("questionnaireId"));
        Optional<StudyFacts> study = directory.study(studyId);
        if (found.isEmpty() || study.isEmpty()) {
            return Optional.empty();
        }
        Document doc = found.get();
        Map<String, String> areaNames = new LinkedHashMap<>();
        List<String> areaIds = doc.getList("areaIds", String.class, List.of());
        for (String areaId : areaIds) {
            areaNames.put(areaId, studies.area(studyId, areaId).map(a -> a.getString("name")).orElse(areaId));
        }
        boolean invitation = link.get().getBoolean("invitation", false);
        if (invitation) {
            // its answer may have been sent a moment ago: the review shows it, not the one before
            consistency.awaitHead(PROCESSORS);
            link = questionnaires.link(link.get().getString("_id"));
        }
        Optional<Previous> previous = invitation ? link.flatMap(l -> previous(studyId, l.getString("answer")))
                : Optional.empty();
        return Optional.of(new Form(studyId, doc.getString("questionnaireId"), doc.getString("waveId"), areaIds,
                areaNames, doc.getList("languages", String.class, List.of()),
                QuestionnaireController.isOpen(study.get(), doc, LocalDate.now(clock.withZone(Questionnaire.HELSINKI))),
                invitation, texts(doc.get("intro")), texts(doc.get("privacyNotice")), doc.getString("noticeVersion"),
                doc.getBoolean("askComments", false), doc.getBoolean("askOrganisationType", false),
                doc.getBoolean("askActorLevel", false), study.get().frameworkId(), study.get().frameworkVersion(),
                previous));
    }

    /** What the invitation answered last, for review; empty if it has no current answer or it was erased. */
    private Optional<Previous> previous(String studyId, String selfAssessmentId) {
        if (selfAssessmentId == null) {
            return Optional.empty();
        }
        return studies.selfAssessment(studyId, selfAssessmentId).filter(d -> !d.getBoolean("withdrawn", false))
                .flatMap(answer -> sealer.open(Sealing.fromDocument(answer.get("respondentDetails")),
                        RespondentDetails.class).map(details -> {
                    Map<String, BigDecimal> answers = new LinkedHashMap<>();
                    answer.get("answers", new Document()).forEach((dimension, value) ->
                            answers.put(dimension, BigDecimal.valueOf(((Number) value).doubleValue())));
                    return new Previous(answer.getString("areaId"), answers,
                            details.comments() == null ? Map.of() : details.comments(), details.organisationType(),
                            details.actorLevel());
                }));
    }

    @Override
    public Receipt submit(String token, Submission submission) {
        Document link = link(token).orElseThrow(() -> new Refused(QuestionnaireRefusedException.UNKNOWN_LINK,
                "this link opens no questionnaire"));
        if (submission == null) {
            throw new Refused("invalid", "no answer was sent", Map.of("answers", "must answer at least one dimension"));
        }
        if (submission.submissionId() == null || !SUBMISSION_ID.matcher(submission.submissionId()).matches()) {
            throw new Refused("invalid", "the form's submission id is missing or malformed",
                    Map.of("submissionId", "must be the id the form was given"));
        }
        String selfAssessmentId = submission.submissionId();
        String code = QuestionnaireTokens.newToken();
        QuestionnaireReceipt receipt = refusedAsForm(() -> commands.sendAndWait(new SubmitQuestionnaireAnswer(
                link.getString("studyId"), link.getString("questionnaireId"), link.getString("_id"),
                selfAssessmentId, QuestionnaireTokens.hash(code), submission.consent(), submission.noticeVersion(),
                submission.language(), submission.areaId(), submission.answers(), submission.comments(),
                blankAsNull(submission.organisationType()), blankAsNull(submission.actorLevel()))));
        return new Receipt(receipt.selfAssessmentId(), code, receipt.replaced() != null);
    }

    @Override
    public void withdraw(String withdrawalCode) {
        String hash = QuestionnaireTokens.hash(withdrawalCode);
        Document code = find(() -> questionnaires.withdrawalCode(hash)).orElseThrow(() -> new Refused(
                QuestionnaireRefusedException.UNKNOWN_CODE, "this code opens no answer"));
        refusedAsForm(() -> commands.sendAndWait(new WithdrawQuestionnaireAnswer(code.getString("studyId"),
                code.getString("questionnaireId"), hash)));
    }

    private Optional<Document> link(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = QuestionnaireTokens.hash(token);
        return find(() -> questionnaires.link(hash));
    }

    /** Asks the read model, and once more after it has caught up with the log if it did not know the answer. */
    private <T> Optional<T> find(Supplier<Optional<T>> lookup) {
        Optional<T> found = lookup.get();
        if (found.isPresent()) {
            return found;
        }
        consistency.awaitHead(PROCESSORS);
        return lookup.get();
    }

    private static <T> T refusedAsForm(Supplier<T> command) {
        try {
            return command.get();
        } catch (QuestionnaireRefusedException e) {
            throw new Refused(e.reason(), e.getMessage());
        } catch (InvalidInputException e) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (FieldError error : e.errors()) {
                fields.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
            }
            throw new Refused("invalid", e.getMessage(), fields);
        }
    }

    private static Map<String, String> texts(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Document doc) {
            doc.forEach((language, text) -> out.put(language, (String) text));
        }
        return out;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
