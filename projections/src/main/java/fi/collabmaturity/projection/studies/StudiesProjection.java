package fi.collabmaturity.projection.studies;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fi.collabmaturity.account.AccountCreated;
import fi.collabmaturity.account.AccountDeleted;
import fi.collabmaturity.account.Usernames;
import fi.collabmaturity.area.AgreementRecorded;
import fi.collabmaturity.area.AreaRegistered;
import fi.collabmaturity.area.BuildingBlocksAssessed;
import fi.collabmaturity.area.ForumRecorded;
import fi.collabmaturity.area.NegotiationHeld;
import fi.collabmaturity.area.Party;
import fi.collabmaturity.area.TargetProfileSet;
import fi.collabmaturity.interview.FindingRecoded;
import fi.collabmaturity.interview.FindingRecorded;
import fi.collabmaturity.interview.FindingWithdrawn;
import fi.collabmaturity.interview.InterviewRecorded;
import fi.collabmaturity.projection.support.TargetProfiles;
import fi.collabmaturity.projection.support.FlushAtBatchEnd;
import fi.collabmaturity.projection.support.ReadModelReset;
import fi.collabmaturity.projection.support.Ids;
import fi.collabmaturity.projection.support.Keys;
import fi.collabmaturity.projection.support.Sealing;
import fi.collabmaturity.questionnaire.InvitationsIssued;
import fi.collabmaturity.questionnaire.QuestionnaireAnswerWithdrawn;
import fi.collabmaturity.questionnaire.QuestionnaireAnswered;
import fi.collabmaturity.questionnaire.QuestionnaireClosed;
import fi.collabmaturity.questionnaire.QuestionnaireOpened;
import fi.collabmaturity.reference.InterfaceThemeAdded;
import fi.collabmaturity.selfassessment.SelfAssessmentSubmitted;
import fi.collabmaturity.selfassessment.SelfAssessmentWithdrawn;
import fi.collabmaturity.study.StudyCreated;
import fi.collabmaturity.study.StudyFrameworkUpgraded;
import fi.collabmaturity.study.StudyMemberAdded;
import fi.collabmaturity.study.StudyMemberRemoved;
import fi.collabmaturity.study.StudyRole;
import fi.collabmaturity.study.WaveClosed;
import fi.collabmaturity.study.WaveCreated;
import fi.collabmaturity.study.WaveReopened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The records as researchers list and open them: studies with their waves and members, areas with their
 * structural evidence, interviews with their findings, self-assessments. Personal data stays sealed here and is
 * opened by the queries, only for those who may see it. Writes are $sets by key: handling an event twice changes
 * nothing, and handling the events from some point on again (a batch after a crash) ends where they ended before,
 * though a recorded finding is briefly back at its first coding until its later events are handled again.
 */
@ProcessingGroup(StudiesCollections.PROCESSOR)
public class StudiesProjection {

    /**
     * The version of this projection's read-model layout: raise it when documents change shape (see
     * MaturityProjection). 3: an area's target profiles per wave ({@link TargetProfiles}). 4: questionnaires,
     * their links and withdrawal codes ({@link QuestionnaireDocuments}).
     */
    public static final int LAYOUT = 5;

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final String USER = "username";
    private final MongoDatabase database;

    public StudiesProjection(MongoDatabase database) {
        this.database = database;
        ensureIndexes();
    }

