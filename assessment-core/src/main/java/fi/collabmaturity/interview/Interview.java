package fi.collabmaturity.interview;

import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.participant.ParticipantRules;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.PreconditionFailedException;
import fi.collabmaturity.shared.RecordIds;
import fi.collabmaturity.shared.Validation;
import fi.collabmaturity.study.StudyFacts;
import fi.collabmaturity.study.Wave;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A theme interview and the findings coded from it. */
public class Interview {

    static final int MAX_CODES = 50;
    static final int MAX_CODE_LENGTH = 100;
    static final int MAX_EXCERPT = 10_000;

    @AggregateIdentifier
    private String aggregateId;
    private String interviewId;
    private String studyId;
    private String waveId;
    private String informant;
    private List<String> areaIds;
    private final Map<String, Finding> findings = new HashMap<>();

    protected Interview() {
        // for Axon
    }

    @CommandHandler
    public Interview(RecordInterview command, StudyDirectory directory, PersonalDataSealer sealer) {
        StudyFacts study = directory.study(command.studyId())
                .orElseThrow(() -> new NotFoundException("study " + command.studyId() + " does not exist"));
        Validation v = new Validation()
                .identifier(command.interviewId(), "id")
                .notBlank(command.waveId(), "waveId")
                .require(command.conductedOn() != null, "conductedOn", "must be a date (YYYY-MM-DD)")
                .maxLength(command.interviewer(), 100, "interviewer");
        ParticipantRules.check(v, command.informant(), "informant");
        if (command.areaIds() == null || command.areaIds().isEmpty()) {
            v.add("areaIds", "must name at least one area the interview speaks about");
        } else {
            for (int i = 0; i < command.areaIds().size(); i++) {
                v.notBlank(command.areaIds().get(i), "areaIds[" + i + "]");
            }
        }
        v.throwIfInvalid();
        List<String> areas = List.copyOf(new LinkedHashSet<>(command.areaIds()));
        for (String areaId : areas) {
            if (!directory.areaExists(study.studyId(), areaId)) {
                throw new NotFoundException("area " + areaId + " does not exist in study " + study.studyId());
            }
        }
        if (directory.recordExists(RecordIds.interview(study.studyId(), command.interviewId()))) {
            throw new ConflictException("a record with id " + command.interviewId() + " already exists");
        }
        openWave(study, command.waveId());
        InformantDetails details = new InformantDetails(command.informant().pseudonym().strip(),
                command.informant().organisationType(), command.informant().actorLevel());
        Sealed sealed = sealer.seal(study.studyId(), details.pseudonym(), details);
        apply(new InterviewRecorded(command.interviewId(), study.studyId(), command.waveId(), command.conductedOn(),
                sealed.participant(), sealed, areas, blankToNull(command.interviewer())));
    }

    @CommandHandler
    public String handle(RecordFinding command, StudyDirectory directory, FrameworkCatalog frameworks,
                         PersonalDataSealer sealer) {
        StudyFacts study = ownStudy(command.studyId(), directory);
        Framework framework = study.framework(frameworks);
        String findingId = command.findingId() == null || command.findingId().isBlank()
                ? UUID.randomUUID().toString() : command.findingId();
        Validation v = new Validation()
                .identifier(findingId, "id")
                .maxLength(command.segmentId(), 100, "segmentId")
                .maxLength(command.coder(), 100, "coder");
        List<String> codes = checkCoding(v, command.areaId(), command.dimension(), command.stage(), command.codes(),
                command.excerpt(), framework);
        v.throwIfInvalid();
        if (findings.containsKey(findingId)) {
            throw new ConflictException("finding " + findingId + " already exists in interview " + interviewId);
        }
        String segmentId = blankToNull(command.segmentId());
        String coder = blankToNull(command.coder());
        if (segmentId != null && findings.values().stream().anyMatch(f -> !f.withdrawn()
                && segmentId.equals(f.segmentId()) && f.dimension().equals(command.dimension())
                && Objects.equals(f.coder(), coder))) {
            throw new ConflictException("coder " + coder + " has already coded segment " + segmentId + " on "
                    + command.dimension() + "; recode that finding instead");
        }
        openWave(study, waveId);
        apply(new FindingRecorded(interviewId, studyId, waveId, findingId, segmentId, command.areaId(),
                command.dimension(), command.stage(), codes, seal(sealer, command.excerpt()), coder));
        return findingId;
    }

