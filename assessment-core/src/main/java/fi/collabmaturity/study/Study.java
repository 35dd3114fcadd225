package fi.collabmaturity.study;

import fi.collabmaturity.account.Account;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.scoring.ScoringPolicy;
import fi.collabmaturity.scoring.Source;
import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.Validation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A research or monitoring project: its framework, members and waves. The aggregate identifier is the study id.
 */
public class Study {

    static final int MAX_TEXT = 2000;

    @AggregateIdentifier
    private String studyId;
    private StudyFacts facts;

    protected Study() {
        // for Axon
    }

    @CommandHandler
    public Study(CreateStudy command, FrameworkCatalog frameworks, StudyDirectory directory) {
        Validation v = new Validation()
                .identifier(command.studyId(), "id")
                .notBlank(command.title(), "title")
                .maxLength(command.title(), 300, "title")
                .maxLength(command.description(), MAX_TEXT, "description")
                .notBlank(command.frameworkId(), "frameworkId");
        if (command.frameworkId() != null && !command.frameworkId().isBlank()
                && frameworks.find(command.frameworkId()).isEmpty()) {
            v.add("frameworkId", "unknown framework; known: " + frameworks.all().stream().map(Framework::id).toList());
        }
        boolean knownFramework = command.frameworkId() != null && frameworks.find(command.frameworkId()).isPresent();
        if (knownFramework && command.frameworkVersion() != null
                && frameworks.find(command.frameworkId(), command.frameworkVersion()).isEmpty()) {
            v.add("frameworkVersion", "unknown version of " + command.frameworkId() + "; known: "
                    + frameworks.versionNumbers(command.frameworkId()));
        }
        v.throwIfInvalid();
        if (directory.recordExists(command.studyId())) {
            throw new ConflictException("study " + command.studyId() + " already exists (or the id is taken)");
        }
        Framework framework = command.frameworkVersion() == null ? frameworks.get(command.frameworkId())
                : frameworks.get(command.frameworkId(), command.frameworkVersion());
        apply(new StudyCreated(command.studyId(), command.title().strip(), framework.id(), framework.version(),
                command.description(), command.createdBy()));
    }

    @CommandHandler
    public void handle(AddStudyMember command) {
        new Validation()
                .require(command.username() != null && Account.USERNAME.matcher(command.username()).matches(),
                        "username", "must be an account's username: 1-100 letters, digits, '.', '_', '@' or '-', "
                                + "starting with a letter or digit")
                .require(StudyRole.isRole(command.role()), "role", "must be RESEARCHER or VIEWER")
                .throwIfInvalid();
        if (facts.roleOf(command.username()).filter(command.role()::equals).isPresent()) {
            throw new ConflictException(command.username() + " is already a " + command.role() + " of this study");
        }
        apply(new StudyMemberAdded(studyId, command.username(), command.role()));
    }

    @CommandHandler
    public void handle(RemoveStudyMember command) {
        new Validation().notBlank(command.username(), "username").throwIfInvalid();
        String member = facts.memberNamed(command.username()).orElseThrow(() -> new NotFoundException(
                command.username() + " is not a member of study " + studyId));
        apply(new StudyMemberRemoved(studyId, member));
    }

    @CommandHandler
    public void handle(CreateWave command) {
        Validation v = new Validation()
                .identifier(command.waveId(), "id")
                .notBlank(command.label(), "label")
                .maxLength(command.label(), 200, "label")
                .require(command.opensOn() != null, "opensOn", "must be a date (YYYY-MM-DD)")
                .require(command.closesOn() != null, "closesOn", "must be a date (YYYY-MM-DD)");
        if (command.opensOn() != null && command.closesOn() != null) {
            v.require(!command.closesOn().isBefore(command.opensOn()), "closesOn", "must not be before opensOn");
        }
        v.throwIfInvalid();
        if (facts.waves().containsKey(command.waveId())) {
            throw new ConflictException("wave " + command.waveId() + " already exists in study " + studyId);
        }
        apply(new WaveCreated(studyId, command.waveId(), command.label().strip(), command.opensOn(),
                command.closesOn()));
    }

    @CommandHandler
    public void handle(CloseWave command) {
        Wave wave = existingWave(command.waveId());
        if (wave.closed()) {
            throw new ConflictException("wave " + wave.waveId() + " is already closed");
        }
        apply(new WaveClosed(studyId, wave.waveId()));
    }

