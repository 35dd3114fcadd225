package fi.collabmaturity.questionnaire;

import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.participant.Participant;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.selfassessment.DuplicateAnswerException;
import fi.collabmaturity.selfassessment.RespondentKind;
import fi.collabmaturity.selfassessment.RespondentSlots;
import fi.collabmaturity.selfassessment.SelfAssessment;
import fi.collabmaturity.selfassessment.SubmitSelfAssessment;
import fi.collabmaturity.selfassessment.WithdrawSelfAssessment;
import fi.collabmaturity.shared.FieldError;
import fi.collabmaturity.shared.InvalidInputException;
import fi.collabmaturity.shared.RecordIds;
import fi.collabmaturity.shared.Validation;
import fi.collabmaturity.study.StudyFacts;
import fi.collabmaturity.study.Wave;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.time.Clock;

/**
 * Answers and withdrawals through a questionnaire's links. Each is one unit of work over the questionnaire and the
 * self-assessment, so that the consent, the self-assessment (the same {@code SelfAssessmentSubmitted} as the API's,
 * by the same rules) and what the questionnaire remembers of it are appended together or not at all.
 */
public class QuestionnaireAnswers {

    /** The reason recorded on a self-assessment its respondent withdrew with their code. */
    public static final String WITHDRAWN_BY_RESPONDENT = "withdrawn by the respondent";

    private final Repository<Questionnaire> questionnaires;
    private final Repository<SelfAssessment> selfAssessments;
    private final StudyDirectory directory;
    private final FrameworkCatalog frameworks;
    private final PersonalDataSealer sealer;
    private final RespondentSlots slots;
    private final Clock clock;

    public QuestionnaireAnswers(Repository<Questionnaire> questionnaires, Repository<SelfAssessment> selfAssessments,
                                StudyDirectory directory, FrameworkCatalog frameworks, PersonalDataSealer sealer,
                                RespondentSlots slots, Clock clock) {
        this.questionnaires = questionnaires;
        this.selfAssessments = selfAssessments;
        this.directory = directory;
        this.frameworks = frameworks;
        this.sealer = sealer;
        this.slots = slots;
        this.clock = clock;
    }

