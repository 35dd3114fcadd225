package fi.collabmaturity.projection.studies;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import fi.collabmaturity.account.Roles;
import fi.collabmaturity.account.Usernames;
import fi.collabmaturity.projection.support.TargetProfiles;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Lists and single records of the studies projection, in the API's shapes (personal data still sealed). */
public final class StudiesQueries {

    private final MongoDatabase database;

    public StudiesQueries(MongoDatabase database) {
        this.database = database;
    }

    /** A page of the studies that pass {@code visible}, by id. */
    public Page studies(Predicate<Document> visible, int page, int size) {
        List<Document> all = new ArrayList<>();
        for (Document doc : collection(StudiesCollections.STUDIES).find().sort(Sorts.ascending("_id"))) {
            if (visible.test(doc)) {
                all.add(doc);
            }
        }
        return Page.of(all.stream().map(StudiesQueries::studySummary).toList(), page, size);
    }

    public Optional<Document> study(String studyId) {
        return Optional.ofNullable(collection(StudiesCollections.STUDIES).find(Filters.eq("_id", studyId)).first());
    }

    /** Members of a study document as a list of {username, role}. */
    public static List<Document> members(Document study) {
        Document members = study.get("members", new Document());
        List<Document> out = new ArrayList<>();
        members.values().forEach(m -> out.add((Document) m));
        out.sort(Comparator.comparing(d -> d.getString("username")));
        return out;
    }

    public Page areas(String studyId, int page, int size) {
        return Page.of(find(StudiesCollections.AREAS, Filters.eq("studyId", studyId), Sorts.ascending("_id"))
                .stream().map(StudiesQueries::area).toList(), page, size);
    }

    public Optional<Document> area(String studyId, String areaId) {
        return Optional.ofNullable(collection(StudiesCollections.AREAS)
                .find(Filters.eq("_id", studyId + "/" + areaId)).first()).map(StudiesQueries::area);
    }

