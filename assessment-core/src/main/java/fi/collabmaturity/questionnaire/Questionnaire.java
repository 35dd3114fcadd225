package fi.collabmaturity.questionnaire;

import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.RecordIds;
import fi.collabmaturity.shared.Validation;
import fi.collabmaturity.study.StudyFacts;
import fi.collabmaturity.study.Wave;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A questionnaire that respondents fill in themselves through a link: for which areas of which wave, in which
 * languages, under which privacy notice, through an open link or single-use invitations, and which answers came in
 * through it. It is closed by a researcher, by its closing date passing (in Helsinki) or by its wave closing.
 */
public class Questionnaire {

    public static final String OPEN = "open";
    public static final String INVITED = "invited";
    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    public static final int MAX_INVITATIONS = 1000;
    static final int MAX_NOTICE = 20_000;
    static final int MAX_INTRO = 10_000;

    @AggregateIdentifier
    private String aggregateId;
    private String questionnaireId;
    private String studyId;
    private List<String> areaIds;
    private String waveId;
    private List<String> languages;
    private String mode;
    private LocalDate closesOn;
    private String noticeVersion;
    private boolean askComments;
    private boolean askOrganisationType;
    private boolean askActorLevel;
    private String openLinkHash;
    private boolean closed;
    /** Each invitation's current answer: absent if it has not answered, {@link Used#NONE} once withdrawn. */
    private final Set<String> invitations = new HashSet<>();
    /** The pseudonyms invitations carry, sealed, by invitation hash; and the participants they are of. */
    private final Map<String, Sealed> invitedPseudonyms = new HashMap<>();
    private final Set<String> invitedParticipants = new HashSet<>();
    private final Map<String, Used> answerOfInvitation = new HashMap<>();
    private final Map<String, String> invitationOfAnswer = new HashMap<>();
    private final Map<String, String> answerOfCode = new HashMap<>();
    /** Each answer's link (the invitation's hash, or the open link's): a resent form is known by its id and link. */
    private final Map<String, String> linkOfAnswer = new HashMap<>();
    /** Answers no longer current: replaced by their invitation's later answer, or withdrawn by their respondent. */
    private final Set<String> notCurrent = new HashSet<>();
    /** The consent of the answer being recorded: ConsentGiven comes right before its QuestionnaireAnswered. */
    private Sealed lastConsent;

    /** An invitation's answer: the self-assessment and the consent it came with; both null once withdrawn. */
    record Used(String selfAssessmentId, Sealed consent) {
        static final Used NONE = new Used(null, null);
    }

    protected Questionnaire() {
        // for Axon
    }

    @CommandHandler
    public Questionnaire(OpenQuestionnaire command, StudyDirectory directory, Clock clock) {
        StudyFacts study = directory.study(command.studyId())
                .orElseThrow(() -> new NotFoundException("study " + command.studyId() + " does not exist"));
        Validation v = new Validation().identifier(command.questionnaireId(), "id")
                .notBlank(command.waveId(), "waveId")
                .require(OPEN.equals(command.mode()) || INVITED.equals(command.mode()), "mode",
                        "must be open or invited");
        List<String> areas = distinct(v, command.areaIds(), "areaIds", "must name at least one area");
        List<String> languages = distinct(v, command.languages(), "languages", "must name at least one language");
        for (int i = 0; i < languages.size(); i++) {
            v.require(QuestionnaireTokens.LANGUAGES.contains(languages.get(i)), "languages[" + i + "]",
                    "must be one of " + QuestionnaireTokens.LANGUAGES);
        }
        Map<String, String> notice = texts(v, command.privacyNotice(), "privacyNotice", languages, true, MAX_NOTICE);
        Map<String, String> intro = texts(v, command.intro(), "intro", languages, false, MAX_INTRO);
        if (command.closesOn() != null && command.closesOn().isBefore(LocalDate.now(clock.withZone(HELSINKI)))) {
            v.add("closesOn", "must not be in the past");
        }
        if (OPEN.equals(command.mode())) {
            v.require(QuestionnaireTokens.isHash(command.openLinkHash()), "openLinkHash",
                    "must be a sha-256 hex hash");
        } else {
            v.require(command.openLinkHash() == null, "openLinkHash", "an invited questionnaire has no open link");
        }
        v.throwIfInvalid();
        for (String areaId : areas) {
            if (!directory.areaExists(study.studyId(), areaId)) {
                throw new NotFoundException("area " + areaId + " does not exist in study " + study.studyId());
            }
        }
        Wave wave = study.wave(command.waveId()).orElseThrow(() -> new NotFoundException(
                "wave " + command.waveId() + " does not exist in study " + study.studyId()));
        if (wave.closed()) {
            throw new ConflictException("wave " + wave.waveId() + " is closed; reopen it to ask for answers");
        }
        if (directory.recordExists(RecordIds.questionnaire(study.studyId(), command.questionnaireId()))) {
            throw new ConflictException("a questionnaire with id " + command.questionnaireId() + " already exists");
        }
        apply(new QuestionnaireOpened(command.questionnaireId(), study.studyId(), areas, wave.waveId(), languages,
                command.mode(), command.closesOn(), intro, notice, QuestionnaireTokens.noticeVersion(notice),
                command.askComments(), command.askOrganisationType(), command.askActorLevel(),
                command.openLinkHash()));
    }