    @CommandHandler
    public QuestionnaireReceipt handle(SubmitQuestionnaireAnswer command) throws Exception {
        Aggregate<Questionnaire> questionnaire = load(command.studyId(), command.questionnaireId(),
                QuestionnaireRefusedException.UNKNOWN_LINK);
        StudyFacts study = directory.study(command.studyId()).orElseThrow();
        Questionnaire.Accepted accepted = questionnaire.invoke(q -> q.accept(command, study,
                Questionnaire.today(clock)));
        String pseudonym = accepted.earlierConsent() != null ? pseudonymOf(accepted.earlierConsent())
                : accepted.invitedPseudonym() != null ? invitedPseudonym(accepted.invitedPseudonym())
                : QuestionnaireTokens.newPseudonym();
        // an earlier answer a researcher has withdrawn is no longer there to replace; its respondent answers anew
        String replaces = accepted.replaces() != null && selfAssessments.load(
                RecordIds.selfAssessment(command.studyId(), accepted.replaces())).invoke(SelfAssessment::withdrawn)
                ? null : accepted.replaces();
        SubmitSelfAssessment submission = new SubmitSelfAssessment(command.selfAssessmentId(), command.studyId(),
                command.areaId(), accepted.waveId(),
                new Participant(pseudonym, command.organisationType(), command.actorLevel()),
                RespondentKind.ONE_PERSON, command.answers(), command.comments(), replaces);
        // the content is checked before anything is sealed: a refused answer leaves not even a key behind
        Validation v = new Validation();
        SelfAssessment.check(v, submission, study.framework(frameworks), true);
        try {
            v.throwIfInvalid();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream().map(QuestionnaireAnswers::asSent).toList());
        }
        Sealed consent = sealer.seal(command.studyId(), pseudonym,
                new ConsentDetails(command.noticeVersion(), command.language(), pseudonym));
        questionnaire.execute(q -> q.consent(consent));
        try {
            selfAssessments.newInstance(() -> new SelfAssessment(submission, true, directory, frameworks, sealer,
                    slots));
        } catch (DuplicateAnswerException e) {
            // an invitation's pseudonym whose participant has an answer of this area and wave already (typed in
            // through the API, say): the form does not replace it, nor say which it is
            throw new QuestionnaireRefusedException(QuestionnaireRefusedException.ALREADY_ANSWERED,
                    "this respondent already has an answer for area " + command.areaId() + " in this wave");
        }
        questionnaire.execute(q -> q.answered(command, replaces));
        return new QuestionnaireReceipt(command.selfAssessmentId(), replaces);
    }

    /** The pseudonym the invitation's earlier answer was given; refused once that respondent has been erased. */
    private String pseudonymOf(Sealed earlierConsent) {
        return sealer.open(earlierConsent, ConsentDetails.class).map(ConsentDetails::pseudonym)
                .orElseThrow(() -> new QuestionnaireRefusedException(QuestionnaireRefusedException.USED_INVITATION,
                        "this invitation's respondent has been erased; it takes no other answer"));
    }

    /**
     * The pseudonym the invitation carries; refused once that participant has been erased: their personal link
     * answers for them, and after their erasure it takes no answer, neither as them nor as someone new.
     */
    private String invitedPseudonym(Sealed invited) {
        return sealer.open(invited, InvitedPseudonym.class).map(InvitedPseudonym::pseudonym)
                .orElseThrow(() -> new QuestionnaireRefusedException(QuestionnaireRefusedException.USED_INVITATION,
                        "this invitation's respondent has been erased; it takes no answer"));
    }

    /** A field as the form names it: the respondent's attributes are its own fields there. */
    private static FieldError asSent(FieldError error) {
        String field = error.field().startsWith("respondent.") ? error.field().substring("respondent.".length())
                : error.field();
        return new FieldError(field, error.message());
    }

    @CommandHandler
    public void handle(WithdrawQuestionnaireAnswer command) {
        Aggregate<Questionnaire> questionnaire = load(command.studyId(), command.questionnaireId(),
                QuestionnaireRefusedException.UNKNOWN_CODE);
        String selfAssessmentId = questionnaire.invoke(q -> q.answerOfCode(command.withdrawalCodeHash()));
        Aggregate<SelfAssessment> answer = selfAssessments.load(
                RecordIds.selfAssessment(command.studyId(), selfAssessmentId));
        if (answer.invoke(SelfAssessment::withdrawn)) {
            throw new QuestionnaireRefusedException(QuestionnaireRefusedException.ALREADY_WITHDRAWN,
                    "this code's answer is already withdrawn");
        }
        StudyFacts study = directory.study(command.studyId()).orElseThrow();
        String waveId = questionnaire.invoke(Questionnaire::waveId);
        if (study.wave(waveId).map(Wave::closed).orElse(true)) {
            // the self-assessment rules change no answer of a closed wave; the erasure endpoint still erases
            throw new QuestionnaireRefusedException(QuestionnaireRefusedException.CLOSED,
                    "wave " + waveId + " is closed; its answers can no longer be withdrawn, only erased");
        }
        answer.execute(a -> a.handle(new WithdrawSelfAssessment(selfAssessmentId, command.studyId(),
                WITHDRAWN_BY_RESPONDENT), directory, slots));
        questionnaire.execute(q -> q.withdrawn(selfAssessmentId));
    }

    private Aggregate<Questionnaire> load(String studyId, String questionnaireId, String refusal) {
        if (studyId == null || questionnaireId == null) {
            throw new QuestionnaireRefusedException(refusal, "no such questionnaire");
        }
        try {
            return questionnaires.load(RecordIds.questionnaire(studyId, questionnaireId));
        } catch (AggregateNotFoundException e) {
            throw new QuestionnaireRefusedException(refusal, "no such questionnaire");
        }
    }
}
