package fi.collabmaturity.projection.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.collabmaturity.account.AccountCreated;
import fi.collabmaturity.privacy.InMemoryParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.projection.support.ProjectionBatches;
import fi.collabmaturity.selfassessment.RespondentDetails;
import fi.collabmaturity.selfassessment.SelfAssessmentSubmitted;
import fi.collabmaturity.selfassessment.SelfAssessmentWithdrawn;
import fi.collabmaturity.study.StudyCreated;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit projection's entries for given events: one per event, by its identifier, with its position. */
class AuditProjectionTest {

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
        batches = new ProjectionBatches(new AuditProjection(database), database, AuditCollections.PROCESSOR,
                AuditProjection.LAYOUT);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void everyEventHasOneEntryByItsIdentifierWithItsPosition() {
        Sealed details = sealer.seal(STUDY, "R1", new RespondentDetails("R1", "municipality", "coordination",
                Map.of("trust", "a personal comment")));
        EventMessage<?> created = batches.tracked("Study", STUDY, new StudyCreated(STUDY, "Study one",
                "keast-mandell-2014", "1.0.0", "A test study.", "maija"), "maija");
        EventMessage<?> submitted = batches.tracked("SelfAssessment", "sa1", new SelfAssessmentSubmitted("sa1",
                STUDY, "a1", "w1", details.participant(), details, Map.of("trust", new BigDecimal("2.5"))), "maija");
        EventMessage<?> withdrawn = batches.tracked("SelfAssessment", "sa1",
                new SelfAssessmentWithdrawn("sa1", STUDY, "a1", "w1", "duplicate"), null);
        // an event without an aggregate, from a log with gaps (a transaction that had not committed yet)
        Instant accountTime = Instant.parse("2024-03-02T08:00:00Z");
        EventMessage<?> account = new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(7, List.of(5L)),
                new GenericEventMessage<>("account-event-1", new AccountCreated("kalle", "{bcrypt}secret",
                        List.of("RESEARCHER")), Map.of("username", "admin"), accountTime));

        batches.handle(List.of(created, submitted, withdrawn, account));

        List<Document> entries = entries();
        assertThat(entries).extracting(e -> e.getString("_id")).containsExactly(created.getIdentifier(),
                submitted.getIdentifier(), withdrawn.getIdentifier(), "account-event-1");
        assertThat(entries).extracting(e -> e.getLong("position")).containsExactly(0L, 1L, 2L, 7L);

        Document studyEntry = entries.get(0);
        assertThat(studyEntry.getString("action")).isEqualTo("StudyCreated");
        assertThat(studyEntry.getString("user")).isEqualTo("maija");
        assertThat(studyEntry.get("time", Date.class)).isEqualTo(Date.from(created.getTimestamp()));
        assertThat(studyEntry.get("aggregate", Document.class)).isEqualTo(new Document("type", "Study")
                .append("id", STUDY).append("sequence", 0L));
        assertThat(studyEntry.get("summary", Document.class)).isEqualTo(new Document("studyId", STUDY)
                .append("frameworkId", "keast-mandell-2014").append("frameworkVersion", "1.0.0"));

        Document submittedEntry = entries.get(1);
        assertThat(submittedEntry.getString("action")).isEqualTo("SelfAssessmentSubmitted");
        assertThat(submittedEntry.getString("studyId")).isEqualTo(STUDY);
        assertThat(submittedEntry.getList("areaIds", String.class)).containsExactly("a1");
        assertThat(submittedEntry.getString("waveId")).isEqualTo("w1");
        // ids only: neither the respondent's reference nor the sealed details, nor the answers
        assertThat(submittedEntry.get("summary", Document.class)).isEqualTo(new Document("selfAssessmentId", "sa1")
                .append("studyId", STUDY).append("areaId", "a1").append("waveId", "w1"));

        Document withdrawnEntry = entries.get(2);
        assertThat(withdrawnEntry.get("aggregate", Document.class)).isEqualTo(new Document("type", "SelfAssessment")
                .append("id", "sa1").append("sequence", 1L));
        assertThat(withdrawnEntry.getString("user")).isNull();
        assertThat(withdrawnEntry.get("summary", Document.class).getString("reason")).isEqualTo("duplicate");

        Document accountEntry = entries.get(3);
        assertThat(accountEntry.getString("action")).isEqualTo("AccountCreated");
        assertThat(accountEntry.get("aggregate")).isNull();
        assertThat(accountEntry.getString("studyId")).isNull();
        assertThat(accountEntry.getList("areaIds", String.class)).isEmpty();
        assertThat(accountEntry.get("time", Date.class)).isEqualTo(Date.from(accountTime));
        assertThat(accountEntry.get("summary", Document.class)).isEqualTo(new Document("username", "kalle"));
    }

    @Test
    void handlingTheSameBatchAgainKeepsOneEntryPerEvent() {
        List<EventMessage<?>> batch = List.of(
                batches.tracked("Study", STUDY, new StudyCreated(STUDY, "Study one", "keast-mandell-2014", "1.0.0",
                        "A test study.", "maija"), "maija"),
                batches.tracked("SelfAssessment", "sa1",
                        new SelfAssessmentWithdrawn("sa1", STUDY, "a1", "w1", "duplicate"), "maija"));
        batches.handle(batch);
        List<Document> before = entries();
        assertThat(before).hasSize(2);

        // as after a crash before the token was stored: the same events, with a later one
        List<EventMessage<?>> again = new ArrayList<>(batch);
        EventMessage<?> later = batches.tracked("SelfAssessment", "sa2",
                new SelfAssessmentWithdrawn("sa2", STUDY, "a1", "w1", "test"), "maija");
        again.add(later);
        batches.handle(again);

        List<Document> after = entries();
        assertThat(after).hasSize(3);
        assertThat(after.subList(0, 2)).isEqualTo(before);
        assertThat(after.get(2).getString("_id")).isEqualTo(later.getIdentifier());
        assertThat(after.get(2).getLong("position")).isEqualTo(2L);
    }

    private List<Document> entries() {
        return database.getCollection(AuditCollections.ENTRIES).find().sort(new Document("position", 1))
                .into(new ArrayList<>());
    }
}