    private static List<String> distinct(Validation v, List<String> given, String field, String missing) {
        if (given == null || given.isEmpty()) {
            v.add(field, missing);
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            v.identifier(given.get(i), field + "[" + i + "]");
        }
        return given.stream().filter(java.util.Objects::nonNull).distinct().toList(); // a null is named above
    }

    /** Texts per language: only the questionnaire's languages, each non-blank if {@code required}. */
    private static Map<String, String> texts(Validation v, Map<String, String> given, String field,
                                             List<String> languages, boolean required, int max) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> texts = given == null ? Map.of() : given;
        for (String language : texts.keySet()) {
            if (!languages.contains(language)) {
                v.add(field + "." + language, "is not a language of this questionnaire");
            }
        }
        for (String language : languages) {
            if (!QuestionnaireTokens.LANGUAGES.contains(language)) {
                continue; // named as a bad language already
            }
            String text = texts.get(language);
            if (text == null || text.isBlank()) {
                v.require(!required, field + "." + language, "must not be blank");
            } else if (text.length() > max) {
                v.add(field + "." + language, "must be at most " + max + " characters");
            } else {
                out.put(language, text.strip());
            }
        }
        return out;
    }

    @CommandHandler
    public void handle(IssueInvitations command, StudyDirectory directory, Clock clock, PersonalDataSealer sealer) {
        ownStudy(command.studyId());
        if (!INVITED.equals(mode)) {
            throw new ConflictException("questionnaire " + questionnaireId + " has an open link, not invitations");
        }
        List<String> hashes = command.invitationHashes() == null ? List.of() : command.invitationHashes();
        List<String> pseudonyms = command.pseudonyms();
        String countField = pseudonyms == null ? "count" : "pseudonyms";
        Validation v = new Validation().require(!hashes.isEmpty() && hashes.size() <= MAX_INVITATIONS, countField,
                pseudonyms == null ? "must be from 1 to " + MAX_INVITATIONS
                        : "must name from 1 to " + MAX_INVITATIONS + " pseudonyms");
        for (String hash : hashes) {
            if (!QuestionnaireTokens.isHash(hash) || invitations.contains(hash)) {
                v.add("invitationHashes", "must be new sha-256 hex hashes");
                break;
            }
        }
        v.require(new HashSet<>(hashes).size() == hashes.size(), "invitationHashes", "must not repeat");
        if (pseudonyms != null) {
            v.require(pseudonyms.size() == hashes.size(), "invitationHashes", "must be one per pseudonym");
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < pseudonyms.size(); i++) {
                String field = "pseudonyms[" + i + "]";
                String pseudonym = pseudonyms.get(i);
                v.notBlank(pseudonym, field).maxLength(pseudonym, 100, field);
                if (pseudonym == null || pseudonym.isBlank()) {
                    continue;
                }
                Integer earlier = first.putIfAbsent(pseudonym, i);
                if (earlier != null) {
                    v.add(field, "repeats pseudonyms[" + earlier + "]");
                } else if (sealer.knownParticipant(studyId, pseudonym).filter(invitedParticipants::contains)
                        .isPresent()) {
                    v.add(field, "already has an invitation to this questionnaire");
                }
            }
        }
        v.throwIfInvalid();
        if (closedOn(directory.study(studyId).orElseThrow(), today(clock))) {
            throw new ConflictException("questionnaire " + questionnaireId + " is closed");
        }
        Map<String, Sealed> sealed = null;
        if (pseudonyms != null) {
            sealed = new LinkedHashMap<>();
            for (int i = 0; i < hashes.size(); i++) {
                sealed.put(hashes.get(i), sealer.seal(studyId, pseudonyms.get(i),
                        new InvitedPseudonym(pseudonyms.get(i))));
            }
        }
        apply(new InvitationsIssued(questionnaireId, studyId, List.copyOf(hashes), sealed));
    }

    @CommandHandler
    public void handle(CloseQuestionnaire command) {
        ownStudy(command.studyId());
        if (closed) {
            throw new ConflictException("questionnaire " + questionnaireId + " is already closed");
        }
        apply(new QuestionnaireClosed(questionnaireId, studyId));
    }

    private void ownStudy(String studyId) {
        if (!this.studyId.equals(studyId)) {
            throw new NotFoundException("questionnaire " + questionnaireId + " does not exist in study " + studyId);
        }
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(HELSINKI));
    }

    /** Whether it takes no answers on {@code today}: closed by a researcher, past its closing date, or its wave closed. */
    public boolean closedOn(StudyFacts study, LocalDate today) {
        return closed || closesOn != null && today.isAfter(closesOn)
                || study.wave(waveId).map(Wave::closed).orElse(true);
    }

    /**
     * What an answer through the link {@code linkHash} may be: refused unless the link is this questionnaire's, the
     * questionnaire takes answers, the respondent consented to the notice it shows now, and the answer is for one of
     * its areas in one of its languages with only what it asks. Records nothing.
     */
    Accepted accept(SubmitQuestionnaireAnswer command, StudyFacts study, LocalDate today) {
        String link = command.linkHash();
        boolean invitation = link != null && invitations.contains(link);
        if (!invitation && (link == null || !link.equals(openLinkHash))) {
            throw new QuestionnaireRefusedException(QuestionnaireRefusedException.UNKNOWN_LINK,
                    "this link opens no questionnaire");
        }
        // before the closing: a form resent after the questionnaire closed was still received
        if (command.selfAssessmentId() != null && link.equals(linkOfAnswer.get(command.selfAssessmentId()))) {
            throw new QuestionnaireRefusedException(QuestionnaireRefusedException.ALREADY_RECEIVED,
                    "the answer " + command.selfAssessmentId() + " was already received through this link");
        }
        if (closedOn(study, today)) {
            throw new QuestionnaireRefusedException(QuestionnaireRefusedException.CLOSED,
                    "questionnaire " + questionnaireId + " is closed");
        }
        if (!command.consent()) {
            throw new QuestionnaireRefusedException(QuestionnaireRefusedException.NO_CONSENT,
                    "answers are stored only with the respondent's consent");
        }
        if (!noticeVersion.equals(command.noticeVersion())) {
            throw new QuestionnaireRefusedException(QuestionnaireRefusedException.STALE_NOTICE,
                    "the privacy notice consented to is not the questionnaire's notice " + noticeVersion);
        }
        Used earlier = invitation ? answerOfInvitation.get(link) : null;
        if (earlier != null && earlier.selfAssessmentId() == null) {
            throw new QuestionnaireRefusedException(QuestionnaireRefusedException.USED_INVITATION,
                    "this invitation's answer was withdrawn; it takes no other");
        }
        Validation v = new Validation()
                .identifier(command.selfAssessmentId(), "id")
                .require(QuestionnaireTokens.isHash(command.withdrawalCodeHash()), "withdrawalCodeHash",
                        "must be a sha-256 hex hash")
                .require(command.language() != null && languages.contains(command.language()), "language",
                        "must be one of " + languages)
                .require(command.areaId() != null && areaIds.contains(command.areaId()), "areaId",
                        "must be one of " + areaIds)
                .require(askComments || command.comments() == null || command.comments().values().stream()
                        .allMatch(c -> c == null || c.isBlank()), "comments", "this questionnaire asks no comments")
                .require(askOrganisationType || command.organisationType() == null, "organisationType",
                        "this questionnaire does not ask for the organisation type")
                .require(askActorLevel || command.actorLevel() == null, "actorLevel",
                        "this questionnaire does not ask for the actor level");
        if (answerOfCode.containsKey(command.withdrawalCodeHash())) {
            v.add("withdrawalCodeHash", "must be new");
        }
        v.throwIfInvalid();
        return new Accepted(invitation, earlier == null ? null : earlier.selfAssessmentId(),
                earlier == null ? null : earlier.consent(), invitation ? invitedPseudonyms.get(link) : null, waveId);
    }

    /**
     * An answer that may be recorded: whether through an invitation, the invitation's current answer that it
     * replaces and that answer's consent (whose pseudonym the replacement keeps), the pseudonym the invitation
     * carries (sealed; null if it carries none) and the wave it is for.
     */
    record Accepted(boolean invitation, String replaces, Sealed earlierConsent, Sealed invitedPseudonym,
                    String waveId) {
    }

    /** Records the respondent's consent, sealed with their key; the answer it came with follows. */
    void consent(Sealed consent) {
        apply(new ConsentGiven(questionnaireId, studyId, consent.participant(), consent));
    }

    void answered(SubmitQuestionnaireAnswer command, String replaces) {
        String link = invitations.contains(command.linkHash()) ? command.linkHash() : null;
        apply(new QuestionnaireAnswered(questionnaireId, studyId, command.selfAssessmentId(), command.areaId(),
                waveId, link, command.withdrawalCodeHash(), replaces));
    }

    /** The current answer the withdrawal code with this hash was shown for; refused if none or no longer current. */
    String answerOfCode(String codeHash) {
        String answer = codeHash == null ? null : answerOfCode.get(codeHash);
        if (answer == null) {
            throw new QuestionnaireRefusedException(QuestionnaireRefusedException.UNKNOWN_CODE,
                    "this code opens no answer");
        }
        if (notCurrent.contains(answer)) {
            throw new QuestionnaireRefusedException(QuestionnaireRefusedException.ALREADY_WITHDRAWN,
                    "this code's answer is already withdrawn or replaced");
        }
        return answer;
    }

    void withdrawn(String selfAssessmentId) {
        apply(new QuestionnaireAnswerWithdrawn(questionnaireId, studyId, selfAssessmentId));
    }

    public String studyId() {
        return studyId;
    }

    public String waveId() {
        return waveId;
    }

    @EventSourcingHandler
    void on(QuestionnaireOpened e) {
        aggregateId = RecordIds.questionnaire(e.studyId(), e.questionnaireId());
        questionnaireId = e.questionnaireId();
        studyId = e.studyId();
        areaIds = List.copyOf(e.areaIds());
        waveId = e.waveId();
        languages = List.copyOf(e.languages());
        mode = e.mode();
        closesOn = e.closesOn();
        noticeVersion = e.noticeVersion();
        askComments = e.askComments();
        askOrganisationType = e.askOrganisationType();
        askActorLevel = e.askActorLevel();
        openLinkHash = e.openLinkHash();
    }

    @EventSourcingHandler
    void on(InvitationsIssued e) {
        invitations.addAll(e.invitationHashes());
        if (e.pseudonyms() != null) {
            invitedPseudonyms.putAll(e.pseudonyms());
            e.pseudonyms().values().forEach(p -> invitedParticipants.add(p.participant()));
        }
    }

    @EventSourcingHandler
    void on(QuestionnaireClosed e) {
        closed = true;
    }

    @EventSourcingHandler
    void on(ConsentGiven e) {
        lastConsent = e.consent();
    }

    @EventSourcingHandler
    void on(QuestionnaireAnswered e) {
        answerOfCode.put(e.withdrawalCodeHash(), e.selfAssessmentId());
        linkOfAnswer.put(e.selfAssessmentId(), e.invitationHash() != null ? e.invitationHash() : openLinkHash);
        if (e.replaces() != null) {
            notCurrent.add(e.replaces());
        }
        if (e.invitationHash() != null) {
            answerOfInvitation.put(e.invitationHash(), new Used(e.selfAssessmentId(), lastConsent));
            invitationOfAnswer.put(e.selfAssessmentId(), e.invitationHash());
        }
        lastConsent = null;
    }

    @EventSourcingHandler
    void on(QuestionnaireAnswerWithdrawn e) {
        notCurrent.add(e.selfAssessmentId());
        String invitation = invitationOfAnswer.get(e.selfAssessmentId());
        if (invitation != null && e.selfAssessmentId().equals(answerOfInvitation.get(invitation).selfAssessmentId())) {
            answerOfInvitation.put(invitation, Used.NONE);
        }
    }
}
