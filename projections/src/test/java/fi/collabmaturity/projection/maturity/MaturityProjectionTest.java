package fi.collabmaturity.projection.maturity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.area.AreaRegistered;
import fi.collabmaturity.area.TargetProfileSet;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.privacy.InMemoryParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.projection.support.ProgressQueries;
import fi.collabmaturity.projection.support.ProjectionBatches;
import fi.collabmaturity.selfassessment.RespondentDetails;
import fi.collabmaturity.selfassessment.SelfAssessmentSubmitted;
import fi.collabmaturity.selfassessment.SelfAssessmentWithdrawn;
import fi.collabmaturity.study.StudyCreated;
import fi.collabmaturity.study.WaveCreated;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The maturity projection's results for given events, recomputed at the end of the batch as the processor runs
 * it: the profile of an area and wave, its overview row, the area's trajectory and paths, and the query handlers'
 * answers from them; the numbers are those of the API's slice scenario, computed by hand.
 */
class MaturityProjectionTest {

    private static final String STUDY = "s1";
    private static final String PROFILE_ID = STUDY + "/a1/w1";
    private static final Map<String, Integer> TARGET = Map.of("trust", 3, "communication", 3,
            "information_sharing", 3, "goals", 3, "power", 3, "resources", 2, "accountability", 3, "commitment", 3);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private ProjectionBatches batches;
    private final PersonalDataSealer sealer = new PersonalDataSealer(new InMemoryParticipantKeyStore());

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("read");
        batches = new ProjectionBatches(new MaturityProjection(database,
                new ResultBuilder(FrameworkCatalog.fromClasspath())), database, MaturityCollections.PROCESSOR,
                MaturityProjection.LAYOUT);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void theProfileOfThreeSelfAssessmentsHasTheirCountAndMean() {
        batches.handle(threeSelfAssessments());

        Document profile = profile();
        assertThat(profile.getString("studyId")).isEqualTo(STUDY);
        assertThat(profile.getString("areaId")).isEqualTo("a1");
        assertThat(profile.getString("waveId")).isEqualTo("w1");
        // trust 2.0, 2.0, 2.5: mean 13/6 = 2.1667, sd sqrt(1/12) = 0.2887, reported to 3 decimals
        Document trust = dimension(profile, "trust");
        Document trustAnswers = selfAssessments(trust);
        assertThat(trustAnswers.getInteger("n")).isEqualTo(3);
        assertThat(trustAnswers.getDouble("mean")).isEqualTo(2.167);
        assertThat(trustAnswers.getDouble("sd")).isEqualTo(0.289);
        assertThat(trust.getDouble("score")).isEqualTo(2.167);
        assertThat(trust.getString("evidence")).isEqualTo("sufficient");
        // the unrounded score, from which changes between waves are computed
        assertThat(profile.get("raw", Document.class).get("dimensions", Document.class).getDouble("trust"))
                .isCloseTo(13.0 / 6, offset(1e-12));
        // goals 1.0, 1.0, 1.5: mean 7/6 = 1.1667, the weakest
        assertThat(selfAssessments(dimension(profile, "goals")).getDouble("mean")).isEqualTo(1.167);
        assertThat(profile.getString("weakestDimension")).isEqualTo("goals");
        // resources answered twice only: below the minimum n of 3, so no score, but n and mean are kept
        Document resources = dimension(profile, "resources");
        assertThat(selfAssessments(resources).getInteger("n")).isEqualTo(2);
        assertThat(selfAssessments(resources).getDouble("mean")).isEqualTo(1.5);
        assertThat(resources.get("score")).isNull();
        assertThat(resources.getString("evidence")).isEqualTo("insufficient");
        // overall: the four scored dimensions, (13/6 + 3 + 7/6 + 2) / 4 = 2.0833
        assertThat(profile.get("overall", Document.class).getDouble("score")).isEqualTo(2.083);
    }

    @Test
    void aWithdrawnSelfAssessmentLeavesTheProfile() {
        batches.handle(threeSelfAssessments());

        batches.handle(List.of(batches.tracked("SelfAssessment", "sa3",
                new SelfAssessmentWithdrawn("sa3", STUDY, "a1", "w1", "duplicate"), "maija")));

        // trust 2.0, 2.0 remain: n 2, below the minimum, mean 2.0
        Document trust = dimension(profile(), "trust");
        assertThat(selfAssessments(trust).getInteger("n")).isEqualTo(2);
        assertThat(selfAssessments(trust).getDouble("mean")).isEqualTo(2.0);
        assertThat(trust.getString("evidence")).isEqualTo("insufficient");
        assertThat(trust.get("score")).isNull();
    }

