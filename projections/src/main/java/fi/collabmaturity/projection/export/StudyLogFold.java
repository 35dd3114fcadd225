package fi.collabmaturity.projection.export;

import fi.collabmaturity.area.AreaRegistered;
import fi.collabmaturity.area.TargetProfileSet;
import fi.collabmaturity.area.TargetProfileSetting;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.interview.Excerpt;
import fi.collabmaturity.interview.FindingRecoded;
import fi.collabmaturity.interview.FindingRecorded;
import fi.collabmaturity.interview.FindingWithdrawn;
import fi.collabmaturity.interview.InformantDetails;
import fi.collabmaturity.interview.InterviewRecorded;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.questionnaire.QuestionnaireAnswered;
import fi.collabmaturity.reference.InterfaceTheme;
import fi.collabmaturity.reference.InterfaceThemeAdded;
import fi.collabmaturity.reference.InterfaceThemeCatalog;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.selfassessment.CollectionMode;
import fi.collabmaturity.selfassessment.RespondentDetails;
import fi.collabmaturity.selfassessment.SelfAssessmentSubmitted;
import fi.collabmaturity.selfassessment.SelfAssessmentWithdrawn;
import fi.collabmaturity.scoring.ScoringPolicy;
import fi.collabmaturity.study.ScoringPolicySet;
import fi.collabmaturity.study.StudyCreated;
import fi.collabmaturity.study.StudyFacts;
import fi.collabmaturity.study.StudyFrameworkUpgraded;
import fi.collabmaturity.study.WaveClosed;
import fi.collabmaturity.study.WaveCreated;
import fi.collabmaturity.study.WaveReopened;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds the event log, in log order, into what one study's export needs. It reads the events themselves, never a
 * read model, so a projection replay cannot change an export. The state is compact: answers as one array per
 * self-assessment, personal data opened once and kept as the few strings the tables show, withdrawn records
 * dropped as soon as they are withdrawn, recodings replacing the coding they change.
 */
public final class StudyLogFold {

    /** The events the fold reads; a reader may skip every other event without deserialising it. */
    public static final Set<Class<?>> EVENT_TYPES = Set.of(StudyCreated.class, ScoringPolicySet.class,
            StudyFrameworkUpgraded.class, WaveCreated.class, WaveClosed.class,
            WaveReopened.class, AreaRegistered.class, TargetProfileSet.class, InterviewRecorded.class,
            FindingRecorded.class, FindingRecoded.class, FindingWithdrawn.class, SelfAssessmentSubmitted.class,
            SelfAssessmentWithdrawn.class, InterfaceThemeAdded.class, QuestionnaireAnswered.class);

    /** The events whose metadata the fold reads (a reader may leave every other event's metadata unread). */
    public static final Set<Class<?>> META_DATA_TYPES = Set.of(SelfAssessmentSubmitted.class);

    private final String studyId;
    private final ExportOptions options;
    private final PersonalDataSealer sealer;
    private final FrameworkCatalog frameworks;
    private final RegionCatalog regions;

    private StudyRecord study;
    private Framework framework;
    private final Map<String, WaveRecord> waves = new HashMap<>();
    private final Map<String, AreaRecord> areas = new HashMap<>();
    private final Map<String, InterviewRecord> interviews = new HashMap<>();
    private final Map<FindingKey, FindingRecord> findings = new HashMap<>();
    private final Map<String, SelfAssessmentRecord> selfAssessments = new HashMap<>();
    /**
     * The questionnaire of each self-assessment sent through one; kept apart because the questionnaire's event may
     * come before or after the self-assessment's in their unit of work.
     */
    private final Map<String, String> questionnaireOf = new HashMap<>();
    private final Map<String, InterfaceTheme> addedThemes = new LinkedHashMap<>();
    /** One instance per distinct person, so that 40 answers of one respondent share their strings. */
    private final Map<PersonAttributes, PersonAttributes> people = new HashMap<>();
    /**
     * One instance per distinct id or code of few values (areas, waves, interviews, findings and segments within
     * their interview, dimensions, coders, codes): each
     * event arrives with strings of its own, and at the national scale those copies alone were a fifth of the heap
     * an export at -Xmx128m had.
     */
    private final Map<String, String> shared = new HashMap<>();

