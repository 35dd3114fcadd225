package fi.collabmaturity.projection.maturity;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.projection.maturity.ResultBuilder.AreaResults;
import fi.collabmaturity.projection.maturity.ResultBuilder.StudyContext;
import fi.collabmaturity.projection.maturity.ResultParts.AsOf;
import fi.collabmaturity.projection.maturity.ResultQueries.OverviewQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.PathQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.ProfileQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.ReliabilityQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.TrajectoryQuery;
import fi.collabmaturity.projection.support.Ids;
import fi.collabmaturity.projection.support.ProgressQueries;
import fi.collabmaturity.scoring.KrippendorffAlpha;
import fi.collabmaturity.scoring.Numbers;
import fi.collabmaturity.scoring.ScoringPolicy;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Answers the maturity results from the documents the projection keeps in their shapes: a profile, trajectory or
 * path is one document read by {@code _id}, an overview one indexed query; only {@code asOf} (how far the
 * projection had got, read before the document, so the document is at least that new) is added per request.
 * Reliability is computed here from the double codings, which are small and read by {@code _id}.
 *
 * <p>An answer is kept in memory for the position it was read at ({@link AnswerMemo}): decoding the stored records
 * is most of what a read costs, and the same question at the same position has the same answer.
 *
 * <p>Results not kept yet (a study or area whose events the projection has not reached) are those of no evidence.
 */
public final class MaturityQueryHandlers {

    public static final String PROCESSOR = MaturityCollections.PROCESSOR;
    private final MongoDatabase database;
    private final ProgressQueries progress;
    private final ResultBuilder builder;
    private final FrameworkCatalog frameworks;
    private final AnswerMemo answers = new AnswerMemo(AnswerMemo.CAPACITY);

    public MaturityQueryHandlers(MongoDatabase database, ProgressQueries progress, FrameworkCatalog frameworks) {
        this.database = database;
        this.progress = progress;
        this.frameworks = frameworks;
        this.builder = new ResultBuilder(frameworks);
    }

    @QueryHandler
    public ProfileResult profile(ProfileQuery q) {
        return remembered(q, asOf -> readProfile(q, asOf));
    }

    private ProfileResult readProfile(ProfileQuery q, AsOf asOf) {
        String id = Ids.areaWave(q.studyId(), q.areaId(), q.waveId());
        StoredProfile stored = ResultBuilder.profiles(database).find(Filters.eq("_id", id)).first();
        if (stored == null) {
            StudyContext study = study(q.studyId());
            stored = ProfileRecords.stored(id, q.studyId(), q.areaId(), q.waveId(), study.empty(), study.framework(),
                    Map.of());
        }
        return ProfileResult.of(stored, asOf);
    }

    @QueryHandler
    public OverviewResult overview(OverviewQuery q) {
        return remembered(q, asOf -> readOverview(q, asOf));
    }

    private OverviewResult readOverview(OverviewQuery q, AsOf asOf) {
        // one read by _id (the embedded store ignores secondary indexes): the cells of the study's registered areas
        StudyContext study = study(q.studyId());
        List<String> ids = study.areas().keySet().stream().map(a -> Ids.areaWave(q.studyId(), a, q.waveId())).toList();
        List<StoredOverviewCell> cells = ids.isEmpty() ? new ArrayList<>()
                : database.getCollection(MaturityCollections.OVERVIEWS, StoredOverviewCell.class)
                        .find(Filters.in("_id", ids)).into(new ArrayList<>());
        cells.removeIf(c -> (q.regionCode() != null && !q.regionCode().equals(c.regionCode()))
                || (q.interfaceTheme() != null && !q.interfaceTheme().equals(c.interfaceTheme())));
        cells.sort(Comparator.comparing(StoredOverviewCell::areaId));
        Framework framework = cells.isEmpty() ? study.framework()
                : frameworks.get(cells.get(0).framework().id(), cells.get(0).framework().version());
        List<String> dimensions = framework.dimensions().stream().map(d -> d.code()).toList();
        return new OverviewResult(q.studyId(), q.waveId(), asOf, ResultParts.FrameworkRef.of(framework), dimensions,
                cells.stream().map(c -> OverviewResult.Row.of(c, dimensions)).toList());
    }