    @Test
    void handlingTheSameBatchAgainGivesTheSameDocuments() {
        List<EventMessage<?>> batch = threeSelfAssessments();
        batches.handle(batch);
        Map<String, List<Document>> before = new LinkedHashMap<>();
        for (String collection : MaturityCollections.ALL) {
            before.put(collection, all(collection));
        }
        assertThat(before.get(MaturityCollections.PROFILES)).hasSize(1);
        assertThat(before.get(MaturityCollections.EVIDENCE).get(0).get("selfAssessments", Document.class))
                .containsOnlyKeys("sa1", "sa2", "sa3");

        // as after a crash before the token was stored: the same events, handled again
        batches.handle(batch);

        for (String collection : MaturityCollections.ALL) {
            assertThat(all(collection)).as(collection).isEqualTo(before.get(collection));
        }
    }

    @Test
    void theBatchKeepsTheAreasOverviewRowTrajectoryAndPathsInEveryLanguage() {
        batches.handle(threeSelfAssessments());

        Document cell = database.getCollection(MaturityCollections.OVERVIEWS).find(Filters.eq("_id", PROFILE_ID))
                .first();
        assertThat(cell).isNotNull();
        assertThat(cell.getString("name")).isEqualTo("Area a1");
        assertThat(cell.getString("regionCode")).isEqualTo("19");
        assertThat(cell.getString("interfaceTheme")).isEqualTo("hyte");
        assertThat(cell.get("overall", Document.class).getDouble("score")).isEqualTo(2.083);
        Document trust = cell.get("dimensions", Document.class).get("trust", Document.class);
        assertThat(trust.getDouble("score")).isEqualTo(2.167);
        assertThat(trust.getString("evidence")).isEqualTo("sufficient");
        assertThat(cell.get("dimensions", Document.class).get("resources", Document.class).getString("evidence"))
                .isEqualTo("insufficient");

        Document trajectory = database.getCollection(MaturityCollections.TRAJECTORIES)
                .find(Filters.eq("_id", STUDY + "/a1")).first();
        assertThat(trajectory).isNotNull();
        assertThat(trajectory.getList("waves", String.class)).containsExactly("w1");
        Document first = trajectory.getList("overall", Document.class).get(0);
        assertThat(first.getString("waveId")).isEqualTo("w1");
        assertThat(first.getDouble("score")).isEqualTo(2.083);
        assertThat(first.get("direction")).as("no wave before it").isNull();

        // one path per language at the wave and at the latest wave with evidence (which is w1)
        assertThat(database.getCollection(MaturityCollections.PATHS).countDocuments()).isEqualTo(6);
        Document latest = path(STUDY + "/a1//fi");
        assertThat(latest.getString("waveId")).isEqualTo("w1");
        assertThat(latest.get("targetProfile", Document.class).getBoolean("isDefault")).isFalse();
        // goals (1.167) is furthest below its target 3; resources has no score, so it is not a target but unknown
        List<Document> targets = latest.getList("targets", Document.class);
        assertThat(targets.get(0).getString("dimension")).isEqualTo("goals");
        assertThat(targets.get(0).getInteger("targetStageNumber")).isEqualTo(3);
        assertThat(targets).extracting(t -> t.getString("dimension")).doesNotContain("resources");
        assertThat(latest.getList("unknown", String.class)).contains("resources");
        Document sv = path(STUDY + "/a1//sv");
        assertThat(sv.getList("targets", Document.class).get(0).get("step", Document.class)
                .get("to", Document.class).getString("descriptor"))
                .as("the step in Swedish").isNotEqualTo(targets.get(0).get("step", Document.class)
                        .get("to", Document.class).getString("descriptor"));
        Document atWave = path(STUDY + "/a1/w1/fi");
        assertThat(atWave.getList("targets", Document.class)).isEqualTo(targets);
    }

