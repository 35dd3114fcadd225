package fi.collabmaturity.projection.maturity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import fi.collabmaturity.area.TargetProfileChoice;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.projection.maturity.ResultParts.AboveTargetEntry;
import fi.collabmaturity.projection.maturity.ResultParts.DimensionPoints;
import fi.collabmaturity.projection.maturity.ResultParts.FrameworkRef;
import fi.collabmaturity.projection.maturity.ResultParts.MilestoneEntry;
import fi.collabmaturity.projection.maturity.ResultParts.PathTarget;
import fi.collabmaturity.projection.maturity.ResultParts.Point;
import fi.collabmaturity.projection.maturity.ResultParts.TargetProfileEntry;
import fi.collabmaturity.projection.support.Ids;
import fi.collabmaturity.projection.support.PendingWrites;
import fi.collabmaturity.projection.support.TargetProfiles;
import fi.collabmaturity.scoring.MaturityPath;
import fi.collabmaturity.scoring.MaturityProfile;
import fi.collabmaturity.scoring.Milestones;
import fi.collabmaturity.scoring.ProfileScoring;
import fi.collabmaturity.scoring.ScoringPolicy;
import fi.collabmaturity.scoring.Source;
import fi.collabmaturity.scoring.Trajectory;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes, at the end of each batch, the results of every area the batch touched: the profile and overview
 * cell of each wave whose evidence changed (from its whole evidence, with the pure scoring functions of the core,
 * so a replayed or re-handled batch is exact), and the area's trajectory and maturity paths (every wave and the
 * latest wave with evidence, in every language) from its profiles. Each area is computed once per batch however
 * many of its events the batch held; its stored profiles are read in one query per chunk of areas and the results
 * written with bulk writes.
 */
public final class ResultBuilder {

    /** The languages paths are kept in (those the API serves). */
    static final List<String> LANGUAGES = List.of("fi", "sv", "en");
    private static final String ALL_WAVES = "\u0000all";
    private static final String TOUCHED = "maturity.touched";
    private static final int AREA_CHUNK = 100;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private final FrameworkCatalog frameworks;

    public ResultBuilder(FrameworkCatalog frameworks) {
        this.frameworks = frameworks;
    }

    /** What a batch touched: per study, whether all of it, and per area the waves whose evidence changed. */
    private static final class Touched {
        final Map<String, Set<String>> wholeStudies = new LinkedHashMap<>();
        final Map<String, Map<String, Set<String>>> areas = new LinkedHashMap<>();

        Set<String> waves(String studyId, String areaId) {
            return areas.computeIfAbsent(studyId, s -> new LinkedHashMap<>())
                    .computeIfAbsent(areaId, a -> new LinkedHashSet<>());
        }
    }

    /** The evidence of an area in a wave changed. */
    void touch(PendingWrites pending, String studyId, String areaId, String waveId) {
        touched(pending).waves(studyId, areaId).add(waveId);
    }

    /** An area was registered (every wave is scored for it) or its target profile set (its paths change). */
    void touchArea(PendingWrites pending, String studyId, String areaId, boolean everyWave) {
        Set<String> waves = touched(pending).waves(studyId, areaId);
        if (everyWave) {
            waves.add(ALL_WAVES);
        }
    }

    /** Every result of a study: its scoring policy or framework version changed, and every wave is scored anew. */
    void touchStudy(PendingWrites pending, String studyId) {
        touched(pending).wholeStudies.computeIfAbsent(studyId, s -> new LinkedHashSet<>()).add(ALL_WAVES);
    }

    /** A wave was created: every area has a profile in it, and it is part of every trajectory and path. */
    void touchWave(PendingWrites pending, String studyId, String waveId) {
        touched(pending).wholeStudies.computeIfAbsent(studyId, s -> new LinkedHashSet<>()).add(waveId);
    }

