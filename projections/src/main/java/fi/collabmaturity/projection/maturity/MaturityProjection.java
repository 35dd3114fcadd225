package fi.collabmaturity.projection.maturity;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fi.collabmaturity.area.AreaRegistered;
import fi.collabmaturity.area.TargetProfileSet;
import fi.collabmaturity.interview.FindingRecoded;
import fi.collabmaturity.interview.FindingRecorded;
import fi.collabmaturity.interview.InterviewRecorded;
import fi.collabmaturity.interview.FindingWithdrawn;
import fi.collabmaturity.projection.support.FlushAtBatchEnd;
import fi.collabmaturity.projection.support.ReadModelReset;
import fi.collabmaturity.projection.support.Ids;
import fi.collabmaturity.projection.support.PendingWrites;
import fi.collabmaturity.projection.support.TargetProfiles;
import fi.collabmaturity.selfassessment.SelfAssessmentSubmitted;
import fi.collabmaturity.selfassessment.SelfAssessmentWithdrawn;
import fi.collabmaturity.study.ScoringPolicySet;
import fi.collabmaturity.study.StudyCreated;
import fi.collabmaturity.study.StudyFrameworkUpgraded;
import fi.collabmaturity.study.WaveCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.Map;

/**
 * Builds the evidence of every area and wave from the recorded events and, at the end of each batch, recomputes
 * the results of the areas the batch touched: profiles, overview rows, trajectories and paths ({@link ResultBuilder}). Every write is a $set by key, so handling an event twice
 * changes nothing.
 */
@ProcessingGroup(MaturityCollections.PROCESSOR)
public class MaturityProjection {

    /**
     * The version of this projection's read-model layout. Raise it whenever documents change shape: a store built
     * with another layout is rebuilt from the event log when the application starts. 2: codings and overview
     * cells per area and wave. 3: informants in the evidence, stage ranges and score intervals in the profiles, an
     * area's target profiles per wave ({@link TargetProfiles}), the policy's change threshold.
     */
    public static final int LAYOUT = 4;

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private final MongoDatabase database;
    private final ResultBuilder results;

    public MaturityProjection(MongoDatabase database, ResultBuilder results) {
        this.database = database;
        this.results = results;
    }

    @EventHandler
    void on(StudyCreated e) {
        stage(MaturityCollections.STUDIES, e.studyId(), Updates.combine(
                Updates.set("frameworkId", e.frameworkId()),
                Updates.set("frameworkVersion", e.frameworkVersion())));
    }

    @EventHandler
    void on(ScoringPolicySet e) {
        stage(MaturityCollections.STUDIES, e.studyId(), Updates.set("policy", new Document("minimumN", e.minimumN())
                .append("interviewsWeight", e.interviewsWeight())
                .append("selfAssessmentsWeight", e.selfAssessmentsWeight())
                .append("divergenceThreshold", e.divergenceThreshold())
                .append("changeThreshold", e.changeThreshold())));
        results.touchStudy(pending(), e.studyId());
    }

    @EventHandler
    void on(StudyFrameworkUpgraded e) {
        stage(MaturityCollections.STUDIES, e.studyId(), Updates.set("frameworkVersion", e.toVersion()));
        results.touchStudy(pending(), e.studyId());
    }

    @EventHandler
    void on(WaveCreated e) {
        stage(MaturityCollections.STUDIES, e.studyId(), Updates.set("waves." + e.waveId(),
                new Document("label", e.label()).append("opensOn", e.opensOn().toString())
                        .append("closesOn", e.closesOn().toString())));
        results.touchWave(pending(), e.studyId(), e.waveId());
    }

    @EventHandler
    void on(AreaRegistered e, @SequenceNumber Long sequence) {
        stage(MaturityCollections.AREAS, Ids.area(e.studyId(), e.areaId()), Updates.combine(
                Updates.set("studyId", e.studyId()),
                Updates.set("areaId", e.areaId()),
                Updates.set("name", e.name()),
                Updates.set("regionCode", e.regionCode()),
                Updates.set("interfaceTheme", e.interfaceTheme()),
                Updates.set("targetProfile", new Document(Map.copyOf(e.targetProfile()))),
                TargetProfiles.registered(e, sequence)));
        stage(MaturityCollections.STUDIES, e.studyId(), Updates.set("areas." + e.areaId(),
                new Document("name", e.name()).append("regionCode", e.regionCode())
                        .append("interfaceTheme", e.interfaceTheme())));
        results.touchArea(pending(), e.studyId(), e.areaId(), true);
    }

    @EventHandler
    void on(TargetProfileSet e, @SequenceNumber Long sequence) {
        stage(MaturityCollections.AREAS, Ids.area(e.studyId(), e.areaId()), Updates.combine(
                Updates.set("targetProfile", new Document(Map.copyOf(e.targetProfile()))),
                TargetProfiles.set(e, sequence)));
        results.touchArea(pending(), e.studyId(), e.areaId(), false);
    }