    @Test
    void aSecondWaveAddsATrajectoryPointWithItsChangeAndKeepsTheFirstWavesProfile() {
        batches.handle(threeSelfAssessments());
        Document w1Before = profile();

        List<EventMessage<?>> later = new ArrayList<>();
        later.add(batches.tracked("Study", STUDY, new WaveCreated(STUDY, "w2", "Autumn 2025",
                LocalDate.parse("2025-09-01"), LocalDate.parse("2025-11-30")), "maija"));
        batches.handle(later);
        // the new wave has a profile of insufficient evidence at once, and is the trajectory's second point
        Document w2Empty = database.getCollection(MaturityCollections.PROFILES).find(Filters.eq("_id", STUDY
                + "/a1/w2")).first();
        assertThat(w2Empty).isNotNull();
        assertThat(w2Empty.get("overall", Document.class).get("score")).isNull();
        assertThat(database.getCollection(MaturityCollections.OVERVIEWS)
                .countDocuments(Filters.eq("waveId", "w2"))).isEqualTo(1);

        batches.handle(List.of(
                submitted("sb1", "w2", "R1", "trust=3.0,goals=2.0,communication=3.0,power=2.0"),
                submitted("sb2", "w2", "R2", "trust=3.0,goals=2.0,communication=3.0,power=2.0"),
                submitted("sb3", "w2", "R3", "trust=3.0,goals=2.0,communication=3.0,power=2.0")));

        assertThat(profile()).as("w1 untouched").isEqualTo(w1Before);
        Document trajectory = database.getCollection(MaturityCollections.TRAJECTORIES)
                .find(Filters.eq("_id", STUDY + "/a1")).first();
        assertThat(trajectory.getList("waves", String.class)).containsExactly("w1", "w2");
        Document trust = trajectory.getList("dimensions", Document.class).stream()
                .filter(d -> "trust".equals(d.getString("dimension"))).findFirst().orElseThrow();
        Document second = trust.getList("points", Document.class).get(1);
        assertThat(second.getString("waveId")).isEqualTo("w2");
        assertThat(second.getDouble("score")).isEqualTo(3.0);
        // 3.0 - 13/6 = 0.8333
        assertThat(second.getDouble("change")).isEqualTo(0.833);
        assertThat(second.getString("direction")).isNotNull();
        assertThat(path(STUDY + "/a1//en").getString("waveId")).as("the latest wave with evidence").isEqualTo("w2");
        assertThat(path(STUDY + "/a1/w1/en").getString("waveId")).isEqualTo("w1");
    }

    @Test
    void aTargetSetFromAWaveChangesThatWavesPathOnly() {
        batches.handle(threeSelfAssessments());
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(batches.tracked("Study", STUDY, new WaveCreated(STUDY, "w2", "Autumn 2025",
                LocalDate.parse("2025-09-01"), LocalDate.parse("2025-11-30")), "maija"));
        Map<String, Integer> lower = new LinkedHashMap<>(TARGET);
        lower.put("goals", 1);
        events.add(batches.tracked("Area", "a1", new TargetProfileSet(STUDY, "a1", lower, "w2",
                "goals need less here"), "maija"));
        batches.handle(events);

        Document w2 = path(STUDY + "/a1/w2/fi").get("targetProfile", Document.class);
        assertThat(w2.getString("fromWaveId")).isEqualTo("w2");
        assertThat(w2.getString("rationale")).isEqualTo("goals need less here");
        assertThat(w2.get("stages", Document.class).getInteger("goals")).isEqualTo(1);
        Document w1 = path(STUDY + "/a1/w1/fi").get("targetProfile", Document.class);
        assertThat(w1.get("stages", Document.class).getInteger("goals")).as("an earlier path keeps its target")
                .isEqualTo(3);
    }

