package fi.collabmaturity.projection.studies;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fi.collabmaturity.projection.support.FlushAtBatchEnd;
import fi.collabmaturity.projection.support.PendingWrites;
import fi.collabmaturity.questionnaire.InvitationsIssued;
import fi.collabmaturity.questionnaire.QuestionnaireAnswerWithdrawn;
import fi.collabmaturity.questionnaire.QuestionnaireAnswered;
import fi.collabmaturity.questionnaire.QuestionnaireClosed;
import fi.collabmaturity.questionnaire.QuestionnaireOpened;
import fi.collabmaturity.selfassessment.SelfAssessmentWithdrawn;
import fi.collabmaturity.study.WaveClosed;
import fi.collabmaturity.study.WaveReopened;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The questionnaires of the studies projection. Each answer is kept by its self-assessment id (with whether it was
 * replaced or withdrawn) and each issue of invitations by its sequence number, so that handling an event again
 * changes nothing; the counts ({@code invitations}, {@code responses}, {@code responsesByArea}, {@code withdrawn})
 * are computed from those after the batch's writes.
 */
final class QuestionnaireDocuments {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final String TOUCHED = "questionnaires.touched";
    private static final String WITHDRAWN = "questionnaires.withdrawnAnswers";

    private QuestionnaireDocuments() {
    }

    static String id(String studyId, String questionnaireId) {
        return studyId + "/" + questionnaireId;
    }

    static void opened(QuestionnaireOpened e, Long version, Instant at) {
        String id = id(e.studyId(), e.questionnaireId());
        stage(id, version, Updates.combine(
                Updates.set("studyId", e.studyId()),
                Updates.set("questionnaireId", e.questionnaireId()),
                Updates.set("waveId", e.waveId()),
                Updates.set("areaIds", e.areaIds()),
                Updates.set("mode", e.mode()),
                Updates.set("languages", e.languages()),
                Updates.set("closesOn", e.closesOn() == null ? null : e.closesOn().toString()),
                Updates.set("intro", new Document(Map.copyOf(e.intro() == null ? Map.of() : e.intro()))),
                Updates.set("privacyNotice", new Document(Map.copyOf(e.privacyNotice()))),
                Updates.set("noticeVersion", e.noticeVersion()),
                Updates.set("askComments", e.askComments()),
                Updates.set("askOrganisationType", e.askOrganisationType()),
                Updates.set("askActorLevel", e.askActorLevel()),
                Updates.set("openedAt", at.toString())));
        if (e.openLinkHash() != null) {
            link(e.openLinkHash(), e.studyId(), e.questionnaireId(), false);
        }
        touched(id);
    }

    static void invitations(InvitationsIssued e, Long version) {
        String id = id(e.studyId(), e.questionnaireId());
        stage(id, version, Updates.set("issued." + version, e.invitationHashes().size()));
        for (String hash : e.invitationHashes()) {
            link(hash, e.studyId(), e.questionnaireId(), true);
        }
        touched(id);
    }

    static void closed(QuestionnaireClosed e, Long version, Instant at) {
        stage(id(e.studyId(), e.questionnaireId()), version, Updates.combine(
                Updates.set("closedByResearcher", true), Updates.set("closed", true),
                Updates.set("closedAt", at.toString())));
    }

    static void waveClosed(WaveClosed e) {
        pending().stage(StudiesCollections.QUESTIONNAIRES, new UpdateManyModel<>(
                Filters.and(Filters.eq("studyId", e.studyId()), Filters.eq("waveId", e.waveId())),
                Updates.combine(Updates.set("waveClosed", true), Updates.set("closed", true))));
    }

    static void waveReopened(WaveReopened e) {
        Bson ofWave = Filters.and(Filters.eq("studyId", e.studyId()), Filters.eq("waveId", e.waveId()));
        pending().stage(StudiesCollections.QUESTIONNAIRES, new UpdateManyModel<>(ofWave,
                Updates.set("waveClosed", false)));
        pending().stage(StudiesCollections.QUESTIONNAIRES, new UpdateManyModel<>(
                Filters.and(ofWave, Filters.ne("closedByResearcher", true)), Updates.set("closed", false)));
    }

