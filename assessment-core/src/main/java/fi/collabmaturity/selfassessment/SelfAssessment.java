package fi.collabmaturity.selfassessment;

import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.participant.ParticipantRules;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.RecordIds;
import fi.collabmaturity.shared.Validation;
import fi.collabmaturity.study.StudyFacts;
import fi.collabmaturity.study.Wave;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One respondent's self-assessment of one area in one wave. */
public class SelfAssessment {

    static final int MAX_COMMENT = 4000;
    /** The reason recorded when an answer is withdrawn because another takes its place, followed by that one's id. */
    public static final String REPLACED_BY = "replaced by self-assessment ";

    @AggregateIdentifier
    private String aggregateId;
    private String selfAssessmentId;
    private String studyId;
    private String areaId;
    private String waveId;
    private String respondent;
    private boolean withdrawn;

    protected SelfAssessment() {
        // for Axon
    }

    @CommandHandler
    public SelfAssessment(SubmitSelfAssessment command, StudyDirectory directory, FrameworkCatalog frameworks,
                          PersonalDataSealer sealer, RespondentSlots slots) {
        this(command, false, directory, frameworks, sealer, slots);
    }

    /**
     * A submission by the rules above, except that with {@code attributesOptional} the respondent's organisation
     * type and actor level may be missing (a questionnaire that does not ask them, or a respondent who cannot say);
     * given, they must still be codes.
     */
    public SelfAssessment(SubmitSelfAssessment command, boolean attributesOptional, StudyDirectory directory,
                          FrameworkCatalog frameworks, PersonalDataSealer sealer, RespondentSlots slots) {
        StudyFacts study = directory.study(command.studyId())
                .orElseThrow(() -> new NotFoundException("study " + command.studyId() + " does not exist"));
        Framework framework = study.framework(frameworks);
        Validation v = new Validation();
        Content content = checkContent(v, command, framework, attributesOptional);
        v.throwIfInvalid();
        Map<String, BigDecimal> answers = content.answers();
        Map<String, String> comments = content.comments();
        if (!directory.areaExists(study.studyId(), command.areaId())) {
            throw new NotFoundException("area " + command.areaId() + " does not exist in study " + study.studyId());
        }
        if (directory.recordExists(RecordIds.selfAssessment(study.studyId(), command.selfAssessmentId()))) {
            throw new ConflictException("a record with id " + command.selfAssessmentId() + " already exists");
        }
        openWave(study, command.waveId());
        RespondentKind kind = content.kind();
        RespondentDetails details = new RespondentDetails(command.respondent().pseudonym(),
                command.respondent().organisationType(), command.respondent().actorLevel(), kind.kind(),
                kind.groupSize(), comments);
        var sealed = sealer.seal(study.studyId(), details.pseudonym(), details);
        // one answer per respondent, area and wave: refused here if they have answered and do not say it replaces
        slots.take(study.studyId(), command.areaId(), command.waveId(), sealed.participant(),
                command.selfAssessmentId(), command.replaces());
        apply(new SelfAssessmentSubmitted(command.selfAssessmentId(), study.studyId(), command.areaId(),
                command.waveId(), sealed.participant(), sealed, answers));
    }

    /**
     * The answers and comments of a submission that passed {@link #checkContent}, in framework order, and what kind
     * of respondent gave them.
     */
    record Content(Map<String, BigDecimal> answers, Map<String, String> comments, RespondentKind kind) {
    }

    /**
     * The rules on a submission's own content (identifier, respondent and its kind, answers, comments), collected into
     * {@code v}; shared by a single submission and a spreadsheet import so that both refuse exactly the same.
     */
    static Content checkContent(Validation v, SubmitSelfAssessment command, Framework framework) {
        return checkContent(v, command, framework, false);
    }

    /**
     * Checks a submission's own content as {@link #SelfAssessment(SubmitSelfAssessment, boolean, StudyDirectory,
     * FrameworkCatalog, PersonalDataSealer, RespondentSlots)} will, into {@code v}, before anything is sealed.
     */
    public static void check(Validation v, SubmitSelfAssessment command, Framework framework,
                             boolean attributesOptional) {
        checkContent(v, command, framework, attributesOptional);
    }

    private static Content checkContent(Validation v, SubmitSelfAssessment command, Framework framework,
                                        boolean attributesOptional) {
        v.identifier(command.selfAssessmentId(), "id")
                .notBlank(command.areaId(), "areaId")
                .notBlank(command.waveId(), "waveId");
        if (command.replaces() != null) {
            v.identifier(command.replaces(), "replaces");
        }
        if (attributesOptional) {
            ParticipantRules.checkOptionalAttributes(v, command.respondent(), "respondent");
        } else {
            ParticipantRules.check(v, command.respondent(), "respondent");
        }
        RespondentKind.check(v, command.respondentKind(), "respondent");
        RespondentKind kind = command.respondentKind() == null ? RespondentKind.ONE_PERSON : command.respondentKind();
        return new Content(checkAnswers(v, command.answers(), framework),
                checkComments(v, command.comments(), framework), kind);
    }

