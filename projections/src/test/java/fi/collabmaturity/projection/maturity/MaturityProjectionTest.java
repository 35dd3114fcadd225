package fi.collabmaturity.projection.maturity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.area.AreaRegistered;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.privacy.InMemoryParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.privacy.Sealed;
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
 * The maturity projection's profile of an area and wave for given self-assessments, recomputed at the end of the
 * batch as the processor runs it; the numbers are those of the API's slice scenario, computed by hand.
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
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String pair : answers.split(",")) {
            String[] kv = pair.split("=");
            values.put(kv[0], new BigDecimal(kv[1]));
        }
        Sealed details = sealer.seal(STUDY, pseudonym, new RespondentDetails(pseudonym, "municipality",
                "coordination", Map.of()));
        return batches.tracked("SelfAssessment", id, new SelfAssessmentSubmitted(id, STUDY, "a1", "w1",
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