    private Touched touched(PendingWrites pending) {
        Touched touched = pending.attribute(TOUCHED, Touched::new);
        pending.afterWrites(TOUCHED, database -> build(database, touched));
        return touched;
    }

    private void build(MongoDatabase database, Touched touched) {
        Set<String> studies = new LinkedHashSet<>(touched.wholeStudies.keySet());
        studies.addAll(touched.areas.keySet());
        for (String studyId : studies) {
            StudyContext study = study(database, studyId);
            if (study == null) {
                throw new IllegalStateException("results for study " + studyId + " asked before the study");
            }
            Map<String, Set<String>> areas = new LinkedHashMap<>(touched.areas.getOrDefault(studyId, Map.of()));
            Set<String> everyArea = touched.wholeStudies.get(studyId);
            if (everyArea != null) {
                for (String areaId : study.areas().keySet()) {
                    Set<String> waves = new LinkedHashSet<>(areas.getOrDefault(areaId, Set.of()));
                    waves.addAll(everyArea);
                    areas.put(areaId, waves);
                }
            }
            List<String> ids = new ArrayList<>(areas.keySet());
            for (int from = 0; from < ids.size(); from += AREA_CHUNK) {
                Map<String, Set<String>> chunk = new LinkedHashMap<>();
                ids.subList(from, Math.min(ids.size(), from + AREA_CHUNK)).forEach(a -> chunk.put(a, areas.get(a)));
                build(database, study, chunk);
            }
        }
    }

    /** A study as the results are computed for it: its framework, policy, waves in time order, registered areas. */
    record StudyContext(String studyId, Framework framework, ScoringPolicy policy, List<String> waves,
                        Map<String, Document> areas) {

        MaturityProfile empty() {
            return ProfileScoring.profile(framework, policy, Map.of());
        }
    }

    /** The study as the maturity read models hold it; null before its creation was handled. */
    StudyContext study(MongoDatabase database, String studyId) {
        Document study = database.getCollection(MaturityCollections.STUDIES).find(Filters.eq("_id", studyId)).first();
        if (study == null || study.getString("frameworkId") == null) {
            return null;
        }
        Framework framework = frameworks.get(study.getString("frameworkId"), study.getString("frameworkVersion"));
        Document waves = study.get("waves", new Document());
        List<String> order = waves.keySet().stream()
                .sorted(Comparator.comparing((String w) -> String.valueOf(waves.get(w, Document.class)
                        .getString("opensOn"))).thenComparing(Comparator.naturalOrder()))
                .toList();
        Map<String, Document> areas = new LinkedHashMap<>();
        study.get("areas", new Document()).forEach((areaId, area) -> areas.put(areaId, (Document) area));
        return new StudyContext(studyId, framework, policy(study), order, areas);
    }