    @EventHandler
    void on(SelfAssessmentSubmitted e) {
        Document answers = new Document();
        e.answers().forEach((dimension, value) -> answers.append(dimension, value.doubleValue()));
        evidence(e.studyId(), e.areaId(), e.waveId(), Updates.set("selfAssessments." + e.selfAssessmentId(),
                new Document("respondent", e.respondent()).append("answers", answers).append("withdrawn", false)));
    }

    @EventHandler
    void on(SelfAssessmentWithdrawn e) {
        evidence(e.studyId(), e.areaId(), e.waveId(),
                Updates.set("selfAssessments." + e.selfAssessmentId() + ".withdrawn", true));
    }

    /** The informant of each interview, where its findings' areas are: the informant is the unit of evidence. */
    @EventHandler
    void on(InterviewRecorded e) {
        // no profile to recompute: an interview counts once its findings arrive, and they come after it
        for (String areaId : e.areaIds()) {
            stage(MaturityCollections.EVIDENCE, Ids.areaWave(e.studyId(), areaId, e.waveId()), Updates.combine(
                    Updates.set("studyId", e.studyId()), Updates.set("areaId", areaId),
                    Updates.set("waveId", e.waveId()), Updates.set("informants." + e.interviewId(), e.informant())));
        }
    }

    @EventHandler
    void on(FindingRecorded e) {
        evidence(e.studyId(), e.areaId(), e.waveId(), Updates.set(findingKey(e.interviewId(), e.findingId()),
                finding(e.interviewId(), e.segmentId() == null ? e.findingId() : e.segmentId(), e.dimension(),
                        e.stage(), e.codes(), e.coder(), false)));
        if (e.segmentId() != null) {
            // only findings with a segment id can be double-coded: the reliability units
            stage(MaturityCollections.CODINGS, Ids.areaWave(e.studyId(), e.areaId(), e.waveId()), Updates.combine(
                    Updates.set("studyId", e.studyId()), Updates.set("areaId", e.areaId()),
                    Updates.set("waveId", e.waveId()), Updates.set(codingKey(e.interviewId(), e.findingId()),
                            new Document("unit", e.interviewId() + "/" + e.segmentId())
                                    .append("dimension", e.dimension()).append("coder", e.coder())
                                    .append("stage", e.stage()).append("withdrawn", false))));
        }
    }

    @EventHandler
    void on(FindingRecoded e) {
        String key = findingKey(e.interviewId(), e.findingId());
        evidence(e.studyId(), e.areaId(), e.waveId(), Updates.combine(
                Updates.set(key + ".dimension", e.dimension()),
                Updates.set(key + ".stage", e.stage()),
                Updates.set(key + ".codes", e.codes()),
                Updates.set(key + ".withdrawn", false)));
        String coding = codingKey(e.interviewId(), e.findingId());
        // a recoding of a finding without a segment id sets fields of a coding that does not exist: filtered out
        stage(MaturityCollections.CODINGS, Ids.areaWave(e.studyId(), e.areaId(), e.waveId()), Updates.combine(
                Updates.set(coding + ".dimension", e.dimension()), Updates.set(coding + ".stage", e.stage())));
    }

    @EventHandler
    void on(FindingWithdrawn e) {
        evidence(e.studyId(), e.areaId(), e.waveId(),
                Updates.set(findingKey(e.interviewId(), e.findingId()) + ".withdrawn", true));
        stage(MaturityCollections.CODINGS, Ids.areaWave(e.studyId(), e.areaId(), e.waveId()),
                Updates.set(codingKey(e.interviewId(), e.findingId()) + ".withdrawn", true));
    }

    private static String codingKey(String interviewId, String findingId) {
        return "codings." + interviewId + ":" + findingId;
    }

    @ResetHandler
    void reset() {
        ReadModelReset.drop(database, MaturityCollections.ALL);
    }

    private static String findingKey(String interviewId, String findingId) {
        return "findings." + interviewId + ":" + findingId;
    }

    private static Document finding(String interviewId, String unit, String dimension, int stage, List<String> codes,
                                    String coder, boolean withdrawn) {
        return new Document("interview", interviewId).append("unit", unit).append("dimension", dimension)
                .append("stage", stage).append("codes", codes).append("coder", coder).append("withdrawn", withdrawn);
    }

    private void evidence(String studyId, String areaId, String waveId, Bson update) {
        String id = Ids.areaWave(studyId, areaId, waveId);
        stage(MaturityCollections.EVIDENCE, id, Updates.combine(
                Updates.set("studyId", studyId), Updates.set("areaId", areaId), Updates.set("waveId", waveId),
                update));
        results.touch(pending(), studyId, areaId, waveId);
    }

    private void stage(String collection, String id, Bson update) {
        pending().stage(collection, new UpdateOneModel<>(Filters.eq("_id", id), update, UPSERT));
    }

    private static PendingWrites pending() {
        return FlushAtBatchEnd.pending();
    }
}