    /** Answers in framework order; every key a dimension, every value on the scale. */
    private static Map<String, BigDecimal> checkAnswers(Validation v, Map<String, BigDecimal> given,
                                                        Framework framework) {
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        if (given == null || given.isEmpty()) {
            v.add("answers", "must answer at least one dimension");
            return ordered;
        }
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(given).entrySet()) {
            String field = "answers." + e.getKey();
            if (!framework.hasDimension(e.getKey())) {
                v.add(field, "is not a dimension of " + framework.id());
            } else if (!framework.scale().accepts(e.getValue())) {
                v.add(field, "must be from " + framework.scale().min() + " to " + framework.scale().max()
                        + " in steps of " + framework.scale().step());
            }
        }
        for (Dimension d : framework.dimensions()) {
            BigDecimal value = given.get(d.code());
            if (value != null && framework.scale().accepts(value)) { // off-scale values were named above
                ordered.put(d.code(), value.setScale(1, RoundingMode.UNNECESSARY)); // on the scale, so exact
            }
        }
        return ordered;
    }

    private static Map<String, String> checkComments(Validation v, Map<String, String> given, Framework framework) {
        Map<String, String> ordered = new LinkedHashMap<>();
        if (given == null) {
            return ordered;
        }
        for (Map.Entry<String, String> e : new TreeMap<>(given).entrySet()) {
            String field = "comments." + e.getKey();
            if (!framework.hasDimension(e.getKey())) {
                v.add(field, "is not a dimension of " + framework.id());
            } else {
                v.maxLength(e.getValue(), MAX_COMMENT, field);
            }
        }
        for (Dimension d : framework.dimensions()) {
            String comment = given.get(d.code());
            if (comment != null && !comment.isBlank()) {
                ordered.put(d.code(), comment.strip());
            }
        }
        return ordered;
    }

    private static Wave openWave(StudyFacts study, String waveId) {
        Wave wave = study.wave(waveId).orElseThrow(
                () -> new NotFoundException("wave " + waveId + " does not exist in study " + study.studyId()));
        if (wave.closed()) {
            throw new ConflictException("wave " + waveId + " is closed; reopen it to change it");
        }
        return wave;
    }

    @CommandHandler
    public void handle(WithdrawSelfAssessment command, StudyDirectory directory, RespondentSlots slots) {
        if (!studyId.equals(command.studyId())) {
            throw new NotFoundException("self-assessment " + command.selfAssessmentId() + " does not exist in study "
                    + command.studyId());
        }
        new Validation().notBlank(command.reason(), "reason").maxLength(command.reason(), 2000, "reason")
                .throwIfInvalid();
        if (withdrawn) {
            throw new ConflictException("self-assessment " + selfAssessmentId + " is already withdrawn");
        }
        openWave(directory.study(studyId).orElseThrow(), waveId);
        apply(new SelfAssessmentWithdrawn(selfAssessmentId, studyId, areaId, waveId, command.reason().strip()));
        slots.free(studyId, areaId, waveId, respondent, selfAssessmentId);
    }

    /**
     * Withdraws this answer because {@code replacement}, by the same respondent for the same area and wave, takes
     * its place; the reason recorded names the replacement.
     */
    void replaceBy(String replacement, String areaId, String waveId, String respondent) {
        if (!this.areaId.equals(areaId) || !this.waveId.equals(waveId) || !this.respondent.equals(respondent)) {
            throw new ConflictException("self-assessment " + selfAssessmentId + " (replaces) is not this "
                    + "respondent's answer for area " + areaId + " in wave " + waveId);
        }
        if (withdrawn) {
            throw new ConflictException("self-assessment " + selfAssessmentId + " (replaces) is withdrawn; "
                    + "there is no answer to replace");
        }
        apply(new SelfAssessmentWithdrawn(selfAssessmentId, studyId, this.areaId, this.waveId,
                REPLACED_BY + replacement));
    }

    /** Whether this answer is withdrawn (by a researcher, its replacement or its respondent). */
    public boolean withdrawn() {
        return withdrawn;
    }

    @EventSourcingHandler
    void on(SelfAssessmentSubmitted event) {
        aggregateId = RecordIds.selfAssessment(event.studyId(), event.selfAssessmentId());
        selfAssessmentId = event.selfAssessmentId();
        studyId = event.studyId();
        areaId = event.areaId();
        waveId = event.waveId();
        respondent = event.respondent();
    }

    @EventSourcingHandler
    void on(SelfAssessmentWithdrawn event) {
        withdrawn = true;
    }
}