    /** Interviews of a study (optionally of one wave or speaking of one area), in recording order; sealed data kept. */
    public Page interviews(String studyId, String waveId, String areaId, int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("studyId", studyId)));
        if (waveId != null) {
            filters.add(Filters.eq("waveId", waveId));
        }
        List<Document> all = find(StudiesCollections.INTERVIEWS, Filters.and(filters), Sorts.ascending("recordedAt", "_id"))
                .stream().filter(d -> areaId == null || d.getList("areaIds", String.class, List.of()).contains(areaId))
                .toList();
        return Page.of(all, page, size);
    }

    public Optional<Document> interview(String studyId, String interviewId) {
        return Optional.ofNullable(collection(StudiesCollections.INTERVIEWS).find(Filters.eq("_id", interviewId)).first())
                .filter(d -> studyId.equals(d.getString("studyId")));
    }

    /** Self-assessments of a study, optionally of one area and/or wave, in submission order; sealed data kept. */
    public Page selfAssessments(String studyId, String areaId, String waveId, int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("studyId", studyId)));
        if (areaId != null) {
            filters.add(Filters.eq("areaId", areaId));
        }
        if (waveId != null) {
            filters.add(Filters.eq("waveId", waveId));
        }
        return Page.of(find(StudiesCollections.SELF_ASSESSMENTS, Filters.and(filters),
                Sorts.ascending("submittedAt", "_id")), page, size);
    }

    public Optional<Document> selfAssessment(String studyId, String selfAssessmentId) {
        return Optional.ofNullable(collection(StudiesCollections.SELF_ASSESSMENTS)
                .find(Filters.eq("_id", selfAssessmentId)).first())
                .filter(d -> studyId.equals(d.getString("studyId")));
    }

    /**
     * A self-assessment, not withdrawn, by this respondent (participant reference) of the area in the wave, other
     * than {@code except} (if not null); by the index {@link StudiesProjection} keeps for it.
     */
    public Optional<String> answerBy(String studyId, String areaId, String waveId, String respondent, String except) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("studyId", studyId), Filters.eq("areaId", areaId),
                Filters.eq("waveId", waveId), Filters.eq("respondent", respondent), Filters.eq("withdrawn", false)));
        if (except != null) {
            filters.add(Filters.ne("_id", except));
        }
        Document found = collection(StudiesCollections.SELF_ASSESSMENTS).find(Filters.and(filters))
                .projection(new Document("_id", 1)).sort(Sorts.ascending("submittedAt", "_id")).first();
        return Optional.ofNullable(found).map(d -> d.getString("_id"));
    }

    /** Accounts that exist (not deleted), by username. */
    public Page accounts(int page, int size) {
        List<Document> all = find(StudiesCollections.ACCOUNTS, new Document(), Sorts.ascending("_id")).stream()
                .filter(d -> d.get("deletedAt") == null)
                .map(d -> new Document("username", d.getString("_id")).append("roles", d.get("roles"))
                        .append("createdAt", d.getString("createdAt")))
                .toList();
        return Page.of(all, page, size);
    }

    /** The spelling of the account, existing or deleted, whose username equals this one ignoring case. */
    public Optional<String> accountNamed(String username) {
        String key = Usernames.key(username);
        for (Document d : collection(StudiesCollections.ACCOUNTS).find().projection(new Document("_id", 1))) {
            if (Usernames.key(d.getString("_id")).equals(key)) {
                return Optional.of(d.getString("_id"));
            }
        }
        return Optional.empty();
    }

    /** How many accounts exist (not deleted) with the ADMIN role. */
    public long activeAdmins() {
        return collection(StudiesCollections.ACCOUNTS).countDocuments(Filters.and(Filters.eq("roles", Roles.ADMIN),
                Filters.eq("deletedAt", null)));
    }

    /** Interface themes added by administrators (the seeded ones are reference data of the core). */
    public List<Document> addedInterfaceThemes() {
        return find(StudiesCollections.THEMES, new Document(), Sorts.ascending("_id"));
    }

    private List<Document> find(String collection, Bson filter, Bson sort) {
        return collection(collection).find(filter).sort(sort).into(new ArrayList<>());
    }

    private static Document studySummary(Document doc) {
        return new Document("id", doc.getString("_id")).append("title", doc.getString("title"))
                .append("description", doc.getString("description"))
                .append("framework", new Document("id", doc.getString("frameworkId"))
                        .append("version", doc.getString("frameworkVersion")))
                .append("createdAt", doc.getString("createdAt"));
    }

    /** An area as the API shows it: keyed collections of structural evidence become lists in recording order. */
    private static Document area(Document doc) {
        Document out = new Document("id", doc.getString("id")).append("studyId", doc.getString("studyId"))
                .append("name", doc.getString("name")).append("regionCode", doc.getString("regionCode"))
                .append("interfaceTheme", doc.getString("interfaceTheme")).append("parties", doc.get("parties"))
                .append("targetProfile", doc.get("targetProfile"))
                .append("targetProfiles", TargetProfiles.list(doc))
                .append("buildingBlocks", doc.get("buildingBlocks"))
                .append("agreements", inOrder(doc.get("agreements", new Document())))
                .append("negotiations", inOrder(doc.get("negotiations", new Document())))
                .append("forums", inOrder(doc.get("forums", new Document())))
                .append("version", doc.get("version"));
        return out;
    }

    private static List<Document> inOrder(Document keyed) {
        List<Document> list = new ArrayList<>();
        keyed.values().forEach(v -> {
            Document d = new Document((Document) v);
            list.add(d);
        });
        list.sort(Comparator.comparing(d -> ((Number) d.get("sequence")).longValue()));
        list.forEach(d -> d.remove("sequence"));
        return list;
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /** A page of a list, with the API's paging fields. */
    public record Page(List<Document> content, int page, int size, long totalElements) {

        public static Page of(List<Document> all, int page, int size) {
            int from = (int) Math.min((long) page * size, all.size());
            int to = Math.min(all.size(), from + size);
            return new Page(all.subList(from, to), page, size, all.size());
        }
    }
}
