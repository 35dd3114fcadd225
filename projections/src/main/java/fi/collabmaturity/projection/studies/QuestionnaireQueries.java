package fi.collabmaturity.projection.studies;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questionnaires of the studies projection: a study's list, one questionnaire, and the lookups of the public
 * form (a link by its token's hash, an answer by its withdrawal code's hash). Only hashes are stored, never tokens.
 */
public final class QuestionnaireQueries {

    private final MongoDatabase database;

    public QuestionnaireQueries(MongoDatabase database) {
        this.database = database;
    }

    /** A study's questionnaires in the order they were opened. */
    public record QuestionnairesQuery(String studyId) {
    }

    /** One questionnaire of a study; answered null when the projection does not have it (yet). */
    public record QuestionnaireQuery(String studyId, String questionnaireId) {
    }

    @QueryHandler
    public List<StoredQuestionnaire> handle(QuestionnairesQuery query) {
        return list(query.studyId()).stream().map(QuestionnaireQueries::stored).toList();
    }

    @QueryHandler
    public StoredQuestionnaire handle(QuestionnaireQuery query) {
        return get(query.studyId(), query.questionnaireId()).map(QuestionnaireQueries::stored).orElse(null);
    }

    private static StoredQuestionnaire stored(Document view) {
        Map<String, Integer> byArea = new LinkedHashMap<>();
        view.get("responsesByArea", new Document()).forEach((area, n) -> byArea.put(area, ((Number) n).intValue()));
        return new StoredQuestionnaire(view.getString("questionnaireId"), view.getString("studyId"),
                view.getString("waveId"), strings(view.get("areaIds")), view.getString("mode"),
                strings(view.get("languages")), view.getString("closesOn"), texts(view.get("intro")),
                texts(view.get("privacyNotice")), view.getString("noticeVersion"),
                Boolean.TRUE.equals(view.getBoolean("askComments")),
                Boolean.TRUE.equals(view.getBoolean("askOrganisationType")),
                Boolean.TRUE.equals(view.getBoolean("askActorLevel")), view.getString("openedAt"),
                view.getString("closedAt"),
                view.get("version") == null ? null : ((Number) view.get("version")).longValue(),
                view.getBoolean("closed", false), ((Number) view.get("invitations")).intValue(),
                ((Number) view.get("responses")).intValue(), byArea, ((Number) view.get("withdrawn")).intValue(),
                strings(view.get("currentAnswers")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object stored) {
        return (List<String>) stored;
    }

    /** Texts by language, in their stored order; null stays null. */
    private static Map<String, String> texts(Object stored) {
        if (!(stored instanceof Document texts)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        texts.forEach((language, text) -> out.put(language, (String) text));
        return out;
    }

    /** A study's questionnaires in the order they were opened, as documents (for the dashboard). */
    public List<Document> list(String studyId) {
        return database.getCollection(StudiesCollections.QUESTIONNAIRES).find(Filters.eq("studyId", studyId))
                .sort(Sorts.ascending("openedAt", "_id")).into(new ArrayList<>()).stream()
                .map(QuestionnaireQueries::view).toList();
    }

    public Optional<Document> get(String studyId, String questionnaireId) {
        return Optional.ofNullable(database.getCollection(StudiesCollections.QUESTIONNAIRES)
                .find(Filters.eq("_id", QuestionnaireDocuments.id(studyId, questionnaireId))).first())
                .map(QuestionnaireQueries::view);
    }

    /**
     * The link whose token has this sha-256 hash: {_id, studyId, questionnaireId, invitation, answer (an
     * invitation's current self-assessment, if any), answerWithdrawn}.
     */
    public Optional<Document> link(String tokenHash) {
        return Optional.ofNullable(database.getCollection(StudiesCollections.QUESTIONNAIRE_LINKS)
                .find(Filters.eq("_id", tokenHash)).first());
    }

    /** The answer whose withdrawal code has this sha-256 hash: {_id, studyId, questionnaireId, selfAssessmentId}. */
    public Optional<Document> withdrawalCode(String codeHash) {
        return Optional.ofNullable(database.getCollection(StudiesCollections.QUESTIONNAIRE_CODES)
                .find(Filters.eq("_id", codeHash)).first());
    }

    /**
     * A questionnaire as the design names it ({@code closed}: closed by a researcher or by its wave; the closing
     * date is the reader's to compare), with {@code currentAnswers}: the self-assessments that count as its
     * responses (not withdrawn, not replaced).
     */
    private static Document view(Document doc) {
        List<String> current = new ArrayList<>();
        doc.get("answers", new Document()).forEach((id, value) -> {
            if (!((Document) value).getBoolean("withdrawn", false)) {
                current.add(id);
            }
        });
        Document out = new Document("_id", doc.getString("_id"));
        for (String field : List.of("studyId", "questionnaireId", "waveId", "areaIds", "mode", "languages",
                "closesOn", "intro", "privacyNotice", "noticeVersion", "askComments", "askOrganisationType",
                "askActorLevel", "openedAt", "closedAt", "version")) {
            out.append(field, doc.get(field));
        }
        out.append("closed", doc.getBoolean("closed", false))
                .append("invitations", doc.get("invitations", 0))
                .append("responses", doc.get("responses", 0))
                .append("responsesByArea", doc.get("responsesByArea", new Document()))
                .append("withdrawn", doc.get("withdrawn", 0))
                .append("currentAnswers", current);
        return out;
    }
}
