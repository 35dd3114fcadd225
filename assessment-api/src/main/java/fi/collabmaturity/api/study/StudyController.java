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
import fi.collabmaturity.projection.studies.StudyPage;
import fi.collabmaturity.projection.studies.StudySummary.FrameworkRef;
import fi.collabmaturity.projection.support.Page;
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
import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
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
    private final QueryGateway queries;
    private final ReadYourWrites consistency;
    private final AccountDirectory accounts;
    private final OidcTokens oidc;

    public StudyController(CommandGateway commands, StudyAccess access, StudyDirectory directory,
                           QueryGateway queries, ReadYourWrites consistency, AccountDirectory accounts,
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

    /** How the study's scores are computed. */
    public record ScoringPolicyView(int minimumN, Weights weights, double divergenceThreshold,
                                    double changeThreshold, String confidenceInterval) {
    }

    public record WaveView(String id, String label, String opensOn, String closesOn, boolean closed) {
    }

    public record Member(String username, String role) {
    }

    /** {@code members} only for researchers of the study and admins: absent for viewers. */
    public record StudyView(String id, String title, String description, FrameworkRef framework,
                            ScoringPolicyView scoringPolicy, List<WaveView> waves,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Member> members) {

        public StudyView withoutMembers() {
            return new StudyView(id, title, description, framework, scoringPolicy, waves, null);
        }
    }

    public record RemovedMember(String username, boolean removed) {
    }

    /** Sets how the study's scores are computed; omitted fields keep their current value. */
    @PutMapping(path = "/{studyId}/scoring-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ScoringPolicyView> scoringPolicy(@PathVariable String studyId,
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
    public ResponseEntity<StudyView> upgradeFramework(@PathVariable String studyId,
                                                      @RequestBody FrameworkUpgrade body) {
        access.write(studyId);
        commands.sendAndWait(new UpgradeStudyFramework(studyId, body.version(), access.currentUser()));
        return Responses.written(consistency.afterWrite(), study(directory.study(studyId).orElseThrow()));
    }

    static ScoringPolicyView policy(ScoringPolicy p) {
        return new ScoringPolicyView(p.minimumN(), new Weights(p.weight(Source.INTERVIEWS),
                p.weight(Source.SELF_ASSESSMENTS)), p.divergenceThreshold(), p.changeThreshold(),
                "Student's t, 95%, clipped to the scale");
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<StudyView> create(@RequestBody NewStudy body) {
        access.requireStudyCreator();
        String id = body.id() == null ? UUID.randomUUID().toString() : body.id();
        commands.sendAndWait(new CreateStudy(id, body.title(), body.frameworkId(), body.frameworkVersion(),
                body.description(), access.currentUser()));
        return Responses.created("/api/v1/studies/" + id, consistency.afterWrite(),
                study(directory.study(id).orElseThrow()));
    }

    @GetMapping
    public StudyPage list(@RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(required = false) Long minPosition) {
        Paging paging = Paging.of(page, size);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        String member = access.isAdmin() ? null : access.currentUser();
        return queries.query(new StudiesQueries.StudiesQuery(member, paging.page(), paging.size()), StudyPage.class)
                .join();
    }

    /** A study; its members only for researchers of the study and admins (viewers see aggregates only). */
    @GetMapping("/{studyId}")
    public StudyView get(@PathVariable String studyId) {
        StudyFacts study = access.read(studyId);
        StudyView view = study(study);
        return access.audience(study) == Audience.VIEWERS ? view.withoutMembers() : view;
    }

    /**
     * Gives a user a role in the study. The user must have a built-in account (named in any spelling; the
     * membership records the account's own), except when OIDC sign-in is configured: its users may have none.
     */
    @PostMapping(path = "/{studyId}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Member> addMember(@PathVariable String studyId, @RequestBody NewMember body) {
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
                consistency.afterWrite(), new Member(username, body.role()));
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
    public Page<Member> members(@PathVariable String studyId, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return Responses.page(members(access.readIndividualRecords(studyId)), paging);
    }

    /** Revokes a membership: from then on the study answers that user as if it did not exist (404). */
    @DeleteMapping("/{studyId}/members/{username}")
    public ResponseEntity<RemovedMember> removeMember(@PathVariable String studyId,
                                                      @PathVariable String username) {
        StudyFacts study = access.write(studyId);
        String member = study.memberNamed(username).orElse(username);
        commands.sendAndWait(new RemoveStudyMember(studyId, member));
        return Responses.written(consistency.afterWrite(), new RemovedMember(member, true));
    }

    @PostMapping(path = "/{studyId}/waves", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<WaveView> createWave(@PathVariable String studyId, @RequestBody NewWave body) {
        access.write(studyId);
        commands.sendAndWait(new CreateWave(studyId, body.id(), body.label(), body.opensOn(), body.closesOn()));
        return Responses.created("/api/v1/studies/" + studyId + "/waves/" + body.id(), consistency.afterWrite(),
                wave(wave(studyId, body.id())));
    }

    @GetMapping("/{studyId}/waves")
    public Page<WaveView> waves(@PathVariable String studyId, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return Responses.page(ordered(access.read(studyId)).stream().map(StudyController::wave).toList(), paging);
    }

    @GetMapping("/{studyId}/waves/{waveId}")
    public WaveView getWave(@PathVariable String studyId, @PathVariable String waveId) {
        return wave(access.read(studyId).wave(waveId)
                .orElseThrow(() -> new NotFoundException("wave " + waveId + " does not exist")));
    }

    @PostMapping("/{studyId}/waves/{waveId}/close")
    public ResponseEntity<WaveView> close(@PathVariable String studyId, @PathVariable String waveId) {
        access.write(studyId);
        commands.sendAndWait(new CloseWave(studyId, waveId));
        return Responses.written(consistency.afterWrite(), wave(wave(studyId, waveId)));
    }

    @PostMapping("/{studyId}/waves/{waveId}/reopen")
    public ResponseEntity<WaveView> reopen(@PathVariable String studyId, @PathVariable String waveId,
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

    static WaveView wave(Wave w) {
        return new WaveView(w.waveId(), w.label(), w.opensOn().toString(), w.closesOn().toString(), w.closed());
    }

    private StudyView study(StudyFacts s) {
        return new StudyView(s.studyId(), s.title(), s.description(),
                new FrameworkRef(s.frameworkId(), s.frameworkVersion()), policy(s.policy()),
                ordered(s).stream().map(StudyController::wave).toList(), members(s));
    }

    private static List<Member> members(StudyFacts s) {
        return s.members().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> Usernames.key(e.getKey())))
                .map(e -> new Member(e.getKey(), e.getValue())).toList();
    }
}
