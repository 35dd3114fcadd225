package fi.collabmaturity.projection.studies;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
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