    private void build(MongoDatabase database, StudyContext study, Map<String, Set<String>> areas) {
        String studyId = study.studyId();
        Map<String, Set<String>> rescored = new LinkedHashMap<>();
        List<String> evidenceIds = new ArrayList<>();
        boolean readStored = false;
        for (Map.Entry<String, Set<String>> area : areas.entrySet()) {
            Set<String> waves = new LinkedHashSet<>();
            if (area.getValue().contains(ALL_WAVES)) {
                waves.addAll(study.waves());
            }
            area.getValue().stream().filter(w -> !w.equals(ALL_WAVES)).forEach(waves::add);
            rescored.put(area.getKey(), waves);
            waves.forEach(w -> evidenceIds.add(Ids.areaWave(studyId, area.getKey(), w)));
            readStored |= !waves.containsAll(study.waves());
        }
        Map<String, Document> evidence = new HashMap<>();
        if (!evidenceIds.isEmpty()) {
            database.getCollection(MaturityCollections.EVIDENCE).find(Filters.in("_id", evidenceIds))
                    .forEach(doc -> evidence.put(doc.getString("_id"), doc));
        }
        Map<String, StoredProfile> stored = new HashMap<>();
        if (readStored) {
            // by _id: the embedded store ignores secondary indexes, so a query by studyId and areaId reads every profile
            List<String> profileIds = new ArrayList<>();
            areas.keySet().forEach(a -> study.waves().forEach(w -> profileIds.add(Ids.areaWave(studyId, a, w))));
            profiles(database).find(Filters.in("_id", profileIds)).forEach(p -> stored.put(p.id(), p));
        }
        Map<String, Document> areaDocs = new HashMap<>();
        database.getCollection(MaturityCollections.AREAS)
                .find(Filters.in("_id", areas.keySet().stream().map(a -> Ids.area(studyId, a)).toList()))
                .forEach(doc -> areaDocs.put(doc.getString("areaId"), doc));

        List<WriteModel<StoredProfile>> profileWrites = new ArrayList<>();
        List<WriteModel<StoredOverviewCell>> cellWrites = new ArrayList<>();
        List<WriteModel<StoredTrajectory>> trajectoryWrites = new ArrayList<>();
        List<WriteModel<StoredPath>> pathWrites = new ArrayList<>();
        for (Map.Entry<String, Set<String>> area : rescored.entrySet()) {
            String areaId = area.getKey();
            Map<String, StoredProfile> byWave = new LinkedHashMap<>();
            for (String waveId : study.waves()) {
                StoredProfile kept = stored.get(Ids.areaWave(studyId, areaId, waveId));
                if (kept != null && !area.getValue().contains(waveId)) {
                    byWave.put(waveId, kept);
                }
            }
            Set<String> write = new LinkedHashSet<>(area.getValue());
            study.waves().stream().filter(w -> !byWave.containsKey(w)).forEach(write::add);
            for (String waveId : write) {
                String id = Ids.areaWave(studyId, areaId, waveId);
                AreaWaveEvidence scored = AreaWaveEvidence.from(evidence.getOrDefault(id, new Document()));
                MaturityProfile profile = ProfileScoring.profile(study.framework(), study.policy(),
                        scored.byDimension());
                StoredProfile doc = ProfileRecords.stored(id, studyId, areaId, waveId, profile, study.framework(),
                        scored.codes());
                byWave.put(waveId, doc);
                profileWrites.add(new ReplaceOneModel<>(Filters.eq("_id", id), doc, UPSERT));
                Document registered = study.areas().get(areaId);
                if (registered != null) {
                    cellWrites.add(new ReplaceOneModel<>(Filters.eq("_id", id), ProfileRecords.cell(id, studyId,
                            areaId, waveId, registered, profile, study.framework()), UPSERT));
                }
            }
            AreaResults results = AreaResults.of(study, areaId, areaDocs.get(areaId), byWave);
            trajectoryWrites.add(new ReplaceOneModel<>(Filters.eq("_id", results.trajectory().id()),
                    results.trajectory(), UPSERT));
            results.paths().forEach(p -> pathWrites.add(new ReplaceOneModel<>(Filters.eq("_id", p.id()), p, UPSERT)));
        }
        write(profiles(database), profileWrites);
        write(database.getCollection(MaturityCollections.OVERVIEWS, StoredOverviewCell.class), cellWrites);
        write(database.getCollection(MaturityCollections.TRAJECTORIES, StoredTrajectory.class), trajectoryWrites);
        write(database.getCollection(MaturityCollections.PATHS, StoredPath.class), pathWrites);
    }

