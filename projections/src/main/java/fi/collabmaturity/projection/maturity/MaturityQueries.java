package fi.collabmaturity.projection.maturity;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.projection.support.Ids;
import fi.collabmaturity.projection.support.ProgressQueries;
import fi.collabmaturity.projection.support.ResultCache;
import fi.collabmaturity.scoring.ProfileScoring;
import fi.collabmaturity.scoring.ScoringPolicy;
import org.bson.Document;

import fi.collabmaturity.area.TargetProfileChoice;
import fi.collabmaturity.projection.support.TargetProfiles;
import fi.collabmaturity.scoring.AboveTarget;
import fi.collabmaturity.scoring.DevelopmentTarget;
import fi.collabmaturity.scoring.KrippendorffAlpha;
import fi.collabmaturity.scoring.MaturityPath;
import fi.collabmaturity.scoring.MaturityProfile;
import fi.collabmaturity.scoring.Milestone;
import fi.collabmaturity.scoring.Milestones;
import fi.collabmaturity.scoring.Numbers;
import fi.collabmaturity.scoring.Trajectory;
import fi.collabmaturity.scoring.TrajectoryPoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The results of the maturity projection, in the shapes of the API. Callers have already checked that the study,
 * area and wave exist and may be seen; an area without evidence in a wave has a profile of insufficient evidence.
 */
public final class MaturityQueries {

    public static final String PROCESSOR = MaturityCollections.PROCESSOR;
    private final MongoDatabase database;
    private final ProgressQueries progress;

    public MaturityQueries(MongoDatabase database) {
        this(database, new ProgressQueries(database));
    }

    /** With the progress queries to use (see {@link ProgressQueries#ProgressQueries(MongoDatabase, boolean)}). */
    public MaturityQueries(MongoDatabase database, ProgressQueries progress) {
        this.database = database;
        this.progress = progress;
    }

    private final ResultCache<Document> cache = new ResultCache<>(Document::new);
    /** The scored profile and theme codes of an area in a wave: shared by paths in every language and trajectories. */
    private final ResultCache<AreaWave> areaWaveCache = new ResultCache<>();

    /**
     * The cache key of a result: what it is and everything it depends on besides the read models (framework
     * version, the study's scoring policy, the arguments). '\u0000' cannot occur in any of them. Public for callers
     * that keep their own form of a result under the same key (the API's JSON).
     */
    public static String key(String result, Framework framework, ScoringPolicy policy, Object... arguments) {
        StringBuilder key = new StringBuilder(result).append('\u0000').append(framework.id()).append('@')
                .append(framework.version()).append('\u0000')
                .append(policyKey(policy));
        for (Object argument : arguments) {
            key.append('\u0000').append(argument);
        }
        return key.toString();
    }

    /**
     * A policy's part of the key, written once: a record's toString formats its numbers anew on every call, which
     * was a noticeable share of a cached read. Few policies exist (one per study, changed rarely).
     */
    private static final Map<ScoringPolicy, String> POLICY_KEYS = new ConcurrentHashMap<>();

    private static String policyKey(ScoringPolicy policy) {
        if (POLICY_KEYS.size() > 1_000) {
            POLICY_KEYS.clear(); // a bound, not an expected case: they are only written again
        }
        return POLICY_KEYS.computeIfAbsent(policy, ScoringPolicy::toString);
    }

    public ProgressQueries progress() {
        return progress;
    }

    /**
     * The version and position of the maturity read models now. The methods that take it compute a result from the
     * read models at (at least) that version and do not keep it: for callers that keep their own form of it under
     * the snapshot's version (the API keeps the JSON). The methods without it keep the documents themselves.
     */
    public ProgressQueries.Snapshot snapshot() {
        return progress.snapshot(PROCESSOR);
    }

