package fi.collabmaturity.projection.studies;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import fi.collabmaturity.account.Roles;
import fi.collabmaturity.account.Usernames;
import fi.collabmaturity.area.BuildingBlocks;
import fi.collabmaturity.area.Party;
import fi.collabmaturity.projection.support.Ids;
import fi.collabmaturity.projection.support.Page;
import fi.collabmaturity.projection.support.TargetProfiles;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Lists and single records of the studies projection, in the API's shapes (personal data still sealed): the query
 * handlers answer records ({@link AreaView}, {@link SealedInterview}, ...) to the API through Axon's query gateway;
 * the methods that answer documents are for the dashboard's templates and the rules that look answers up.
 */
public final class StudiesQueries {

    private final MongoDatabase database;

    public StudiesQueries(MongoDatabase database) {
        this.database = database;
    }

    /** A page of the studies that pass {@code visible}, by id. */
    public DocumentPage studies(Predicate<Document> visible, int page, int size) {
        List<Document> all = new ArrayList<>();
        for (Document doc : collection(StudiesCollections.STUDIES).find().sort(Sorts.ascending("_id"))) {
            if (visible.test(doc)) {
                all.add(doc);
            }
        }
        return DocumentPage.of(all.stream().map(StudiesQueries::studySummary).toList(), page, size);
    }

    /** A page of the studies {@code member} is a member of (in any spelling), by id; all of them if null. */
    public record StudiesQuery(String member, int page, int size) {
    }