    @CommandHandler
    public void handle(ReopenWave command) {
        new Validation().notBlank(command.reason(), "reason").maxLength(command.reason(), MAX_TEXT, "reason")
                .throwIfInvalid();
        Wave wave = existingWave(command.waveId());
        if (!wave.closed()) {
            throw new ConflictException("wave " + wave.waveId() + " is not closed");
        }
        apply(new WaveReopened(studyId, wave.waveId(), command.reason().strip()));
    }

    @CommandHandler
    public void handle(SetScoringPolicy command) {
        ScoringPolicy current = facts.policy();
        int minimumN = command.minimumN() == null ? current.minimumN() : command.minimumN();
        double interviews = command.interviewsWeight() == null ? current.weight(Source.INTERVIEWS)
                : command.interviewsWeight();
        double self = command.selfAssessmentsWeight() == null ? current.weight(Source.SELF_ASSESSMENTS)
                : command.selfAssessmentsWeight();
        double threshold = command.divergenceThreshold() == null ? current.divergenceThreshold()
                : command.divergenceThreshold();
        double change = command.changeThreshold() == null ? current.changeThreshold() : command.changeThreshold();
        new Validation()
                .require(minimumN >= 1 && minimumN <= 1000, "minimumN", "must be from 1 to 1000")
                .require(Double.isFinite(interviews) && interviews >= 0 && interviews <= 100, "weights.interviews",
                        "must be from 0 to 100")
                .require(Double.isFinite(self) && self >= 0 && self <= 100, "weights.selfAssessments",
                        "must be from 0 to 100")
                .require(interviews + self > 0, "weights", "must not all be 0")
                .require(Double.isFinite(threshold) && threshold > 0 && threshold <= 2, "divergenceThreshold",
                        "must be more than 0 and at most 2")
                // 0 counts every difference as a change; 2 is the width of the scale (stages 1 to 3)
                .require(Double.isFinite(change) && change >= 0 && change <= 2, "changeThreshold",
                        "must be from 0 to 2 (the width of the scale)")
                .throwIfInvalid();
        apply(new ScoringPolicySet(studyId, minimumN, interviews, self, threshold, change));
    }

    @EventSourcingHandler
    void on(ScoringPolicySet event) {
        facts = facts.apply(event);
    }

    /** Only forward, to a version the catalog knows: a study's scores never silently go back to an older rule. */
    @CommandHandler
    public void handle(UpgradeStudyFramework command, FrameworkCatalog frameworks) {
        String current = facts.frameworkVersion();
        if (command.version() != null && command.version().equals(current)) {
            throw new ConflictException("study " + studyId + " already uses " + facts.frameworkId() + " " + current);
        }
        new Validation()
                .notBlank(command.version(), "version")
                .require(command.version() == null || command.version().isBlank()
                                || frameworks.isNewer(facts.frameworkId(), command.version(), current),
                        "version", "must be a version of " + facts.frameworkId() + " newer than " + current
                                + "; known: " + frameworks.versionNumbers(facts.frameworkId()))
                .throwIfInvalid();
        apply(new StudyFrameworkUpgraded(studyId, facts.frameworkId(), current, command.version(),
                command.upgradedBy()));
    }

    @EventSourcingHandler
    void on(StudyFrameworkUpgraded event) {
        facts = facts.apply(event);
    }

    @CommandHandler
    public void handle(EraseParticipant command) {
        new Validation().notBlank(command.participant(), "participant").throwIfInvalid();
        apply(new ParticipantErased(studyId, command.participant()));
    }

    private Wave existingWave(String waveId) {
        return facts.wave(waveId).orElseThrow(
                () -> new NotFoundException("wave " + waveId + " does not exist in study " + studyId));
    }

    @EventSourcingHandler
    void on(StudyCreated event) {
        studyId = event.studyId();
        facts = StudyFacts.created(event);
    }

    @EventSourcingHandler
    void on(StudyMemberAdded event) {
        facts = facts.apply(event);
    }

    @EventSourcingHandler
    void on(StudyMemberRemoved event) {
        facts = facts.apply(event);
    }

    @EventSourcingHandler
    void on(WaveCreated event) {
        facts = facts.apply(event);
    }

    @EventSourcingHandler
    void on(WaveClosed event) {
        facts = facts.apply(event);
    }

    @EventSourcingHandler
    void on(WaveReopened event) {
        facts = facts.apply(event);
    }
}
