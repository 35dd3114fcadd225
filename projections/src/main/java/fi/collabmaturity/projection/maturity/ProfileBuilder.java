package fi.collabmaturity.projection.maturity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.projection.support.Ids;
import fi.collabmaturity.projection.support.PendingWrites;
import fi.collabmaturity.scoring.MaturityProfile;
import fi.collabmaturity.scoring.ProfileScoring;
import fi.collabmaturity.scoring.ScoringPolicy;
import fi.collabmaturity.scoring.Source;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recomputes the profiles a batch touched, from their whole evidence, with the pure scoring functions of the core.
 * Recomputing from the evidence (instead of adjusting sums) keeps a replayed or re-handled batch exact.
 */
public final class ProfileBuilder {

    private static final int READ_CHUNK = 500;
    private static final String DIRTY = "maturity.dirty";
    private final FrameworkCatalog frameworks;
    private final Map<String, StudyScoring> studies = new ConcurrentHashMap<>();

    /** How a study's scores are computed: its framework and its scoring policy. */
    record StudyScoring(Framework framework, ScoringPolicy policy) {
    }

    public ProfileBuilder(FrameworkCatalog frameworks) {
        this.frameworks = frameworks;
    }

    void touch(PendingWrites pending, String studyId, String areaId, String waveId) {
        Set<String> dirty = pending.attribute(DIRTY, LinkedHashSet::new);
        dirty.add(Ids.areaWave(studyId, areaId, waveId));
        pending.afterWrites(DIRTY, database -> rebuild(database, dirty));
    }

    void forgetCaches() {
        studies.clear();
    }

    /**
     * Recomputes every profile of a study at the end of the batch: its scoring policy changed, or its framework
     * version, and every wave is scored with the new one.
     */
    void touchStudy(PendingWrites pending, String studyId) {
        studies.remove(studyId);
        pending.afterWrites("maturity.study." + studyId, database -> {
            studies.remove(studyId);
            Document study = database.getCollection(MaturityCollections.STUDIES).find(Filters.eq("_id", studyId))
                    .first();
            if (study == null) {
                return;
            }
            Set<String> ids = new LinkedHashSet<>();
            for (String areaId : study.get("areas", new Document()).keySet()) {
                for (String waveId : study.get("waves", new Document()).keySet()) {
                    ids.add(Ids.areaWave(studyId, areaId, waveId));
                }
            }
            rebuild(database, ids);
        });
    }

    private void rebuild(MongoDatabase database, Set<String> ids) {
        MongoCollection<Document> evidence = database.getCollection(MaturityCollections.EVIDENCE);
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += READ_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + READ_CHUNK));
            List<WriteModel<Document>> profileWrites = new ArrayList<>();
            List<WriteModel<Document>> overviewWrites = new ArrayList<>();
            for (Document doc : evidence.find(Filters.in("_id", chunk))) {
                String studyId = doc.getString("studyId");
                String areaId = doc.getString("areaId");
                String waveId = doc.getString("waveId");
                StudyScoring scoring = scoring(database, studyId);
                Framework framework = scoring.framework();
                AreaWaveEvidence areaWave = AreaWaveEvidence.from(doc);
                MaturityProfile profile = ProfileScoring.profile(framework, scoring.policy(),
                        areaWave.byDimension());
                Document profileDoc = ProfileDocuments.profile(profile, framework)
                        .append("_id", doc.getString("_id"))
                        .append("studyId", studyId).append("areaId", areaId).append("waveId", waveId)
                        .append("relatedCodes", areaWave.codesByDimension());
                profileWrites.add(new ReplaceOneModel<>(Filters.eq("_id", doc.getString("_id")), profileDoc,
                        new ReplaceOptions().upsert(true)));
                Document cell = ProfileDocuments.overviewCell(profile, framework)
                        .append("_id", doc.getString("_id"))
                        .append("studyId", studyId).append("areaId", areaId).append("waveId", waveId);
                overviewWrites.add(new ReplaceOneModel<>(Filters.eq("_id", doc.getString("_id")), cell,
                        new ReplaceOptions().upsert(true)));
            }
            if (!profileWrites.isEmpty()) {
                database.getCollection(MaturityCollections.PROFILES).bulkWrite(profileWrites);
                database.getCollection(MaturityCollections.OVERVIEWS).bulkWrite(overviewWrites);
            }
        }
    }

    private StudyScoring scoring(MongoDatabase database, String studyId) {
        return studies.computeIfAbsent(studyId, id -> {
            Document study = database.getCollection(MaturityCollections.STUDIES).find(Filters.eq("_id", id)).first();
            if (study == null) {
                throw new IllegalStateException("evidence for study " + id + " arrived before the study");
            }
            return new StudyScoring(frameworks.get(study.getString("frameworkId"), study.getString("frameworkVersion")),
                    policy(study));
        });
    }

    /** The policy a maturity_studies document records (the default until the study sets one). */
    static ScoringPolicy policy(Document study) {
        Document p = study.get("policy", Document.class);
        if (p == null) {
            return ScoringPolicy.DEFAULT;
        }
        return new ScoringPolicy(p.getInteger("minimumN"), Map.of(
                Source.INTERVIEWS, p.getDouble("interviewsWeight"),
                Source.SELF_ASSESSMENTS, p.getDouble("selfAssessmentsWeight")), p.getDouble("divergenceThreshold"),
                p.getDouble("changeThreshold"));
    }
}