    @QueryHandler
    public StudyPage handle(StudiesQuery query) {
        List<StudySummary> all = new ArrayList<>();
        for (Document doc : collection(StudiesCollections.STUDIES).find().sort(Sorts.ascending("_id"))) {
            if (query.member() == null || members(doc).stream()
                    .anyMatch(m -> Usernames.same(query.member(), m.getString("username")))) {
                all.add(new StudySummary(doc.getString("_id"), doc.getString("title"), doc.getString("description"),
                        new StudySummary.FrameworkRef(doc.getString("frameworkId"),
                                doc.getString("frameworkVersion")), doc.getString("createdAt")));
            }
        }
        return StudyPage.of(Page.of(all, query.page(), query.size()));
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

    /** A page of a study's areas, by id. */
    public record AreasQuery(String studyId, int page, int size) {
    }

    /** One area of a study; answered null when the projection does not have it (yet). */
    public record AreaQuery(String studyId, String areaId) {
    }

    @QueryHandler
    public AreaPage handle(AreasQuery query) {
        List<Document> all = find(StudiesCollections.AREAS, Filters.eq("studyId", query.studyId()),
                Sorts.ascending("_id"));
        return AreaPage.of(Page.of(all, query.page(), query.size()).map(StudiesQueries::areaView));
    }

    @QueryHandler
    public AreaView handle(AreaQuery query) {
        Document doc = areaDocument(query.studyId(), query.areaId());
        return doc == null ? null : areaView(doc);
    }

    /** The area in the API's shape as a document, for the dashboard's templates. */
    public Optional<Document> area(String studyId, String areaId) {
        return Optional.ofNullable(areaDocument(studyId, areaId)).map(StudiesQueries::area);
    }

    private Document areaDocument(String studyId, String areaId) {
        return collection(StudiesCollections.AREAS).find(Filters.eq("_id", Ids.area(studyId, areaId))).first();
    }

    /** Interviews of a study (optionally of one wave or speaking of one area), in recording order; sealed data kept. */
    public DocumentPage interviews(String studyId, String waveId, String areaId, int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("studyId", studyId)));
        if (waveId != null) {
            filters.add(Filters.eq("waveId", waveId));
        }
        List<Document> all = find(StudiesCollections.INTERVIEWS, Filters.and(filters), Sorts.ascending("recordedAt", "_id"))
                .stream().filter(d -> areaId == null || d.getList("areaIds", String.class, List.of()).contains(areaId))
                .toList();
        return DocumentPage.of(all, page, size);
    }

    public Optional<Document> interview(String studyId, String interviewId) {
        return Optional.ofNullable(collection(StudiesCollections.INTERVIEWS).find(Filters.eq("_id", interviewId)).first())
                .filter(d -> studyId.equals(d.getString("studyId")));
    }

    /** Interviews of a study, optionally of one wave or speaking of one area, in recording order. */
    public record InterviewsQuery(String studyId, String waveId, String areaId, int page, int size) {
    }

    /** One interview of a study; answered null when there is none. */
    public record InterviewQuery(String studyId, String interviewId) {
    }

    @QueryHandler
    public InterviewPage handle(InterviewsQuery query) {
        List<Document> all = interviews(query.studyId(), query.waveId(), query.areaId(), 0, Integer.MAX_VALUE)
                .content();
        return InterviewPage.of(Page.of(all, query.page(), query.size()).map(StudiesQueries::sealedInterview));
    }

    @QueryHandler
    public SealedInterview handle(InterviewQuery query) {
        return interview(query.studyId(), query.interviewId()).map(StudiesQueries::sealedInterview).orElse(null);
    }

    private static SealedInterview sealedInterview(Document doc) {
        List<Document> findings = new ArrayList<>();
        doc.get("findings", new Document()).values().forEach(f -> findings.add((Document) f));
        findings.sort(Comparator.comparing((Document f) -> f.getString("recordedAt"))
                .thenComparing(f -> f.getString("id")));
        return new SealedInterview(doc.getString("_id"), doc.getString("waveId"), doc.getString("conductedOn"),
                doc.get("informantDetails"), strings(doc.get("areaIds")), doc.getString("interviewer"),
                doc.getString("recordedAt"), number(doc.get("version")),
                findings.stream().map(StudiesQueries::sealedFinding).toList());
    }

    private static SealedInterview.Finding sealedFinding(Document f) {
        List<Document> history = new ArrayList<>();
        f.get("history", new Document()).values().forEach(h -> history.add((Document) h));
        history.sort(Comparator.comparing(h -> ((Number) h.get("revision")).longValue()));
        return new SealedInterview.Finding(f.getString("id"), f.getString("segmentId"), f.getString("areaId"),
                f.getString("dimension"), integer(f.get("stage")), strings(f.get("codes")), f.get("excerpt"),
                f.getString("coder"), number(f.get("revision")), f.getBoolean("withdrawn"),
                withdrawal(f.get("withdrawal", Document.class)), f.getString("recordedAt"),
                history.stream().map(h -> new SealedInterview.Coding(number(h.get("revision")),
                        h.getString("areaId"), h.getString("dimension"), integer(h.get("stage")),
                        strings(h.get("codes")), h.getString("at"), h.getString("by"))).toList());
    }

    static Withdrawal withdrawal(Document stored) {
        return stored == null ? null
                : new Withdrawal(stored.getString("reason"), stored.getString("at"), stored.getString("by"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object stored) {
        return (List<String>) stored;
    }

    private static Integer integer(Object stored) {
        return stored == null ? null : ((Number) stored).intValue();
    }

    /** Self-assessments of a study, optionally of one area and/or wave, in submission order; sealed data kept. */
    public DocumentPage selfAssessments(String studyId, String areaId, String waveId, int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("studyId", studyId)));
        if (areaId != null) {
            filters.add(Filters.eq("areaId", areaId));
        }
        if (waveId != null) {
            filters.add(Filters.eq("waveId", waveId));
        }
        return DocumentPage.of(find(StudiesCollections.SELF_ASSESSMENTS, Filters.and(filters),
                Sorts.ascending("submittedAt", "_id")), page, size);
    }

    public Optional<Document> selfAssessment(String studyId, String selfAssessmentId) {
        return Optional.ofNullable(collection(StudiesCollections.SELF_ASSESSMENTS)
                .find(Filters.eq("_id", selfAssessmentId)).first())
                .filter(d -> studyId.equals(d.getString("studyId")));
    }

    /** Self-assessments of a study, optionally of one area and/or wave, in submission order. */
    public record SelfAssessmentsQuery(String studyId, String areaId, String waveId, int page, int size) {
    }

    /** One self-assessment of a study; answered null when there is none. */
    public record SelfAssessmentQuery(String studyId, String selfAssessmentId) {
    }

    @QueryHandler
    public SelfAssessmentPage handle(SelfAssessmentsQuery query) {
        List<Document> all = selfAssessments(query.studyId(), query.areaId(), query.waveId(), 0, Integer.MAX_VALUE)
                .content();
        return SelfAssessmentPage.of(Page.of(all, query.page(), query.size())
                .map(StudiesQueries::sealedSelfAssessment));
    }

    @QueryHandler
    public SealedSelfAssessment handle(SelfAssessmentQuery query) {
        return selfAssessment(query.studyId(), query.selfAssessmentId()).map(StudiesQueries::sealedSelfAssessment)
                .orElse(null);
    }

    private static SealedSelfAssessment sealedSelfAssessment(Document doc) {
        Map<String, Double> answers = new LinkedHashMap<>();
        doc.get("answers", new Document()).forEach((dimension, value) ->
                answers.put(dimension, value == null ? null : ((Number) value).doubleValue()));
        return new SealedSelfAssessment(doc.getString("_id"), doc.getString("areaId"), doc.getString("waveId"),
                doc.get("respondentDetails"), answers, doc.getBoolean("withdrawn"),
                withdrawal(doc.get("withdrawal", Document.class)), doc.getString("submittedAt"),
                number(doc.get("version")));
    }

    /**
     * A self-assessment, not withdrawn, by this respondent (participant reference) of the area in the wave, other
     * than {@code except} (if not null), the earliest submitted; read by {@code _id} only (see
     * {@link StudiesCollections#RESPONDENT_ANSWERS}).
     */
    public Optional<String> answerBy(String studyId, String areaId, String waveId, String respondent, String except) {
        Document answers = collection(StudiesCollections.RESPONDENT_ANSWERS)
                .find(Filters.eq("_id", Ids.respondentOfAreaWave(studyId, areaId, waveId, respondent))).first();
        if (answers == null) {
            return Optional.empty();
        }
        List<String> ids = answers.getList("answers", String.class).stream().filter(id -> !id.equals(except))
                .toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<Document> found = collection(StudiesCollections.SELF_ASSESSMENTS).find(Filters.in("_id", ids))
                .projection(new Document("withdrawn", 1).append("submittedAt", 1)).into(new ArrayList<>());
        return found.stream().filter(d -> !Boolean.TRUE.equals(d.getBoolean("withdrawn")))
                .min(Comparator.comparing((Document d) -> String.valueOf(d.getString("submittedAt")))
                        .thenComparing(d -> d.getString("_id")))
                .map(d -> d.getString("_id"));
    }

    /** A page of the accounts that exist (not deleted), by username. */
    public record AccountsQuery(int page, int size) {
    }

    @QueryHandler
    public AccountPage handle(AccountsQuery query) {
        List<AccountSummary> all = find(StudiesCollections.ACCOUNTS, new Document(), Sorts.ascending("_id")).stream()
                .filter(d -> d.get("deletedAt") == null)
                .map(d -> new AccountSummary(d.getString("_id"), strings(d.get("roles")), d.getString("createdAt")))
                .toList();
        return AccountPage.of(Page.of(all, query.page(), query.size()));
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

    /** The interface themes added by administrators, by code. */
    public record AddedThemesQuery() {
    }

    /** An interface theme an administrator added: its code and names by language. */
    public record AddedTheme(String code, Map<String, String> names) {
    }

    @QueryHandler
    public List<AddedTheme> handle(AddedThemesQuery query) {
        return addedInterfaceThemes().stream().map(d -> {
            Map<String, String> names = new LinkedHashMap<>();
            d.get("names", new Document()).forEach((language, name) -> names.put(language, (String) name));
            return new AddedTheme(d.getString("_id"), names);
        }).toList();
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

    private static AreaView areaView(Document doc) {
        return new AreaView(doc.getString("id"), doc.getString("studyId"), doc.getString("name"),
                doc.getString("regionCode"), doc.getString("interfaceTheme"), parties(doc.get("parties")),
                stages(doc.get("targetProfile", Document.class)),
                TargetProfiles.list(doc).stream().map(t -> new AreaView.TargetSetting(t.getString("fromWaveId"),
                        stages(t.get("targetProfile", Document.class)), t.getString("rationale"),
                        Boolean.TRUE.equals(t.getBoolean("atRegistration")))).toList(),
                buildingBlocks(doc.get("buildingBlocks", Document.class)),
                inOrder(doc.get("agreements", new Document())).stream().map(a -> new AreaView.Agreement(
                        a.getString("id"), a.getString("kind"), a.getString("status"), parties(a.get("parties")),
                        a.getBoolean("regionalCouncilParty"), a.getString("decidedOn"), a.getString("recordedAt")))
                        .toList(),
                inOrder(doc.get("negotiations", new Document())).stream().map(n -> new AreaView.Negotiation(
                        n.getString("id"), n.getString("kind"), n.getString("heldOn"), n.getString("model"),
                        parties(n.get("participants")), n.getString("recordedAt"))).toList(),
                inOrder(doc.get("forums", new Document())).stream().map(f -> new AreaView.Forum(f.getString("id"),
                        f.getString("name"), f.getString("level"), f.getString("since"), f.getString("recordedAt")))
                        .toList(),
                number(doc.get("version")));
    }

    /** Parties as stored ({@code [{type, name, code}]}); null stays null, as it was shown before. */
    private static List<Party> parties(Object stored) {
        if (!(stored instanceof List<?> list)) {
            return null;
        }
        return list.stream().map(p -> (Document) p)
                .map(p -> new Party(p.getString("type"), p.getString("name"), p.getString("code"))).toList();
    }

    /** A {dimension: stage} document, in its stored order; null stays null. */
    private static Map<String, Integer> stages(Document stored) {
        if (stored == null) {
            return null;
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        stored.forEach((dimension, stage) -> out.put(dimension, stage == null ? null : ((Number) stage).intValue()));
        return out;
    }

    private static BuildingBlocks buildingBlocks(Document stored) {
        return stored == null ? null : new BuildingBlocks(stored.getString("legalFrame"),
                stored.getString("sharedSituationalPicture"), stored.getString("sharedGoals"),
                stored.getString("responsibilities"), stored.getString("operatingModels"),
                stored.getString("forums"));
    }

    private static Long number(Object stored) {
        return stored == null ? null : ((Number) stored).longValue();
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

    /** A page of documents, for the dashboard's templates (the API answers the typed pages). */
    public record DocumentPage(List<Document> content, int page, int size, long totalElements) {

        public static DocumentPage of(List<Document> all, int page, int size) {
            Page<Document> slice = Page.of(all, page, size);
            return new DocumentPage(slice.content(), page, size, slice.totalElements());
        }
    }
}