    public StudyLogFold(String studyId, ExportOptions options, PersonalDataSealer sealer, FrameworkCatalog frameworks,
                        RegionCatalog regions) {
        this.studyId = studyId;
        this.options = options;
        this.sealer = sealer;
        this.frameworks = frameworks;
        this.regions = regions;
    }

    /** Applies one event of the log that carries no metadata the fold reads. */
    public void apply(Object event) {
        apply(event, Map.of());
    }

    /**
     * Applies one event of the log with its metadata (needed only for {@link #META_DATA_TYPES}); events of other
     * studies and of other kinds change nothing.
     */
    public void apply(Object event, Map<String, ?> metaData) {
        if (event instanceof InterfaceThemeAdded e) {
            addedThemes.putIfAbsent(e.code(), new InterfaceTheme(e.code(), e.names()));
        } else if (event instanceof StudyCreated e) {
            if (studyId.equals(e.studyId())) {
                study = new StudyRecord(e.studyId(), e.title(), e.description(), e.frameworkId(),
                        e.frameworkVersion(), ScoringPolicy.DEFAULT);
                framework = frameworks.get(e.frameworkId(), e.frameworkVersion());
            }
        } else if (study != null) {
            applyToStudy(event, metaData);
        }
    }

    private void applyToStudy(Object event, Map<String, ?> metaData) {
        if (event instanceof ScoringPolicySet e && mine(e.studyId())) {
            study = study.withPolicy(StudyFacts.policyOf(e));
        } else if (event instanceof StudyFrameworkUpgraded e && mine(e.studyId())) {
            // the scores are computed with the version in force at the export's point
            framework = frameworks.get(e.frameworkId(), e.toVersion());
        } else if (event instanceof WaveCreated e && mine(e.studyId())) {
            waves.put(e.waveId(), new WaveRecord(e.waveId(), e.label(), e.opensOn(), e.closesOn(), false));
        } else if (event instanceof WaveClosed e && mine(e.studyId())) {
            waves.computeIfPresent(e.waveId(), (id, w) -> w.closed(true));
        } else if (event instanceof WaveReopened e && mine(e.studyId())) {
            waves.computeIfPresent(e.waveId(), (id, w) -> w.closed(false));
        } else if (event instanceof AreaRegistered e && mine(e.studyId())) {
            Map<String, Integer> target = e.targetProfile() == null ? Map.of() : e.targetProfile();
            areas.put(e.areaId(), new AreaRecord(e.areaId(), e.name(), e.regionCode(), e.interfaceTheme(),
                    e.parties() == null ? List.of() : e.parties(), target,
                    List.of(new TargetProfileSetting(null, target, null, true))));
        } else if (event instanceof TargetProfileSet e && mine(e.studyId())) {
            areas.computeIfPresent(e.areaId(), (id, a) -> a.withTargetProfile(
                    new TargetProfileSetting(e.fromWaveId(), e.targetProfile(), e.rationale(), false)));
        } else if (event instanceof InterviewRecorded e && mine(e.studyId())) {
            interviews.put(e.interviewId(), new InterviewRecord(shared(e.interviewId()), shared(e.waveId()),
                    e.conductedOn(), informant(e), e.informant()));
        } else if (event instanceof FindingRecorded e && mine(e.studyId())) {
            findings.put(findingKey(e.interviewId(), e.findingId()), new FindingRecord(shared(e.interviewId()),
                    shared(e.findingId()), shared(e.segmentId()), shared(e.areaId()), shared(e.waveId()), shared(e.dimension()),
                    e.stage(), codes(e.codes()), shared(e.coder()), 1, excerpt(e.excerpt())));
        } else if (event instanceof FindingRecoded e && mine(e.studyId())) {
            findings.computeIfPresent(findingKey(e.interviewId(), e.findingId()), (k, f) -> new FindingRecord(
                    f.interviewId(), f.findingId(), f.segmentId(), f.areaId(), f.waveId(), shared(e.dimension()),
                    e.stage(), codes(e.codes()), f.coder(), e.revision(), excerpt(e.excerpt())));
        } else if (event instanceof FindingWithdrawn e && mine(e.studyId())) {
            findings.remove(findingKey(e.interviewId(), e.findingId()));
        } else if (event instanceof SelfAssessmentSubmitted e && mine(e.studyId())) {
            selfAssessments.put(e.selfAssessmentId(), selfAssessment(e, collectionMode(metaData)));
        } else if (event instanceof SelfAssessmentWithdrawn e && mine(e.studyId())) {
            selfAssessments.remove(e.selfAssessmentId());
            questionnaireOf.remove(e.selfAssessmentId());
        } else if (event instanceof QuestionnaireAnswered e && mine(e.studyId())) {
            questionnaireOf.put(e.selfAssessmentId(), e.questionnaireId());
        }
    }

