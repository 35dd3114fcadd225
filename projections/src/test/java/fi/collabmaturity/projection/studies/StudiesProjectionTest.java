package fi.collabmaturity.projection.studies;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.privacy.InMemoryParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.projection.support.ProjectionBatches;
import fi.collabmaturity.projection.support.Sealing;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The studies projection's documents for given events, built by its handlers as the processor calls them. */
class StudiesProjectionTest {

    private static final String STUDY = "s1";
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
        batches = new ProjectionBatches(new StudiesProjection(database), database, StudiesCollections.PROCESSOR,
                StudiesProjection.LAYOUT);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private EventMessage<?> study() {
        return batches.tracked("Study", STUDY, new StudyCreated(STUDY, "Study one", "keast-mandell-2014", "1.0.0",
                "A test study.", "maija"), "maija");
    }

    private EventMessage<?> wave() {
        return batches.tracked("Study", STUDY, new WaveCreated(STUDY, "w1", "Autumn 2024",
                LocalDate.parse("2024-09-01"), LocalDate.parse("2024-11-30")), "maija");
    }

    private SelfAssessmentSubmitted submitted(String id, String pseudonym, Map<String, BigDecimal> answers) {
        Sealed details = sealer.seal(STUDY, pseudonym, new RespondentDetails(pseudonym, "municipality",
                "coordination", Map.of()));
        return new SelfAssessmentSubmitted(id, STUDY, "a1", "w1", details.participant(), details, answers);
    }

    @Test
    void aSelfAssessmentIsKeptAndLeavesTheCurrentAnswersWhenWithdrawn() {
        SelfAssessmentSubmitted submitted = submitted("sa1", "R-1",
                Map.of("trust", new BigDecimal("2.5"), "goals", new BigDecimal("1.0")));
        batches.handle(List.of(study(), wave(), batches.tracked("SelfAssessment", "sa1", submitted, "maija")));

        Document stored = selfAssessment("sa1");
        assertThat(stored.getString("studyId")).isEqualTo(STUDY);
        assertThat(stored.getString("areaId")).isEqualTo("a1");
        assertThat(stored.getString("waveId")).isEqualTo("w1");
        assertThat(stored.getString("respondent")).isEqualTo(submitted.respondent());
        assertThat(stored.get("answers", Document.class)).isEqualTo(new Document("trust", 2.5).append("goals", 1.0));
        assertThat(stored.getBoolean("withdrawn")).isFalse();
        assertThat(stored.getString("submittedBy")).isEqualTo("maija");
        assertThat(stored.getString("submittedAt")).isEqualTo("2024-03-01T10:03:00Z");
        assertThat(stored.getLong("version")).isZero();
        // the personal details stay sealed in the read model, as the event sealed them
        assertThat(Sealing.fromDocument(stored.get("respondentDetails"))).isEqualTo(submitted.respondentDetails());
        StudiesQueries queries = new StudiesQueries(database);
        assertThat(queries.answerBy(STUDY, "a1", "w1", submitted.respondent(), null)).contains("sa1");
        assertThat(progressPosition()).isEqualTo(2L);

        batches.handle(List.of(batches.tracked("SelfAssessment", "sa1",
                new SelfAssessmentWithdrawn("sa1", STUDY, "a1", "w1", "duplicate"), "kalle")));

        Document withdrawn = selfAssessment("sa1");
        assertThat(withdrawn.getBoolean("withdrawn")).isTrue();
        assertThat(withdrawn.get("withdrawal", Document.class)).isEqualTo(new Document("reason", "duplicate")
                .append("at", "2024-03-01T10:04:00Z").append("by", "kalle"));
        // the record is kept, with its answers; only the current answers no longer have it
        assertThat(withdrawn.get("answers", Document.class)).isEqualTo(new Document("trust", 2.5).append("goals", 1.0));
        assertThat(withdrawn.getLong("version")).isEqualTo(1L);
        assertThat(queries.answerBy(STUDY, "a1", "w1", submitted.respondent(), null)).isEmpty();
        assertThat(progressPosition()).isEqualTo(3L);
    }