    @Test
    void theQueryHandlersAnswerFromTheKeptDocumentsWithHowFarTheProjectionGot() {
        List<EventMessage<?>> events = threeSelfAssessments();
        events.add(batches.tracked("Area", "a2", new AreaRegistered(STUDY, "a2", "Area a2", "10", "sote", List.of(),
                TARGET), "maija"));
        batches.handle(events);
        MaturityQueryHandlers handlers = new MaturityQueryHandlers(database, new ProgressQueries(database),
                FrameworkCatalog.fromClasspath());

        ProfileResult profile = handlers.profile(new ResultQueries.ProfileQuery(STUDY, "a1", "w1"));
        assertThat(profile.areaId()).isEqualTo("a1");
        assertThat(profile.waveId()).isEqualTo("w1");
        assertThat(profile.asOf().position()).as("the last event's position").isEqualTo(events.size() - 1);
        assertThat(profile.overall().score()).isEqualTo(2.083);
        assertThat(profile.dimension("trust").orElseThrow().sources().selfAssessments().n()).isEqualTo(3);

        OverviewResult overview = handlers.overview(new ResultQueries.OverviewQuery(STUDY, "w1", null, null));
        assertThat(overview.areas()).extracting(OverviewResult.Row::areaId).containsExactly("a1", "a2");
        assertThat(overview.areas().get(1).overall().score()).as("no evidence").isNull();
        assertThat(overview.dimensions()).startsWith("trust");
        assertThat(overview.areas().get(0).dimensions().keySet()).as("in the framework's order")
                .containsExactlyElementsOf(overview.dimensions());
        assertThat(handlers.overview(new ResultQueries.OverviewQuery(STUDY, "w1", "10", null)).areas())
                .extracting(OverviewResult.Row::areaId).containsExactly("a2");
        assertThat(handlers.overview(new ResultQueries.OverviewQuery(STUDY, "w1", null, "hyte")).areas())
                .extracting(OverviewResult.Row::areaId).containsExactly("a1");

        TrajectoryResult trajectory = handlers.trajectory(new ResultQueries.TrajectoryQuery(STUDY, "a1"));
        assertThat(trajectory.waves()).containsExactly("w1");
        assertThat(trajectory.points("trust").get(0).score()).isEqualTo(2.167);

        PathResult path = handlers.path(new ResultQueries.PathQuery(STUDY, "a1", null, "en"));
        assertThat(path.waveId()).isEqualTo("w1");
        assertThat(path.language()).isEqualTo("en");
        assertThat(path.targets()).isNotEmpty().allSatisfy(t -> assertThat(t.relatedCodes()).isNotNull());
        assertThat(path.withoutCodes().targets()).allSatisfy(t -> assertThat(t.relatedCodes()).isNull());
        assertThat(handlers.path(new ResultQueries.PathQuery(STUDY, "a2", null, "en")).waveId())
                .as("no wave with evidence").isNull();

        // an area the projection has not reached yet: no evidence, not an error
        ProfileResult unknown = handlers.profile(new ResultQueries.ProfileQuery(STUDY, "a9", "w1"));
        assertThat(unknown.overall().score()).isNull();
        assertThat(unknown.dimensions()).allSatisfy(d -> assertThat(d.evidence()).isEqualTo("insufficient"));
        assertThat(handlers.path(new ResultQueries.PathQuery(STUDY, "a9", "w1", "fi")).targets()).isEmpty();

        ReliabilityResult reliability = handlers.reliability(new ResultQueries.ReliabilityQuery(STUDY, null));
        assertThat(reliability.alpha()).as("nothing double-coded").isNull();
        assertThat(reliability.units()).isZero();
        assertThat(reliability.waveId()).isNull();
    }

    private Document path(String id) {
        Document path = database.getCollection(MaturityCollections.PATHS).find(Filters.eq("_id", id)).first();
        assertThat(path).as("path " + id).isNotNull();
        return path;
    }

    private List<EventMessage<?>> threeSelfAssessments() {
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(batches.tracked("Study", STUDY, new StudyCreated(STUDY, "Study one", "keast-mandell-2014",
                "1.0.0", "A test study.", "maija"), "maija"));
        events.add(batches.tracked("Study", STUDY, new WaveCreated(STUDY, "w1", "Autumn 2024",
                LocalDate.parse("2024-09-01"), LocalDate.parse("2024-11-30")), "maija"));
        events.add(batches.tracked("Area", "a1", new AreaRegistered(STUDY, "a1", "Area a1", "19", "hyte", List.of(),
                TARGET), "maija"));
        events.add(submitted("sa1", "R1", "trust=2.0,goals=1.0,communication=3.0,power=2.0,resources=1.5"));
        events.add(submitted("sa2", "R2", "trust=2.0,goals=1.0,communication=3.0,power=2.0"));
        events.add(submitted("sa3", "R3", "trust=2.5,goals=1.5,communication=3.0,power=2.0,resources=1.5"));
        return events;
    }

    /** answers as "trust=2.0,goals=1.5". */
    private EventMessage<?> submitted(String id, String pseudonym, String answers) {
        return submitted(id, "w1", pseudonym, answers);
    }

    private EventMessage<?> submitted(String id, String waveId, String pseudonym, String answers) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String pair : answers.split(",")) {
            String[] kv = pair.split("=");
            values.put(kv[0], new BigDecimal(kv[1]));
        }
        Sealed details = sealer.seal(STUDY, pseudonym, new RespondentDetails(pseudonym, "municipality",
                "coordination", Map.of()));
        return batches.tracked("SelfAssessment", id, new SelfAssessmentSubmitted(id, STUDY, "a1", waveId,
                details.participant(), details, values), "maija");
    }

    private Document profile() {
        Document profile = database.getCollection(MaturityCollections.PROFILES).find(Filters.eq("_id", PROFILE_ID))
                .first();
        assertThat(profile).as("profile " + PROFILE_ID).isNotNull();
        return profile;
    }

    private static Document dimension(Document profile, String code) {
        return profile.getList("dimensions", Document.class).stream()
                .filter(d -> code.equals(d.getString("dimension"))).findFirst().orElseThrow();
    }

    private static Document selfAssessments(Document dimension) {
        return dimension.get("sources", Document.class).get("selfAssessments", Document.class);
    }

    private List<Document> all(String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