    private static <T> void write(MongoCollection<T> collection, List<WriteModel<T>> writes) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, UNORDERED);
        }
    }

    static MongoCollection<StoredProfile> profiles(MongoDatabase database) {
        return database.getCollection(MaturityCollections.PROFILES, StoredProfile.class);
    }

    /**
     * An area's trajectory and paths, from its stored profiles by wave (a wave without one counts as without
     * evidence). The stored form is what they are computed from, so that a profile scored in this batch and one
     * read back count alike.
     */
    record AreaResults(StoredTrajectory trajectory, List<StoredPath> paths) {

        static AreaResults of(StudyContext study, String areaId, Document areaDoc,
                              Map<String, StoredProfile> stored) {
            Framework framework = study.framework();
            String studyId = study.studyId();
            List<String> waves = study.waves();
            Map<String, MaturityProfile> profiles = new LinkedHashMap<>();
            Map<String, Map<String, Map<String, Integer>>> codes = new HashMap<>();
            MaturityProfile empty = null;
            for (String waveId : waves) {
                StoredProfile p = stored.get(waveId);
                if (p == null) {
                    empty = empty == null ? study.empty() : empty;
                    profiles.put(waveId, empty);
                    codes.put(waveId, Map.of());
                } else {
                    profiles.put(waveId, ProfileRecords.scores(p));
                    codes.put(waveId, ProfileRecords.codes(p));
                }
            }
            FrameworkRef ref = FrameworkRef.of(framework);
            Trajectory trajectory = Trajectory.of(framework, study.policy(), waves, profiles);
            StoredTrajectory kept = new StoredTrajectory(Ids.area(studyId, areaId), studyId, areaId, ref, waves,
                    points(framework, trajectory.overall()),
                    trajectory.dimensions().stream().map(d -> new DimensionPoints(d.dimension(),
                            points(framework, d.points()))).toList(),
                    milestones(framework, Milestones.of(trajectory)));

            String latest = null;
            for (String w : waves) {
                if (profiles.get(w).dimensions().stream().anyMatch(d -> d.score() != null)) {
                    latest = w;
                }
            }
            var history = TargetProfiles.history(areaDoc == null ? new Document() : areaDoc, framework);
            List<StoredPath> paths = new ArrayList<>();
            List<String> requests = new ArrayList<>();
            requests.add(null);
            requests.addAll(waves);
            for (String requested : requests) {
                String chosen = requested == null ? latest : requested;
                List<String> upTo = chosen == null ? waves : waves.subList(0, waves.indexOf(chosen) + 1);
                List<MilestoneEntry> milestones = milestones(framework, Milestones.of(framework, upTo, profiles));
                // the target of the wave the path starts from: a target set later does not rewrite an earlier path
                TargetProfileChoice choice = history.forWave(waves, chosen);
                TargetProfileEntry target = new TargetProfileEntry(choice.isDefault(), choice.fromWaveId(),
                        choice.rationale(), choice.stages());
                for (String language : LANGUAGES) {
                    List<PathTarget> targets = List.of();
                    List<AboveTargetEntry> above = List.of();
                    List<String> unknown = framework.dimensions().stream().map(d -> d.code()).toList();
                    if (chosen != null) {
                        int at = waves.indexOf(chosen);
                        MaturityProfile previous = at > 0 ? profiles.get(waves.get(at - 1)) : null;
                        MaturityPath path = MaturityPath.of(framework, profiles.get(chosen), previous,
                                choice.stages(), codes.get(chosen), language);
                        targets = path.targets().stream().map(t -> PathTarget.of(framework, t)).toList();
                        above = path.aboveTarget().stream().map(a -> AboveTargetEntry.of(framework, a)).toList();
                        unknown = path.unknown();
                    }
                    paths.add(new StoredPath(StoredPath.id(studyId, areaId, requested, language), studyId, areaId,
                            requested, language, chosen, ref, target, targets, above, unknown, milestones));
                }
            }
            return new AreaResults(kept, paths);
        }

        private static List<Point> points(Framework framework, List<fi.collabmaturity.scoring.TrajectoryPoint> points) {
            return points.stream().map(p -> Point.of(framework, p)).toList();
        }

        private static List<MilestoneEntry> milestones(Framework framework,
                                                       List<fi.collabmaturity.scoring.Milestone> milestones) {
            return milestones.stream().map(m -> MilestoneEntry.of(framework, m)).toList();
        }
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
