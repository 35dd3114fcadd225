package fi.collabmaturity.projection.export;

import fi.collabmaturity.area.AreaRegistered;
import fi.collabmaturity.area.Party;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.interview.Excerpt;
import fi.collabmaturity.interview.FindingRecoded;
import fi.collabmaturity.interview.FindingRecorded;
import fi.collabmaturity.interview.FindingWithdrawn;
import fi.collabmaturity.interview.InformantDetails;
import fi.collabmaturity.interview.InterviewRecorded;
import fi.collabmaturity.privacy.InMemoryParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.questionnaire.QuestionnaireAnswered;
import fi.collabmaturity.selfassessment.RespondentDetails;
import fi.collabmaturity.selfassessment.SelfAssessmentSubmitted;
import fi.collabmaturity.selfassessment.SelfAssessmentWithdrawn;
import fi.collabmaturity.study.StudyCreated;
import fi.collabmaturity.study.StudyFrameworkUpgraded;
import fi.collabmaturity.study.WaveClosed;
import fi.collabmaturity.study.WaveCreated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the events of a study as the write side records them, with real sealing, for the export's tests. */
final class StudyEvents {

    static final FrameworkCatalog FRAMEWORKS = FrameworkCatalog.fromClasspath();
    static final Map<String, Integer> TARGET = Map.of("trust", 3, "communication", 3, "information_sharing", 3,
            "goals", 3, "power", 3, "resources", 2, "accountability", 3, "commitment", 3);

    final InMemoryParticipantKeyStore keys = new InMemoryParticipantKeyStore();
    final PersonalDataSealer sealer = new PersonalDataSealer(keys);
    final List<Object> events = new ArrayList<>();
    /** The metadata the write side gives some events (by event instance; absent: none). */
    final Map<Object, Map<String, ?>> metaData = new IdentityHashMap<>();
    final String studyId;

    StudyEvents(String studyId) {
        this.studyId = studyId;
    }

    StudyEvents study(String title) {
        events.add(new StudyCreated(studyId, title, "keast-mandell-2014", "1.0.0", "A test study.", "maija"));
        return this;
    }

    StudyEvents upgradeFramework(String from, String to) {
        events.add(new StudyFrameworkUpgraded(studyId, "keast-mandell-2014", from, to, "maija"));
        return this;
    }

    StudyEvents wave(String id, String label, String opensOn) {
        LocalDate opens = LocalDate.parse(opensOn);
        events.add(new WaveCreated(studyId, id, label, opens, opens.plusMonths(3)));
        return this;
    }

    StudyEvents closeWave(String id) {
        events.add(new WaveClosed(studyId, id));
        return this;
    }

    StudyEvents area(String id, String region, String theme) {
        events.add(new AreaRegistered(studyId, id, "Area " + id, region, theme,
                List.of(new Party("wellbeing_services_county", "County; north", null),
                        new Party("municipality", "Rovaniemi", "698")), TARGET));
        return this;
    }

    /** answers as "trust=2.0,goals=1.5". */
    StudyEvents selfAssessment(String id, String area, String wave, String pseudonym, String answers,
                               Map<String, String> comments) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String pair : answers.split(",")) {
            String[] kv = pair.split("=");
            values.put(kv[0], new BigDecimal(kv[1]));
        }
        Sealed details = sealer.seal(studyId, pseudonym, new RespondentDetails(pseudonym, "municipality",
                "coordination", comments));
        events.add(new SelfAssessmentSubmitted(id, studyId, area, wave, details.participant(), details, values));
        return this;
    }

    /** A workshop group's self-assessment, answers as in {@link #selfAssessment}. */
    StudyEvents groupSelfAssessment(String id, String area, String wave, String pseudonym, String answers,
                                    int groupSize) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String pair : answers.split(",")) {
            String[] kv = pair.split("=");
            values.put(kv[0], new BigDecimal(kv[1]));
        }
        Sealed details = sealer.seal(studyId, pseudonym, new RespondentDetails(pseudonym, "municipality",
                "coordination", "group", groupSize, Map.of()));
        events.add(new SelfAssessmentSubmitted(id, studyId, area, wave, details.participant(), details, values));
        return this;
    }

    /** What a questionnaire records beside the self-assessment its respondent sent (in the same unit of work). */
    StudyEvents questionnaireAnswered(String questionnaireId, String selfAssessmentId, String area, String wave,
                                      String replaces) {
        events.add(new QuestionnaireAnswered(questionnaireId, studyId, selfAssessmentId, area, wave, null,
                "0".repeat(64), replaces));
        return this;
    }

    StudyEvents withdrawSelfAssessment(String id, String area, String wave) {
        events.add(new SelfAssessmentWithdrawn(id, studyId, area, wave, "duplicate"));
        return this;
    }

    StudyEvents interview(String id, String wave, String pseudonym, List<String> areas) {
        Sealed details = sealer.seal(studyId, pseudonym, new InformantDetails(pseudonym, "ngo", "leadership"));
        events.add(new InterviewRecorded(id, studyId, wave, LocalDate.parse("2023-10-05"), details.participant(),
                details, areas, "maija"));
        return this;
    }

    StudyEvents finding(String interview, String wave, String id, String segment, String area, String dimension,
                        int stage, List<String> codes, String excerpt, String coder) {
        Sealed sealed = excerpt == null ? null : sealer.sealFor(informantOf(interview), new Excerpt(excerpt))
                .orElseThrow();
        events.add(new FindingRecorded(interview, studyId, wave, id, segment, area, dimension, stage, codes, sealed,
                coder));
        return this;
    }

    StudyEvents recode(String interview, String wave, String id, String area, String dimension, int stage,
                       List<String> codes, long revision) {
        events.add(new FindingRecoded(interview, studyId, wave, id, area, dimension, stage, codes, null, revision));
        return this;
    }

    StudyEvents withdrawFinding(String interview, String wave, String id, String area, String dimension) {
        events.add(new FindingWithdrawn(interview, studyId, wave, id, area, dimension, "coded twice"));
        return this;
    }

    /** Any other event, as the log has it. */
    StudyEvents also(Object event) {
        events.add(event);
        return this;
    }

    /** Gives the last event the metadata {@code key=value}, as the write side's unit of work would. */
    StudyEvents withMetaData(String key, String value) {
        metaData.put(events.get(events.size() - 1), Map.of(key, value));
        return this;
    }

    Map<String, ?> metaDataOf(Object event) {
        return metaData.getOrDefault(event, Map.of());
    }

    String participant(String pseudonym) {
        return keys.participantOf(studyId, pseudonym).orElseThrow();
    }

    private String informantOf(String interviewId) {
        return events.stream().filter(e -> e instanceof InterviewRecorded i && i.interviewId().equals(interviewId))
                .map(e -> ((InterviewRecorded) e).informant()).findFirst().orElseThrow();
    }
}