    public Document profile(Framework framework, ScoringPolicy policy, String studyId, String areaId, String waveId) {
        ProgressQueries.Snapshot snapshot = snapshot();
        return cache.get(snapshot.version(), key("profile", framework, policy, studyId, areaId, waveId),
                () -> profile(snapshot, framework, policy, studyId, areaId, waveId));
    }

    public Document profile(ProgressQueries.Snapshot snapshot, Framework framework, ScoringPolicy policy,
                            String studyId, String areaId, String waveId) {
        Document asOf = snapshot.asOf();
        String id = Ids.areaWave(studyId, areaId, waveId);
        Document stored = database.getCollection(MaturityCollections.PROFILES).find(Filters.eq("_id", id)).first();
        Document profile = stored != null ? stored
                : ProfileDocuments.profile(ProfileScoring.profile(framework, policy, Map.of()), framework);
        Document out = new Document("areaId", areaId).append("waveId", waveId)
                .append("asOf", asOf)
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
    public Document overview(Framework framework, ScoringPolicy policy, String studyId, String waveId,
                             String regionCode, String interfaceTheme) {
        ProgressQueries.Snapshot snapshot = snapshot();
        return cache.get(snapshot.version(),
                key("overview", framework, policy, studyId, waveId, regionCode, interfaceTheme),
                () -> overview(snapshot, framework, policy, studyId, waveId, regionCode, interfaceTheme));
    }

    public Document overview(ProgressQueries.Snapshot snapshot, Framework framework, ScoringPolicy policy,
                             String studyId, String waveId, String regionCode, String interfaceTheme) {
        Document asOf = snapshot.asOf();
        Document areas = areas(studyId);
        Map<String, Document> shown = new TreeMap<>();
        for (String areaId : areas.keySet()) {
            Document area = areas.get(areaId, Document.class);
            if ((regionCode == null || regionCode.equals(area.getString("regionCode")))
                    && (interfaceTheme == null || interfaceTheme.equals(area.getString("interfaceTheme")))) {
                shown.put(areaId, area);
            }
        }
        // each area's cell by _id (an area without evidence in the wave has none)
        Map<String, Document> cells = new HashMap<>();
        List<String> ids = shown.keySet().stream().map(areaId -> Ids.areaWave(studyId, areaId, waveId)).toList();
        if (!ids.isEmpty()) {
            database.getCollection(MaturityCollections.OVERVIEWS).find(Filters.in("_id", ids))
                    .forEach(cell -> cells.put(cell.getString("areaId"), cell));
        }
        Document empty = ProfileDocuments.overviewCell(
                ProfileScoring.profile(framework, policy, Map.of()), framework);
        List<Document> rows = new ArrayList<>();
        shown.forEach((areaId, area) -> {
            Document cell = cells.getOrDefault(areaId, empty);
            rows.add(new Document("areaId", areaId).append("name", area.getString("name"))
                    .append("regionCode", area.getString("regionCode"))
                    .append("interfaceTheme", area.getString("interfaceTheme"))
                    .append("overall", cell.get("overall"))
                    .append("weakestDimension", cell.get("weakestDimension"))
                    .append("dimensions", cell.get("dimensions")));
        });
        return new Document("studyId", studyId).append("waveId", waveId)
                .append("asOf", asOf)
                .append("framework", new Document("id", framework.id()).append("version", framework.version()))
                .append("dimensions", framework.dimensions().stream().map(d -> d.code()).toList())
                .append("areas", rows);
    }

    /**
     * The profiles of one area in the given waves, from the stored profiles the projection scored (an absent wave
     * has no evidence): the same profiles the profile endpoint serves, without reading and scoring the evidence again
     * on every request. Each area-wave is kept once per read-model version and shared by every path language and
     * the trajectory.
     */
    private Map<String, AreaWave> areaWaves(ProgressQueries.Snapshot snapshot, Framework framework,
                                            ScoringPolicy policy, String studyId, String areaId,
                                            List<String> waveIds) {
        Map<String, AreaWave> out = new LinkedHashMap<>();
        for (String waveId : waveIds) {
            out.put(waveId, areaWaveCache.get(snapshot.version(),
                    key("areaWave", framework, policy, studyId, areaId, waveId),
                    () -> areaWave(framework, policy, studyId, areaId, waveId)));
        }
        return out;
    }

    private AreaWave areaWave(Framework framework, ScoringPolicy policy, String studyId, String areaId,
                              String waveId) {
        String id = Ids.areaWave(studyId, areaId, waveId);
        Document stored = database.getCollection(MaturityCollections.PROFILES).find(Filters.eq("_id", id)).first();
        if (stored == null) {
            return new AreaWave(ProfileScoring.profile(framework, policy, Map.of()), Map.of());
        }
        MaturityProfile profile = ProfileDocuments.scores(stored);
        if (profile != null) {
            return new AreaWave(profile, ProfileDocuments.codes(stored));
        }
        // a profile stored before the unrounded scores were kept: score the evidence as the projection does
        Document doc = database.getCollection(MaturityCollections.EVIDENCE).find(Filters.eq("_id", id)).first();
        AreaWaveEvidence evidence = AreaWaveEvidence.from(doc == null ? new Document() : doc);
        return new AreaWave(ProfileScoring.profile(framework, policy, evidence.byDimension()), evidence.codes());
    }

    /** Shared between requests through the cache: read-only once built. */
    private record AreaWave(MaturityProfile profile, Map<String, Map<String, Integer>> codes) {
    }

    /** Scores by wave per dimension and overall, with the change from the previous wave and its direction. */
    public Document trajectory(Framework framework, ScoringPolicy policy, String studyId, String areaId,
                               List<String> orderedWaveIds) {
        ProgressQueries.Snapshot snapshot = snapshot();
        return cache.get(snapshot.version(), key("trajectory", framework, policy, studyId, areaId, orderedWaveIds),
                () -> trajectory(snapshot, framework, policy, studyId, areaId, orderedWaveIds));
    }

    public Document trajectory(ProgressQueries.Snapshot snapshot, Framework framework, ScoringPolicy policy,
                               String studyId, String areaId, List<String> orderedWaveIds) {
        Document asOf = snapshot.asOf();
        Map<String, AreaWave> waves = areaWaves(snapshot, framework, policy, studyId, areaId, orderedWaveIds);
        Map<String, MaturityProfile> profiles = new LinkedHashMap<>();
        waves.forEach((w, aw) -> profiles.put(w, aw.profile()));
        Trajectory trajectory = Trajectory.of(framework, policy, orderedWaveIds, profiles);
        List<Document> dimensions = trajectory.dimensions().stream()
                .map(d -> new Document("dimension", d.dimension()).append("points", points(framework, d.points())))
                .toList();
        return new Document("areaId", areaId).append("asOf", asOf)
                .append("framework", frameworkRef(framework))
                .append("waves", orderedWaveIds)
                .append("overall", points(framework, trajectory.overall()))
                .append("dimensions", dimensions)
                .append("milestones", milestones(framework, Milestones.of(trajectory)));
    }

    /**
     * The maturity path: the development targets of the area in a wave (the latest wave with evidence unless one is
     * named) against its target profile, each with its step in the requested language and the theme codes behind
     * it, and the milestones of how the area got there.
     */
    public Document path(Framework framework, ScoringPolicy policy, String studyId, String areaId,
                         List<String> orderedWaveIds, String waveId, String language) {
        ProgressQueries.Snapshot snapshot = snapshot();
        return cache.get(snapshot.version(),
                key("path", framework, policy, studyId, areaId, orderedWaveIds, waveId, language),
                () -> path(snapshot, framework, policy, studyId, areaId, orderedWaveIds, waveId, language));
    }

    public Document path(ProgressQueries.Snapshot snapshot, Framework framework, ScoringPolicy policy,
                         String studyId, String areaId, List<String> orderedWaveIds, String waveId,
                         String language) {
        Document asOf = snapshot.asOf();
        Map<String, AreaWave> waves = areaWaves(snapshot, framework, policy, studyId, areaId, orderedWaveIds);
        String chosen = waveId;
        if (chosen == null) {
            for (String w : orderedWaveIds) {
                if (waves.get(w).profile().dimensions().stream().anyMatch(d -> d.score() != null)) {
                    chosen = w;
                }
            }
        }
        Map<String, MaturityProfile> profiles = new LinkedHashMap<>();
        waves.forEach((w, aw) -> profiles.put(w, aw.profile()));
        List<String> upTo = chosen == null ? orderedWaveIds
                : orderedWaveIds.subList(0, orderedWaveIds.indexOf(chosen) + 1);
        Document area = database.getCollection(MaturityCollections.AREAS)
                .find(Filters.eq("_id", Ids.area(studyId, areaId))).first();
        // the target of the wave the path starts from: a target set later does not rewrite an earlier path
        TargetProfileChoice choice = TargetProfiles.history(area == null ? new Document() : area, framework)
                .forWave(orderedWaveIds, orderedWaveIds.contains(chosen) ? chosen : null);
        Map<String, Integer> target = choice.stages();
        List<Document> targets = new ArrayList<>();
        List<Document> above = new ArrayList<>();
        List<String> unknown = framework.dimensions().stream().map(d -> d.code()).toList();
        if (chosen != null) {
            AreaWave aw = waves.get(chosen);
            int at = orderedWaveIds.indexOf(chosen);
            MaturityProfile previous = at > 0 ? waves.get(orderedWaveIds.get(at - 1)).profile() : null;
            MaturityPath path = MaturityPath.of(framework, aw.profile(), previous, target, aw.codes(), language);
            for (DevelopmentTarget t : path.targets()) {
                Document doc = new Document("dimension", t.dimension());
                ProfileDocuments.stage(doc, "currentStage", framework, t.currentStage());
                ProfileDocuments.stage(doc, "targetStage", framework, t.targetStage());
                targets.add(doc.append("gap", t.gap())
                        .append("score", Numbers.round3(t.score()))
                        .append("progress", Numbers.round3(t.progress()))
                        .append("rankedBy", t.rankedBy() == null ? null : t.rankedBy().code())
                        .append("step", new Document("from", stepEnd(framework, t.step().from()))
                                .append("to", stepEnd(framework, t.step().to())))
                        .append("relatedCodes", t.relatedCodes()));
            }
            for (AboveTarget a : path.aboveTarget()) {
                Document doc = new Document("dimension", a.dimension()).append("score", Numbers.round3(a.score()));
                ProfileDocuments.stage(doc, "currentStage", framework, a.currentStage());
                ProfileDocuments.stage(doc, "targetStage", framework, a.targetStage());
                above.add(doc);
            }
            unknown = path.unknown();
        }
        return new Document("areaId", areaId).append("waveId", chosen).append("language", language)
                .append("asOf", asOf).append("framework", frameworkRef(framework))
                .append("targetProfile", new Document("isDefault", choice.isDefault())
                        .append("fromWaveId", choice.fromWaveId()).append("rationale", choice.rationale())
                        .append("stages", new Document(choice.stages())))
                .append("targets", targets).append("aboveTarget", above).append("unknown", unknown)
                .append("milestones", milestones(framework, Milestones.of(framework, upTo, profiles)));
    }

    /**
     * Every study of the read models with the ids of its registered areas: what there is to compute results for
     * (the API prepares them when the read models have settled).
     */
    public Map<String, List<String>> studiesAndAreas() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Document study : database.getCollection(MaturityCollections.STUDIES).find()
                .projection(new Document("areas", 1))) {
            out.put(study.getString("_id"), List.copyOf(study.get("areas", new Document()).keySet()));
        }
        return out;
    }

    /** The study's registered areas by id ({name, regionCode, interfaceTheme}); none for an unknown study. */
    private Document areas(String studyId) {
        Document study = database.getCollection(MaturityCollections.STUDIES).find(Filters.eq("_id", studyId)).first();
        return study == null ? new Document() : study.get("areas", new Document());
    }

    /**
     * Krippendorff's alpha (ordinal) over the double-coded findings of a study, or of one wave of it. Each coding
     * counts as the framework measures it, so two codings within one anchor (power's 1 and 2, both "own power")
     * agree.
     */
    public Document reliability(Framework framework, String studyId, List<String> waveIds) {
        Set<String> areaIds = areas(studyId).keySet();
        List<String> ids = new ArrayList<>();
        waveIds.forEach(w -> areaIds.forEach(a -> ids.add(Ids.areaWave(studyId, a, w))));
        Map<String, Map<String, Double>> units = new TreeMap<>();
        // a unit (a segment of an interview, on a dimension) gathers its codings from every area's document, read in
        // _id order so that the result never depends on the order a store returns them in
        for (Document doc : ids.isEmpty() ? List.<Document>of()
                : database.getCollection(MaturityCollections.CODINGS).find(Filters.in("_id", ids))
                        .sort(Sorts.ascending("_id"))) {
            String wave = doc.getString("waveId");
            doc.get("codings", new Document()).values().forEach(value -> {
                Document c = (Document) value;
                if (c.getString("unit") == null || Boolean.TRUE.equals(c.getBoolean("withdrawn"))) {
                    return;
                }
                String unit = wave + "|" + c.getString("unit") + "|" + c.getString("dimension");
                units.computeIfAbsent(unit, u -> new TreeMap<>())
                        .put(String.valueOf(c.getString("coder")), framework.dimension(c.getString("dimension"))
                                .map(d -> d.measure(c.getInteger("stage"))).orElse((double) c.getInteger("stage")));
            });
        }
        KrippendorffAlpha.Result result = KrippendorffAlpha.compute(KrippendorffAlpha.Metric.ORDINAL, units.values());
        return new Document("metric", result.metric().code())
                .append("alpha", Numbers.round3(result.alpha()))
                .append("units", result.units()).append("coders", result.coders())
                .append("pairableValues", result.pairableValues())
                .append("reason", result.reason())
                .append("asOf", progress.asOf(PROCESSOR));
    }

    private static List<Document> points(Framework framework, List<TrajectoryPoint> points) {
        return points.stream().map(p -> {
            Document doc = new Document("waveId", p.waveId()).append("score", Numbers.round3(p.score()));
            ProfileDocuments.stage(doc, "stage", framework, p.stage());
            return doc.append("ciLow", Numbers.round3(p.ciLow())).append("ciHigh", Numbers.round3(p.ciHigh()))
                    .append("change", Numbers.round3(p.change()))
                    .append("direction", p.direction() == null ? null : p.direction().code())
                    .append("decidedBy", p.decidedBy() == null ? null : p.decidedBy().code());
        }).toList();
    }

    private static List<Document> milestones(Framework framework, List<Milestone> milestones) {
        return milestones.stream().map(m -> {
            Document doc = new Document("waveId", m.waveId()).append("dimension", m.dimension());
            ProfileDocuments.stage(doc, "fromStage", framework, m.fromStage());
            return ProfileDocuments.stage(doc, "toStage", framework, m.toStage());
        }).toList();
    }

    private static Document stepEnd(Framework framework, DevelopmentTarget.StepEnd end) {
        return ProfileDocuments.stage(new Document(), "stage", framework, end.stage())
                .append("descriptor", end.descriptor());
    }

    private static String stageCode(Framework framework, Integer stage) {
        return ProfileDocuments.stageCode(framework, stage);
    }

    private static Document frameworkRef(Framework framework) {
        return new Document("id", framework.id()).append("version", framework.version());
    }
}