    @QueryHandler
    public TrajectoryResult trajectory(TrajectoryQuery q) {
        return remembered(q, asOf -> readTrajectory(q, asOf));
    }

    private TrajectoryResult readTrajectory(TrajectoryQuery q, AsOf asOf) {
        StoredTrajectory stored = database.getCollection(MaturityCollections.TRAJECTORIES, StoredTrajectory.class)
                .find(Filters.eq("_id", Ids.area(q.studyId(), q.areaId()))).first();
        if (stored == null) {
            stored = withoutEvidence(q.studyId(), q.areaId(), null).trajectory();
        }
        return TrajectoryResult.of(stored, asOf);
    }

    @QueryHandler
    public PathResult path(PathQuery q) {
        return remembered(q, asOf -> readPath(q, asOf));
    }

    private PathResult readPath(PathQuery q, AsOf asOf) {
        String id = StoredPath.id(q.studyId(), q.areaId(), q.waveId(), q.language());
        StoredPath stored = database.getCollection(MaturityCollections.PATHS, StoredPath.class)
                .find(Filters.eq("_id", id)).first();
        if (stored == null) {
            stored = withoutEvidence(q.studyId(), q.areaId(), q.waveId()).paths().stream()
                    .filter(p -> p.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no path in language " + q.language()));
        }
        return PathResult.of(stored, asOf);
    }

    /**
     * Krippendorff's alpha (ordinal) over the double-coded findings of a study, or of one wave of it. Each coding
     * counts as the framework measures it, so two codings within one anchor (power's 1 and 2, both "own power")
     * agree.
     */
    @QueryHandler
    public ReliabilityResult reliability(ReliabilityQuery q) {
        return remembered(q, asOf -> readReliability(q, asOf));
    }

    private ReliabilityResult readReliability(ReliabilityQuery q, AsOf asOf) {
        StudyContext study = study(q.studyId());
        Framework framework = study.framework();
        List<String> waveIds = q.waveId() == null ? study.waves() : List.of(q.waveId());
        List<String> ids = new ArrayList<>();
        waveIds.forEach(w -> study.areas().keySet().forEach(a -> ids.add(Ids.areaWave(q.studyId(), a, w))));
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
        return new ReliabilityResult(result.metric().code(), Numbers.round3(result.alpha()), result.units(),
                result.coders(), result.pairableValues(), result.reason(), asOf, q.waveId());
    }

    /** The answer at the projection's current position: remembered, or read (with that asOf) and remembered. */
    private <T> T remembered(Object query, Function<AsOf, T> read) {
        AsOf asOf = asOf();
        return answers.answer(query, asOf.position(), () -> read.apply(asOf));
    }

    private AsOf asOf() {
        return AsOf.of(progress.asOf(PROCESSOR));
    }

    /** The results of an area without evidence; with a wave the read models do not know yet as the last. */
    private AreaResults withoutEvidence(String studyId, String areaId, String waveId) {
        StudyContext study = study(studyId);
        if (waveId != null && !study.waves().contains(waveId)) {
            List<String> waves = new ArrayList<>(study.waves());
            waves.add(waveId);
            study = new StudyContext(studyId, study.framework(), study.policy(), List.copyOf(waves), study.areas());
        }
        Document area = database.getCollection(MaturityCollections.AREAS)
                .find(Filters.eq("_id", Ids.area(studyId, areaId))).first();
        return AreaResults.of(study, areaId, area, Map.of());
    }

    /**
     * The study as the read models hold it; before the projection reached it, one of the default framework and
     * policy without waves or areas (nothing of it is known yet).
     */
    private StudyContext study(String studyId) {
        StudyContext study = builder.study(database, studyId);
        if (study != null) {
            return study;
        }
        return new StudyContext(studyId, frameworks.get(FrameworkCatalog.DEFAULT_FRAMEWORK_ID), ScoringPolicy.DEFAULT,
                List.of(), Map.of());
    }

}