    /** The folded study, or empty when the study did not exist at the point the log was read to. */
    public Optional<StudyExportData> result() {
        if (study == null) {
            return Optional.empty();
        }
        List<InterfaceTheme> themes = new ArrayList<>(InterfaceThemeCatalog.seeded());
        addedThemes.values().stream().filter(t -> themes.stream().noneMatch(s -> s.code().equals(t.code())))
                .forEach(themes::add);
        List<SelfAssessmentRecord> answers = new ArrayList<>(selfAssessments.size());
        for (SelfAssessmentRecord s : selfAssessments.values()) {
            String questionnaire = questionnaireOf.get(s.selfAssessmentId());
            answers.add(questionnaire == null ? s : s.throughQuestionnaire(questionnaire));
        }
        return Optional.of(new StudyExportData(study, framework, new ArrayList<>(waves.values()),
                new ArrayList<>(areas.values()), interviews, new ArrayList<>(findings.values()),
                answers, themes, regions));
    }

    private boolean mine(String eventStudyId) {
        return studyId.equals(eventStudyId);
    }

    private PersonAttributes informant(InterviewRecorded e) {
        return person(sealer.open(e.informantDetails(), InformantDetails.class)
                .map(d -> new PersonAttributes(d.pseudonym(), d.organisationType(), d.actorLevel(), false))
                .orElseGet(() -> PersonAttributes.erased(e.informant())));
    }

    /** A spreadsheet import marks its events; anything unmarked was typed in (or imported before the mark existed). */
    private static String collectionMode(Map<String, ?> metaData) {
        return CollectionMode.SPREADSHEET.equals(metaData.get(CollectionMode.META_DATA_KEY))
                ? CollectionMode.SPREADSHEET : CollectionMode.API;
    }

    private SelfAssessmentRecord selfAssessment(SelfAssessmentSubmitted e, String collectionMode) {
        Optional<RespondentDetails> details = sealer.open(e.respondentDetails(), RespondentDetails.class);
        PersonAttributes respondent = person(details
                .map(d -> new PersonAttributes(d.pseudonym(), d.organisationType(), d.actorLevel(), false))
                .orElseGet(() -> PersonAttributes.erased(e.respondent())));
        int size = framework.dimensions().size();
        double[] answers = new double[size];
        Arrays.fill(answers, Double.NaN);
        String[] comments = options.includes(Inclusion.COMMENTS) ? new String[size] : null;
        for (int i = 0; i < size; i++) {
            String code = framework.dimensions().get(i).code();
            BigDecimal answer = e.answers() == null ? null : e.answers().get(code);
            if (answer != null) {
                // the same conversion as the maturity projection, so that scores agree to the last bit
                answers[i] = answer.doubleValue();
            }
            if (comments != null && details.isPresent() && details.get().comments() != null) {
                comments[i] = details.get().comments().get(code);
            }
        }
        return new SelfAssessmentRecord(e.selfAssessmentId(), shared(e.areaId()), shared(e.waveId()), respondent,
                details.map(RespondentDetails::kind).orElse(null),
                details.map(RespondentDetails::groupSize).orElse(null), answers, comments, collectionMode, null);
    }

    private String excerpt(Sealed sealed) {
        if (sealed == null || !options.includes(Inclusion.EXCERPTS)) {
            return null;
        }
        return sealer.open(sealed, Excerpt.class).map(Excerpt::text).orElse(null);
    }

    private String shared(String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }

    private List<String> codes(List<String> codes) {
        return codes == null ? List.of() : codes.stream().map(this::shared).toList();
    }

    private PersonAttributes person(PersonAttributes p) {
        return people.computeIfAbsent(p, x -> x);
    }

    private FindingKey findingKey(String interviewId, String findingId) {
        return new FindingKey(shared(interviewId), shared(findingId));
    }

    /** A finding's id is unique within its interview. */
    private record FindingKey(String interviewId, String findingId) {
    }
}