    @CommandHandler
    public long handle(RecodeFinding command, StudyDirectory directory, FrameworkCatalog frameworks,
                       PersonalDataSealer sealer) {
        StudyFacts study = ownStudy(command.studyId(), directory);
        Finding finding = existingFinding(command.findingId());
        Validation v = new Validation();
        String areaId = command.areaId() == null ? finding.areaId() : command.areaId();
        v.require(areaId.equals(finding.areaId()), "areaId",
                "a finding's area cannot change; withdraw it and record a new finding");
        List<String> codes = checkCoding(v, areaId, command.dimension(), command.stage(), command.codes(),
                command.excerpt(), study.framework(frameworks));
        v.throwIfInvalid();
        if (finding.withdrawn()) {
            throw new ConflictException("finding " + finding.findingId() + " is withdrawn");
        }
        if (command.expectedRevision() != null && command.expectedRevision() != finding.revision()) {
            throw new PreconditionFailedException("finding " + finding.findingId() + " is at revision "
                    + finding.revision() + ", not " + command.expectedRevision());
        }
        if (finding.segmentId() != null && findings.values().stream().anyMatch(f -> !f.withdrawn()
                && !f.findingId().equals(finding.findingId()) && finding.segmentId().equals(f.segmentId())
                && f.dimension().equals(command.dimension()) && Objects.equals(f.coder(), finding.coder()))) {
            throw new ConflictException("coder " + finding.coder() + " has already coded segment "
                    + finding.segmentId() + " on " + command.dimension() + "; recode that finding instead");
        }
        openWave(study, waveId);
        Sealed excerpt = command.excerpt() == null ? finding.excerpt() : seal(sealer, command.excerpt());
        long revision = finding.revision() + 1;
        apply(new FindingRecoded(interviewId, studyId, waveId, finding.findingId(), areaId,
                command.dimension(), command.stage(), codes, excerpt, revision));
        return revision;
    }

    @CommandHandler
    public void handle(WithdrawFinding command, StudyDirectory directory) {
        StudyFacts study = ownStudy(command.studyId(), directory);
        Finding finding = existingFinding(command.findingId());
        new Validation().notBlank(command.reason(), "reason").maxLength(command.reason(), 2000, "reason")
                .throwIfInvalid();
        if (finding.withdrawn()) {
            throw new ConflictException("finding " + finding.findingId() + " is already withdrawn");
        }
        openWave(study, waveId);
        apply(new FindingWithdrawn(interviewId, studyId, waveId, finding.findingId(), finding.areaId(),
                finding.dimension(), command.reason().strip()));
    }

    /** Checks a coding and returns its codes, stripped, without duplicates, in the order given. */
    private List<String> checkCoding(Validation v, String areaId, String dimension, Integer stage, List<String> codes,
                                     String excerpt, Framework framework) {
        v.notBlank(areaId, "areaId");
        if (areaId != null && !areaId.isBlank() && !areaIds.contains(areaId)) {
            v.add("areaId", "must be one of the areas the interview speaks about: " + areaIds);
        }
        v.require(dimension != null && framework.hasDimension(dimension), "dimension",
                "must be a dimension of " + framework.id());
        v.require(stage != null && stage >= framework.lowestStage() && stage <= framework.highestStage(), "stage",
                "must be a stage number from " + framework.lowestStage() + " to " + framework.highestStage());
        v.maxLength(excerpt, MAX_EXCERPT, "excerpt");
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        if (codes != null) {
            v.require(codes.size() <= MAX_CODES, "codes", "must have at most " + MAX_CODES + " codes");
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                v.notBlank(code, "codes[" + i + "]").maxLength(code, MAX_CODE_LENGTH, "codes[" + i + "]");
                if (code != null && !code.isBlank()) {
                    clean.add(code.strip());
                }
            }
        }
        return new ArrayList<>(clean);
    }

    private Sealed seal(PersonalDataSealer sealer, String excerpt) {
        if (excerpt == null || excerpt.isBlank()) {
            return null;
        }
        return sealer.sealFor(informant, new Excerpt(excerpt.strip())).orElseThrow(() -> new ConflictException(
                "the informant of interview " + interviewId + " has been erased; no excerpt can be recorded"));
    }

    private StudyFacts ownStudy(String commandStudyId, StudyDirectory directory) {
        if (!studyId.equals(commandStudyId)) {
            throw new NotFoundException("interview " + interviewId + " does not exist in study " + commandStudyId);
        }
        return directory.study(studyId).orElseThrow();
    }

    private Finding existingFinding(String findingId) {
        Finding finding = findingId == null ? null : findings.get(findingId);
        if (finding == null) {
            throw new NotFoundException("finding " + findingId + " does not exist in interview " + interviewId);
        }
        return finding;
    }

    private static void openWave(StudyFacts study, String waveId) {
        Wave wave = study.wave(waveId).orElseThrow(
                () -> new NotFoundException("wave " + waveId + " does not exist in study " + study.studyId()));
        if (wave.closed()) {
            throw new ConflictException("wave " + waveId + " is closed; reopen it to change it");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @EventSourcingHandler
    void on(InterviewRecorded event) {
        aggregateId = RecordIds.interview(event.studyId(), event.interviewId());
        interviewId = event.interviewId();
        studyId = event.studyId();
        waveId = event.waveId();
        areaIds = List.copyOf(event.areaIds());
        informant = event.informant();
    }

    @EventSourcingHandler
    void on(FindingRecorded event) {
        findings.put(event.findingId(), new Finding(event.findingId(), event.segmentId(), event.areaId(),
                event.dimension(), event.stage(), event.codes(), event.excerpt(), event.coder(), 1, false));
    }

    @EventSourcingHandler
    void on(FindingRecoded event) {
        findings.computeIfPresent(event.findingId(), (id, f) -> f.recoded(event));
    }

    @EventSourcingHandler
    void on(FindingWithdrawn event) {
        findings.computeIfPresent(event.findingId(), (id, f) -> f.asWithdrawn());
    }
}
