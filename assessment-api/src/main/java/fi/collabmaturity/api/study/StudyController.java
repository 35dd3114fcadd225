package fi.collabmaturity.api.study;

import fi.collabmaturity.account.Usernames;
import fi.collabmaturity.api.security.AccountDirectory;
import fi.collabmaturity.api.security.Audience;
import fi.collabmaturity.api.security.OidcTokens;
import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.Paging;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.AddStudyMember;
import fi.collabmaturity.study.CloseWave;
import fi.collabmaturity.study.CreateStudy;
import fi.collabmaturity.study.CreateWave;
import fi.collabmaturity.study.RemoveStudyMember;
import fi.collabmaturity.study.ReopenWave;
import fi.collabmaturity.study.SetScoringPolicy;
import fi.collabmaturity.study.StudyFacts;
import fi.collabmaturity.study.UpgradeStudyFramework;
import fi.collabmaturity.scoring.ScoringPolicy;
import fi.collabmaturity.scoring.Source;
import fi.collabmaturity.shared.Validation;
import org.springframework.web.bind.annotation.PutMapping;
import fi.collabmaturity.study.Wave;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Studies, their members and waves. Single studies and waves are read from the event log (always current). */
@RestController
@RequestMapping("/api/v1/studies")
public class StudyController {

    private final CommandGateway commands;
    private final StudyAccess access;
    private final StudyDirectory directory;
    private final StudiesQueries queries;
    private final ReadYourWrites consistency;
    private final AccountDirectory accounts;
    private final OidcTokens oidc;

    public StudyController(CommandGateway commands, StudyAccess access, StudyDirectory directory,
                           StudiesQueries queries, ReadYourWrites consistency, AccountDirectory accounts,
                           OidcTokens oidc) {
        this.accounts = accounts;
        this.oidc = oidc;
        this.commands = commands;
        this.access = access;
        this.directory = directory;
        this.queries = queries;
        this.consistency = consistency;
    }

    public record NewStudy(String id, String title, String frameworkId, String frameworkVersion, String description) {
    }

    public record FrameworkUpgrade(String version) {
    }

    public record NewMember(String username, String role) {
    }

    public record NewWave(String id, String label, LocalDate opensOn, LocalDate closesOn) {
    }

    public record Reason(String reason) {
    }

    public record Weights(Double interviews, Double selfAssessments) {
    }

    public record NewScoringPolicy(Integer minimumN, Weights weights, Double divergenceThreshold,
                                   Double changeThreshold) {
    }

    /** Sets how the study's scores are computed; omitted fields keep their current value. */
    @PutMapping(path = "/{studyId}/scoring-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> scoringPolicy(@PathVariable String studyId,
                                                             @RequestBody NewScoringPolicy body) {
        access.write(studyId);
        Weights w = body.weights() == null ? new Weights(null, null) : body.weights();
        commands.sendAndWait(new SetScoringPolicy(studyId, body.minimumN(), w.interviews(), w.selfAssessments(),
                body.divergenceThreshold(), body.changeThreshold()));
        return Responses.written(consistency.afterWrite(), policy(directory.study(studyId).orElseThrow().policy()));
    }