    static void answered(QuestionnaireAnswered e, Long version, Instant at) {
        String id = id(e.studyId(), e.questionnaireId());
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("answers." + e.selfAssessmentId(),
                new Document("areaId", e.areaId()).append("invitation", e.invitationHash() != null)
                        .append("answeredAt", at.toString()).append("withdrawn", false).append("replaced", false))));
        if (e.replaces() != null) {
            updates.add(Updates.set("answers." + e.replaces() + ".replaced", true));
        }
        stage(id, version, Updates.combine(updates));
        pending().stage(StudiesCollections.QUESTIONNAIRE_CODES, new UpdateOneModel<>(
                Filters.eq("_id", e.withdrawalCodeHash()), Updates.combine(Updates.set("studyId", e.studyId()),
                Updates.set("questionnaireId", e.questionnaireId()),
                Updates.set("selfAssessmentId", e.selfAssessmentId())), UPSERT));
        if (e.invitationHash() != null) {
            pending().stage(StudiesCollections.QUESTIONNAIRE_LINKS, new UpdateOneModel<>(
                    Filters.eq("_id", e.invitationHash()), Updates.set("answer", e.selfAssessmentId()), UPSERT));
        }
        touched(id);
    }

    static void answerWithdrawn(QuestionnaireAnswerWithdrawn e, Long version) {
        String id = id(e.studyId(), e.questionnaireId());
        String key = "answers." + e.selfAssessmentId();
        stage(id, version, Updates.combine(Updates.set(key + ".withdrawn", true),
                Updates.set(key + ".byRespondent", true)));
        pending().stage(StudiesCollections.QUESTIONNAIRE_LINKS, new UpdateManyModel<>(
                Filters.and(Filters.eq("studyId", e.studyId()), Filters.eq("answer", e.selfAssessmentId())),
                Updates.combine(Updates.set("answer", null), Updates.set("answerWithdrawn", true))));
        touched(id);
    }

    /** Any withdrawal of a self-assessment (a researcher's too) takes it out of its questionnaire's responses. */
    static void selfAssessmentWithdrawn(SelfAssessmentWithdrawn e) {
        Bson holder = Filters.and(Filters.eq("studyId", e.studyId()),
                Filters.exists("answers." + e.selfAssessmentId()));
        pending().stage(StudiesCollections.QUESTIONNAIRES, new UpdateManyModel<>(holder,
                Updates.set("answers." + e.selfAssessmentId() + ".withdrawn", true)));
        pending().<List<Bson>>attribute(WITHDRAWN, ArrayList::new).add(holder);
        countAfterWrites();
    }

    private static void link(String hash, String studyId, String questionnaireId, boolean invitation) {
        pending().stage(StudiesCollections.QUESTIONNAIRE_LINKS, new UpdateOneModel<>(Filters.eq("_id", hash),
                Updates.combine(Updates.set("studyId", studyId), Updates.set("questionnaireId", questionnaireId),
                        Updates.set("invitation", invitation)), UPSERT));
    }

    private static void stage(String id, Long version, Bson update) {
        Bson withVersion = version == null ? update : Updates.combine(update, Updates.max("version", version));
        pending().stage(StudiesCollections.QUESTIONNAIRES, new UpdateOneModel<>(Filters.eq("_id", id), withVersion,
                UPSERT));
    }

    private static void touched(String id) {
        pending().<Set<String>>attribute(TOUCHED, LinkedHashSet::new).add(id);
        countAfterWrites();
    }

    private static void countAfterWrites() {
        PendingWrites pending = pending();
        pending.afterWrites(TOUCHED, database -> {
            Set<String> ids = new LinkedHashSet<>(pending.<Set<String>>attribute(TOUCHED, LinkedHashSet::new));
            for (Bson holder : pending.<List<Bson>>attribute(WITHDRAWN, ArrayList::new)) {
                database.getCollection(StudiesCollections.QUESTIONNAIRES).find(holder)
                        .projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
            }
            ids.forEach(id -> count(database, id));
        });
    }

    private static void count(MongoDatabase database, String id) {
        Document doc = database.getCollection(StudiesCollections.QUESTIONNAIRES).find(Filters.eq("_id", id)).first();
        if (doc == null) {
            return;
        }
        int invitations = 0;
        for (Object n : doc.get("issued", new Document()).values()) {
            invitations += ((Number) n).intValue();
        }
        Map<String, Integer> byArea = new LinkedHashMap<>();
        doc.getList("areaIds", String.class, List.of()).forEach(area -> byArea.put(area, 0));
        int responses = 0;
        int withdrawn = 0;
        for (Object value : doc.get("answers", new Document()).values()) {
            Document answer = (Document) value;
            if (!answer.getBoolean("withdrawn", false)) {
                responses++;
                byArea.merge(answer.getString("areaId"), 1, Integer::sum);
            } else if (!answer.getBoolean("replaced", false)) {
                withdrawn++;
            }
        }
        database.getCollection(StudiesCollections.QUESTIONNAIRES).updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("invitations", invitations), Updates.set("responses", responses),
                Updates.set("responsesByArea", new Document(new LinkedHashMap<>(byArea))),
                Updates.set("withdrawn", withdrawn)));
    }

    private static PendingWrites pending() {
        return FlushAtBatchEnd.pending();
    }
}