    @EventHandler
    void on(StudyCreated e, @SequenceNumber Long version, @Timestamp Instant at, @MetaDataValue(USER) String user) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("title", e.title()),
                Updates.set("description", e.description()),
                Updates.set("frameworkId", e.frameworkId()),
                Updates.set("frameworkVersion", e.frameworkVersion()),
                Updates.set("createdAt", at.toString()),
                Updates.set("createdBy", user)));
        if (e.createdBy() != null) {
            // the creator is a researcher of the study until removed, as in StudyFacts
            updates.add(Updates.set(memberKey(e.createdBy()),
                    new Document("username", e.createdBy()).append("role", StudyRole.RESEARCHER.name())));
        }
        stage(StudiesCollections.STUDIES, e.studyId(), version, Updates.combine(updates));
    }

    @EventHandler
    void on(StudyFrameworkUpgraded e, @SequenceNumber Long version) {
        stage(StudiesCollections.STUDIES, e.studyId(), version, Updates.set("frameworkVersion", e.toVersion()));
    }

    @EventHandler
    void on(StudyMemberAdded e, @SequenceNumber Long version) {
        stage(StudiesCollections.STUDIES, e.studyId(), version, Updates.set(memberKey(e.username()),
                new Document("username", e.username()).append("role", e.role())));
    }

    @EventHandler
    void on(StudyMemberRemoved e, @SequenceNumber Long version) {
        stage(StudiesCollections.STUDIES, e.studyId(), version, Updates.unset(memberKey(e.username())));
    }

    /** Members are keyed by their username ignoring case: a later event for the same user replaces the earlier. */
    private static String memberKey(String username) {
        return "members." + Keys.encode(Usernames.key(username));
    }

    @EventHandler
    void on(WaveCreated e, @SequenceNumber Long version, @Timestamp Instant at) {
        stage(StudiesCollections.STUDIES, e.studyId(), version, Updates.set("waves." + e.waveId(),
                new Document("id", e.waveId()).append("label", e.label()).append("opensOn", date(e.opensOn()))
                        .append("closesOn", date(e.closesOn())).append("closed", false)
                        .append("createdAt", at.toString())));
    }

    @EventHandler
    void on(WaveClosed e, @SequenceNumber Long version, @Timestamp Instant at) {
        stage(StudiesCollections.STUDIES, e.studyId(), version, Updates.combine(
                Updates.set("waves." + e.waveId() + ".closed", true),
                Updates.set("waves." + e.waveId() + ".closedAt", at.toString())));
        QuestionnaireDocuments.waveClosed(e);
    }

    @EventHandler
    void on(WaveReopened e, @SequenceNumber Long version, @Timestamp Instant at) {
        stage(StudiesCollections.STUDIES, e.studyId(), version, Updates.combine(
                Updates.set("waves." + e.waveId() + ".closed", false),
                Updates.set("waves." + e.waveId() + ".reopenings." + version,
                        new Document("reason", e.reason()).append("at", at.toString()))));
        QuestionnaireDocuments.waveReopened(e);
    }

    @EventHandler
    void on(AreaRegistered e, @SequenceNumber Long version, @Timestamp Instant at) {
        stage(StudiesCollections.AREAS, Ids.area(e.studyId(), e.areaId()), version, Updates.combine(
                Updates.set("studyId", e.studyId()),
                Updates.set("id", e.areaId()),
                Updates.set("name", e.name()),
                Updates.set("regionCode", e.regionCode()),
                Updates.set("interfaceTheme", e.interfaceTheme()),
                Updates.set("parties", parties(e.parties())),
                Updates.set("targetProfile", new Document(Map.copyOf(e.targetProfile()))),
                TargetProfiles.registered(e, version),
                Updates.set("registeredAt", at.toString())));
    }

    @EventHandler
    void on(TargetProfileSet e, @SequenceNumber Long version) {
        stage(StudiesCollections.AREAS, Ids.area(e.studyId(), e.areaId()), version, Updates.combine(
                Updates.set("targetProfile", new Document(Map.copyOf(e.targetProfile()))),
                TargetProfiles.set(e, version)));
    }

    @EventHandler
    void on(BuildingBlocksAssessed e, @SequenceNumber Long version, @Timestamp Instant at) {
        stage(StudiesCollections.AREAS, Ids.area(e.studyId(), e.areaId()), version, Updates.combine(
                Updates.set("buildingBlocks", new Document(e.buildingBlocks().asMap())),
                Updates.set("buildingBlocksAssessedAt", at.toString())));
    }

    @EventHandler
    void on(AgreementRecorded e, @SequenceNumber Long version, @Timestamp Instant at) {
        stage(StudiesCollections.AREAS, Ids.area(e.studyId(), e.areaId()), version, Updates.set(
                "agreements." + e.agreementId(), new Document("id", e.agreementId()).append("kind", e.kind())
                        .append("status", e.status()).append("parties", parties(e.parties()))
                        .append("regionalCouncilParty", e.regionalCouncilParty())
                        .append("decidedOn", date(e.decidedOn())).append("recordedAt", at.toString())
                        .append("sequence", version)));
    }

    @EventHandler
    void on(NegotiationHeld e, @SequenceNumber Long version, @Timestamp Instant at) {
        stage(StudiesCollections.AREAS, Ids.area(e.studyId(), e.areaId()), version, Updates.set(
                "negotiations." + e.negotiationId(), new Document("id", e.negotiationId()).append("kind", e.kind())
                        .append("heldOn", date(e.heldOn())).append("model", e.model())
                        .append("participants", parties(e.participants())).append("recordedAt", at.toString())
                        .append("sequence", version)));
    }

    @EventHandler
    void on(ForumRecorded e, @SequenceNumber Long version, @Timestamp Instant at) {
        stage(StudiesCollections.AREAS, Ids.area(e.studyId(), e.areaId()), version, Updates.set(
                "forums." + e.forumId(), new Document("id", e.forumId()).append("name", e.name())
                        .append("level", e.level()).append("since", date(e.since()))
                        .append("recordedAt", at.toString()).append("sequence", version)));
    }

    @EventHandler
    void on(InterviewRecorded e, @SequenceNumber Long version, @Timestamp Instant at,
            @MetaDataValue(USER) String user) {
        stage(StudiesCollections.INTERVIEWS, e.interviewId(), version, Updates.combine(
                Updates.set("studyId", e.studyId()),
                Updates.set("waveId", e.waveId()),
                Updates.set("conductedOn", date(e.conductedOn())),
                Updates.set("informant", e.informant()),
                Updates.set("informantDetails", Sealing.toDocument(e.informantDetails())),
                Updates.set("areaIds", e.areaIds()),
                Updates.set("interviewer", e.interviewer()),
                Updates.set("recordedAt", at.toString()),
                Updates.set("recordedBy", user)));
    }

    @EventHandler
    void on(FindingRecorded e, @SequenceNumber Long version, @Timestamp Instant at, @MetaDataValue(USER) String user) {
        // the finding as one value under one path, not a path per field: a batch's updates of an interview are
        // merged into one, and mongo-java-server checks every pair of an update's paths (a dozen per finding made
        // the interviews a third of a replay). Handling it again re-creates the entry as it was first recorded;
        // the events after it, handled again in order, bring it back to where it was.
        Document finding = new Document("id", e.findingId())
                .append("segmentId", e.segmentId())
                .append("coder", e.coder())
                .append("areaId", e.areaId())
                .append("dimension", e.dimension())
                .append("stage", e.stage())
                .append("codes", e.codes())
                .append("excerpt", Sealing.toDocument(e.excerpt()))
                .append("revision", 1L)
                .append("withdrawn", false)
                .append("recordedAt", at.toString())
                .append("history", new Document("1", coding(e.areaId(), e.dimension(), e.stage(), e.codes(), 1, at,
                        user)));
        stage(StudiesCollections.INTERVIEWS, e.interviewId(), version, Updates.set("findings." + e.findingId(),
                finding));
    }

    @EventHandler
    void on(FindingRecoded e, @SequenceNumber Long version, @Timestamp Instant at, @MetaDataValue(USER) String user) {
        String key = "findings." + e.findingId();
        stage(StudiesCollections.INTERVIEWS, e.interviewId(), version, Updates.combine(
                Updates.set(key + ".dimension", e.dimension()),
                Updates.set(key + ".stage", e.stage()),
                Updates.set(key + ".codes", e.codes()),
                Updates.set(key + ".excerpt", Sealing.toDocument(e.excerpt())),
                Updates.set(key + ".revision", e.revision()),
                Updates.set(key + ".history." + e.revision(),
                        coding(e.areaId(), e.dimension(), e.stage(), e.codes(), e.revision(), at, user))));
    }

    @EventHandler
    void on(FindingWithdrawn e, @SequenceNumber Long version, @Timestamp Instant at, @MetaDataValue(USER) String user) {
        String key = "findings." + e.findingId();
        stage(StudiesCollections.INTERVIEWS, e.interviewId(), version, Updates.combine(
                Updates.set(key + ".withdrawn", true),
                Updates.set(key + ".withdrawal", new Document("reason", e.reason()).append("at", at.toString())
                        .append("by", user))));
    }

    @EventHandler
    void on(SelfAssessmentSubmitted e, @SequenceNumber Long version, @Timestamp Instant at,
            @MetaDataValue(USER) String user) {
        Document answers = new Document();
        e.answers().forEach((dimension, value) -> answers.append(dimension, value.doubleValue()));
        stage(StudiesCollections.SELF_ASSESSMENTS, e.selfAssessmentId(), version, Updates.combine(
                Updates.set("studyId", e.studyId()),
                Updates.set("areaId", e.areaId()),
                Updates.set("waveId", e.waveId()),
                Updates.set("respondent", e.respondent()),
                Updates.set("respondentDetails", Sealing.toDocument(e.respondentDetails())),
                Updates.set("answers", answers),
                Updates.set("withdrawn", false),
                Updates.set("submittedAt", at.toString()),
                Updates.set("submittedBy", user)));

        stage(StudiesCollections.RESPONDENT_ANSWERS, Ids.respondentOfAreaWave(e.studyId(), e.areaId(), e.waveId(),
                e.respondent()), null, Updates.addToSet("answers", e.selfAssessmentId()));
    }

    @EventHandler
    void on(SelfAssessmentWithdrawn e, @SequenceNumber Long version, @Timestamp Instant at,
            @MetaDataValue(USER) String user) {
        stage(StudiesCollections.SELF_ASSESSMENTS, e.selfAssessmentId(), version, Updates.combine(
                Updates.set("withdrawn", true),
                Updates.set("withdrawal", new Document("reason", e.reason()).append("at", at.toString())
                        .append("by", user))));
        QuestionnaireDocuments.selfAssessmentWithdrawn(e);
    }

    @EventHandler
    void on(QuestionnaireOpened e, @SequenceNumber Long version, @Timestamp Instant at) {
        QuestionnaireDocuments.opened(e, version, at);
    }

    @EventHandler
    void on(InvitationsIssued e, @SequenceNumber Long version) {
        QuestionnaireDocuments.invitations(e, version);
    }

    @EventHandler
    void on(QuestionnaireClosed e, @SequenceNumber Long version, @Timestamp Instant at) {
        QuestionnaireDocuments.closed(e, version, at);
    }

    @EventHandler
    void on(QuestionnaireAnswered e, @SequenceNumber Long version, @Timestamp Instant at) {
        QuestionnaireDocuments.answered(e, version, at);
    }

    @EventHandler
    void on(QuestionnaireAnswerWithdrawn e, @SequenceNumber Long version) {
        QuestionnaireDocuments.answerWithdrawn(e, version);
    }

    @EventHandler
    void on(InterfaceThemeAdded e, @Timestamp Instant at) {
        FlushAtBatchEnd.pending().stage(StudiesCollections.THEMES, new UpdateOneModel<>(Filters.eq("_id", e.code()),
                Updates.combine(Updates.set("names", new Document(e.names().asMap())),
                        Updates.set("addedAt", at.toString())), UPSERT));
    }

    /** Accounts as administrators list them: name, roles, dates; never the password hash. */
    @EventHandler
    void on(AccountCreated e, @Timestamp Instant at) {
        FlushAtBatchEnd.pending().stage(StudiesCollections.ACCOUNTS, new UpdateOneModel<>(
                Filters.eq("_id", e.username()), Updates.combine(Updates.set("roles", e.roles()),
                Updates.set("createdAt", at.toString()), Updates.unset("deletedAt")), UPSERT));
    }

    @EventHandler
    void on(AccountDeleted e, @Timestamp Instant at) {
        FlushAtBatchEnd.pending().stage(StudiesCollections.ACCOUNTS, new UpdateOneModel<>(
                Filters.eq("_id", e.username()), Updates.set("deletedAt", at.toString()), UPSERT));
    }

    @ResetHandler
    void reset() {
        ReadModelReset.drop(database, StudiesCollections.ALL);
        ensureIndexes();
    }

    /** For the questionnaires of a wave (a production MongoDB uses it; the embedded store ignores it). */
    private void ensureIndexes() {
        database.getCollection(StudiesCollections.QUESTIONNAIRES).createIndex(
                Indexes.ascending("studyId", "waveId"), new IndexOptions().name("questionnaires_of_wave"));
    }

    private static Document coding(String areaId, String dimension, int stage, List<String> codes, long revision,
                                   Instant at, String user) {
        return new Document("revision", revision).append("areaId", areaId).append("dimension", dimension)
                .append("stage", stage).append("codes", codes).append("at", at.toString()).append("by", user);
    }

    private static List<Document> parties(List<Party> parties) {
        List<Document> out = new ArrayList<>();
        if (parties != null) {
            for (Party p : parties) {
                out.add(new Document("type", p.type()).append("name", p.name()).append("code", p.code()));
            }
        }
        return out;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Stages an upsert that also records the aggregate version, unless a later version is already recorded. */
    private void stage(String collection, String id, Long version, Bson update) {
        Bson withVersion = version == null ? update : Updates.combine(update, Updates.max("version", version));
        FlushAtBatchEnd.pending().stage(collection, new UpdateOneModel<>(Filters.eq("_id", id), withVersion, UPSERT));
    }
}