    /**
     * Moves the study to a newer version of its framework; every score of the study is computed with it from then
     * on. Authorised like the scoring policy: the study's researchers and admins.
     */
    @PutMapping(path = "/{studyId}/framework", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> upgradeFramework(@PathVariable String studyId,
                                                                @RequestBody FrameworkUpgrade body) {
        access.write(studyId);
        commands.sendAndWait(new UpgradeStudyFramework(studyId, body.version(), access.currentUser()));
        return Responses.written(consistency.afterWrite(), study(directory.study(studyId).orElseThrow()));
    }

    static Map<String, Object> policy(ScoringPolicy p) {
        return Map.of("minimumN", p.minimumN(),
                "weights", Map.of("interviews", p.weight(Source.INTERVIEWS),
                        "selfAssessments", p.weight(Source.SELF_ASSESSMENTS)),
                "divergenceThreshold", p.divergenceThreshold(),
                "changeThreshold", p.changeThreshold(),
                "confidenceInterval", "Student's t, 95%, clipped to the scale");
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> create(@RequestBody NewStudy body) {
        access.requireStudyCreator();
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        commands.sendAndWait(new CreateStudy(id, body.title(), body.frameworkId(), body.frameworkVersion(),
                body.description(), access.currentUser()));
        return Responses.created("/api/v1/studies/" + id, consistency.afterWrite(),
                study(directory.study(id).orElseThrow()));
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        boolean admin = access.isAdmin();
        String user = access.currentUser();
        StudiesQueries.Page result = queries.studies(doc -> admin || StudiesQueries.members(doc).stream()
                .anyMatch(m -> Usernames.same(user, m.getString("username"))), paging.page(), paging.size());
        return Responses.page(result.content(), result.page(), result.size(), result.totalElements());
    }

    /** A study; its members only for researchers of the study and admins (viewers see aggregates only). */
    @GetMapping("/{studyId}")
    public Map<String, Object> get(@PathVariable String studyId) {
        StudyFacts study = access.read(studyId);
        Map<String, Object> out = study(study);
        if (access.audience(study) == Audience.VIEWERS) {
            out.remove("members");
        }
        return out;
    }

    /**
     * Gives a user a role in the study. The user must have a built-in account (named in any spelling; the
     * membership records the account's own), except when OIDC sign-in is configured: its users may have none.
     */
    @PostMapping(path = "/{studyId}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> addMember(@PathVariable String studyId, @RequestBody NewMember body) {
        access.write(studyId);
        String username = body.username();
        if (username != null && !username.isBlank()) {
            Optional<String> account = account(username);
            if (account.isPresent()) {
                username = account.get();
            } else if (!oidc.enabled()) {
                new Validation().add("username", "no account has this username").throwIfInvalid();
            }
        }
        commands.sendAndWait(new AddStudyMember(studyId, username, body.role()));
        return Responses.created("/api/v1/studies/" + studyId + "/members/" + username,
                consistency.afterWrite(), Map.of("username", username, "role", body.role()));
    }

    /**
     * The spelling of the existing account of this username in any case. Other spellings are looked up in the
     * accounts read model: when it has none, it is brought up to the log's head first (an account just created).
     */
    private Optional<String> account(String username) {
        Optional<AccountDirectory.AccountState> account = accounts.find(username);
        if (account.isEmpty()) {
            consistency.awaitHead(List.of(StudiesCollections.PROCESSOR));
            account = accounts.find(username);
        }
        return account.filter(a -> !a.deleted()).map(AccountDirectory.AccountState::username);
    }

    /** The members of the study, by username: researchers of the study and admins; 403 for viewers. */
    @GetMapping("/{studyId}/members")
    public Map<String, Object> members(@PathVariable String studyId, @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        List<Map<String, Object>> members = members(access.readIndividualRecords(studyId));
        int from = Math.min(paging.page() * paging.size(), members.size());
        return Responses.page(members.subList(from, Math.min(members.size(), from + paging.size())), paging.page(),
                paging.size(), members.size());
    }

    /** Revokes a membership: from then on the study answers that user as if it did not exist (404). */
    @DeleteMapping("/{studyId}/members/{username}")
    public ResponseEntity<Map<String, Object>> removeMember(@PathVariable String studyId,
                                                            @PathVariable String username) {
        StudyFacts study = access.write(studyId);
        String member = study.memberNamed(username).orElse(username);
        commands.sendAndWait(new RemoveStudyMember(studyId, member));
        return Responses.written(consistency.afterWrite(), Map.of("username", member, "removed", true));
    }

    @PostMapping(path = "/{studyId}/waves", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> createWave(@PathVariable String studyId, @RequestBody NewWave body) {
        access.write(studyId);
        commands.sendAndWait(new CreateWave(studyId, body.id(), body.label(), body.opensOn(), body.closesOn()));
        return Responses.created("/api/v1/studies/" + studyId + "/waves/" + body.id(), consistency.afterWrite(),
                wave(wave(studyId, body.id())));
    }

    @GetMapping("/{studyId}/waves")
    public Map<String, Object> waves(@PathVariable String studyId, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        List<Map<String, Object>> waves = ordered(access.read(studyId)).stream().map(StudyController::wave).toList();
        int from = Math.min(paging.page() * paging.size(), waves.size());
        return Responses.page(waves.subList(from, Math.min(waves.size(), from + paging.size())), paging.page(),
                paging.size(), waves.size());
    }

    @GetMapping("/{studyId}/waves/{waveId}")
    public Map<String, Object> getWave(@PathVariable String studyId, @PathVariable String waveId) {
        return wave(access.read(studyId).wave(waveId)
                .orElseThrow(() -> new NotFoundException("wave " + waveId + " does not exist")));
    }

    @PostMapping("/{studyId}/waves/{waveId}/close")
    public ResponseEntity<Map<String, Object>> close(@PathVariable String studyId, @PathVariable String waveId) {
        access.write(studyId);
        commands.sendAndWait(new CloseWave(studyId, waveId));
        return Responses.written(consistency.afterWrite(), wave(wave(studyId, waveId)));
    }

    @PostMapping("/{studyId}/waves/{waveId}/reopen")
    public ResponseEntity<Map<String, Object>> reopen(@PathVariable String studyId, @PathVariable String waveId,
                                                      @RequestBody(required = false) Reason body) {
        access.write(studyId);
        commands.sendAndWait(new ReopenWave(studyId, waveId, body == null ? null : body.reason()));
        return Responses.written(consistency.afterWrite(), wave(wave(studyId, waveId)));
    }

    private Wave wave(String studyId, String waveId) {
        return directory.study(studyId).flatMap(s -> s.wave(waveId)).orElseThrow();
    }

    /** Waves in time order (then by id): the order of trajectories. */
    static List<Wave> ordered(StudyFacts study) {
        return study.waves().values().stream()
                .sorted(Comparator.comparing(Wave::opensOn).thenComparing(Wave::waveId)).toList();
    }

    static Map<String, Object> wave(Wave w) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", w.waveId());
        out.put("label", w.label());
        out.put("opensOn", w.opensOn().toString());
        out.put("closesOn", w.closesOn().toString());
        out.put("closed", w.closed());
        return out;
    }

    private Map<String, Object> study(StudyFacts s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.studyId());
        out.put("title", s.title());
        out.put("description", s.description());
        out.put("framework", Map.of("id", s.frameworkId(), "version", s.frameworkVersion()));
        out.put("scoringPolicy", policy(s.policy()));
        out.put("waves", ordered(s).stream().map(StudyController::wave).toList());
        out.put("members", members(s));
        return out;
    }

    private static List<Map<String, Object>> members(StudyFacts s) {
        return s.members().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> Usernames.key(e.getKey())))
                .<Map<String, Object>>map(e -> Map.of("username", e.getKey(), "role", e.getValue())).toList();
    }
}