    @Test
    void aRespondentsEarliestAnswerNotWithdrawnIsFoundByAreaAndWave() {
        SelfAssessmentSubmitted first = submitted("sa1", "R-1", Map.of("trust", new BigDecimal("2.0")));
        SelfAssessmentSubmitted second = submitted("sa2", "R-1", Map.of("trust", new BigDecimal("3.0")));
        SelfAssessmentSubmitted other = submitted("sa3", "R-2", Map.of("trust", new BigDecimal("1.0")));
        batches.handle(List.of(study(), wave(), batches.tracked("SelfAssessment", "sa1", first, "maija"),
                batches.tracked("SelfAssessment", "sa2", second, "maija"),
                batches.tracked("SelfAssessment", "sa3", other, "maija")));
        StudiesQueries queries = new StudiesQueries(database);
        String respondent = first.respondent();
        assertThat(second.respondent()).isEqualTo(respondent);

        assertThat(queries.answerBy(STUDY, "a1", "w1", respondent, null)).contains("sa1");
        assertThat(queries.answerBy(STUDY, "a1", "w1", respondent, "sa1")).contains("sa2");
        assertThat(queries.answerBy(STUDY, "a1", "w1", other.respondent(), null)).contains("sa3");
        assertThat(queries.answerBy(STUDY, "a1", "w1", other.respondent(), "sa3")).isEmpty();
        assertThat(queries.answerBy(STUDY, "a1", "w2", respondent, null)).isEmpty();
        assertThat(queries.answerBy(STUDY, "a2", "w1", respondent, null)).isEmpty();

        batches.handle(List.of(batches.tracked("SelfAssessment", "sa1",
                new SelfAssessmentWithdrawn("sa1", STUDY, "a1", "w1", "duplicate"), "kalle")));
        assertThat(queries.answerBy(STUDY, "a1", "w1", respondent, null)).contains("sa2");
        assertThat(queries.answerBy(STUDY, "a1", "w1", respondent, "sa2")).isEmpty();
    }

    @Test
    void handlingTheSameBatchAgainGivesTheSameDocuments() {
        List<EventMessage<?>> batch = List.of(study(), wave(),
                batches.tracked("SelfAssessment", "sa1", submitted("sa1", "R-1",
                        Map.of("trust", new BigDecimal("2.0"))), "maija"),
                batches.tracked("SelfAssessment", "sa2", submitted("sa2", "R-2",
                        Map.of("trust", new BigDecimal("3.0"))), "maija"),
                batches.tracked("SelfAssessment", "sa1",
                        new SelfAssessmentWithdrawn("sa1", STUDY, "a1", "w1", "duplicate"), "maija"));
        batches.handle(batch);
        List<Document> studies = all(StudiesCollections.STUDIES);
        List<Document> selfAssessments = all(StudiesCollections.SELF_ASSESSMENTS);
        assertThat(studies).hasSize(1);
        assertThat(selfAssessments).hasSize(2);
        assertThat(selfAssessments.get(0).getBoolean("withdrawn")).isTrue();
        assertThat(selfAssessments.get(1).getBoolean("withdrawn")).isFalse();
        assertThat(studies.get(0).get("waves", Document.class).get("w1", Document.class)).isEqualTo(
                new Document("id", "w1").append("label", "Autumn 2024").append("opensOn", "2024-09-01")
                        .append("closesOn", "2024-11-30").append("closed", false)
                        .append("createdAt", "2024-03-01T10:02:00Z"));

        // as after a crash before the token was stored: the same events, handled again
        batches.handle(batch);

        assertThat(all(StudiesCollections.STUDIES)).isEqualTo(studies);
        assertThat(all(StudiesCollections.SELF_ASSESSMENTS)).isEqualTo(selfAssessments);
    }

    private Document selfAssessment(String id) {
        return database.getCollection(StudiesCollections.SELF_ASSESSMENTS).find(Filters.eq("_id", id)).first();
    }

    private List<Document> all(String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private long progressPosition() {
        return database.getCollection("projection_progress").find(Filters.eq("_id", StudiesCollections.PROCESSOR))
                .first().getLong("position");
    }
}
