package fi.collabmaturity.projection.maturity;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.projection.support.Ids;
import fi.collabmaturity.projection.support.ProgressQueries;
import fi.collabmaturity.scoring.ProfileScoring;
import fi.collabmaturity.scoring.ScoringPolicy;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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

    public ProgressQueries progress() {
        return progress;
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

    /**
     * The areas × dimensions matrix of a wave: every area of the study (by id), with its overall result and a cell
     * per dimension; an area without evidence in the wave shows insufficient evidence throughout. Optional filters
     * by region code and interface theme.
     */
    public Document overview(Framework framework, String studyId, String waveId, String regionCode,
                             String interfaceTheme) {
        Document study = database.getCollection(MaturityCollections.STUDIES).find(Filters.eq("_id", studyId)).first();
        Document overview = database.getCollection(MaturityCollections.OVERVIEWS)
                .find(Filters.eq("_id", Ids.studyWave(studyId, waveId))).first();
        Document cells = overview == null ? new Document() : overview.get("areas", new Document());
        Document areas = study == null ? new Document() : study.get("areas", new Document());
        Document empty = ProfileDocuments.overviewCell(
                ProfileScoring.profile(framework, ScoringPolicy.DEFAULT, Map.of()), framework);
        List<Document> rows = new ArrayList<>();
        for (String areaId : new TreeSet<>(areas.keySet())) {
            Document area = areas.get(areaId, Document.class);
            if (regionCode != null && !regionCode.equals(area.getString("regionCode"))
                    || interfaceTheme != null && !interfaceTheme.equals(area.getString("interfaceTheme"))) {
                continue;
            }
            Document cell = cells.get(areaId, empty);
            rows.add(new Document("areaId", areaId).append("name", area.getString("name"))
                    .append("regionCode", area.getString("regionCode"))
                    .append("interfaceTheme", area.getString("interfaceTheme"))
                    .append("overall", cell.get("overall"))
                    .append("weakestDimension", cell.get("weakestDimension"))
                    .append("dimensions", cell.get("dimensions")));
        }
        return new Document("studyId", studyId).append("waveId", waveId)
                .append("asOf", progress.asOf(PROCESSOR))
                .append("framework", new Document("id", framework.id()).append("version", framework.version()))
                .append("dimensions", framework.dimensions().stream().map(d -> d.code()).toList())
                .append("areas", rows);
    }
}
