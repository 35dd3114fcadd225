package fi.collabmaturity.projection.maturity;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.projection.support.Ids;
import fi.collabmaturity.projection.support.ProgressQueries;
import fi.collabmaturity.scoring.ProfileScoring;
import fi.collabmaturity.scoring.ScoringPolicy;
import org.bson.Document;

import java.util.Map;

/**
 * The results of the maturity projection, in the shapes of the API. Callers have already checked that the study,
 * area and wave exist and may be seen; an area without evidence in a wave has a profile of insufficient evidence.
 */
public final class MaturityQueries {

    public static final String PROCESSOR = MaturityCollections.PROCESSOR;
    private final MongoDatabase database;
    private final ProgressQueries progress;

    public MaturityQueries(MongoDatabase database) {
        this.database = database;
        this.progress = new ProgressQueries(database);
    }

    public Document profile(Framework framework, String studyId, String areaId, String waveId) {
        String id = Ids.areaWave(studyId, areaId, waveId);
        Document stored = database.getCollection(MaturityCollections.PROFILES).find(Filters.eq("_id", id)).first();
        Document profile = stored != null ? stored
                : ProfileDocuments.profile(ProfileScoring.profile(framework, ScoringPolicy.DEFAULT, Map.of()), framework);
        Document out = new Document("areaId", areaId).append("waveId", waveId)
                .append("asOf", progress.asOf(PROCESSOR))
                .append("framework", profile.get("framework"))
                .append("overall", profile.get("overall"))
                .append("weakestDimension", profile.get("weakestDimension"))
                .append("dimensions", profile.get("dimensions"));
        return out;
    }
}
