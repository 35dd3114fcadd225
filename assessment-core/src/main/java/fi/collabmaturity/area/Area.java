package fi.collabmaturity.area;

import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.Validation;
import fi.collabmaturity.study.StudyFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One collaboration under assessment: an interface theme within one region, its parties, its target profile and
 * its structural evidence. Identified by {@code studyId/areaId} (see {@link AreaIds}).
 */
public class Area {

    public static final List<String> AGREEMENT_KINDS = List.of("strategic", "sub_agreement");
    public static final List<String> AGREEMENT_STATUSES = List.of("none", "in_preparation", "ready");
    public static final List<String> NEGOTIATION_KINDS = List.of("s14", "hyte");
    public static final List<String> NEGOTIATION_MODELS = List.of("per_municipality", "sub_regional", "whole_region",
            "continuous", "thematic", "standard_form");
    public static final List<String> FORUM_LEVELS = List.of("strategic", "operational");

    @AggregateIdentifier
    private String aggregateId;
    private String studyId;
    private String areaId;

    protected Area() {
        // for Axon
    }

    @CommandHandler
    public Area(RegisterArea command, StudyDirectory directory, FrameworkCatalog frameworks, RegionCatalog regions) {
        StudyFacts study = directory.study(command.studyId())
                .orElseThrow(() -> new NotFoundException("study " + command.studyId() + " does not exist"));
        Framework framework = study.framework(frameworks);
        Validation v = new Validation()
                .identifier(command.areaId(), "id")
                .notBlank(command.name(), "name").maxLength(command.name(), AreaRules.MAX_NAME, "name")
                .require(regions.contains(command.regionCode()), "regionCode",
                        "must be a wellbeing services county code (01-21, or 90 for Helsinki)")
                .require(directory.interfaceThemeExists(command.interfaceTheme()), "interfaceTheme",
                        "must be a theme of the interface theme catalogue");
        AreaRules.checkParties(v, command.parties(), "parties", false);
        Map<String, Integer> target = AreaRules.completeTargetProfile(v, command.targetProfile(), framework,
                "targetProfile");
        v.throwIfInvalid();
        if (directory.areaExists(command.studyId(), command.areaId())) {
            throw new ConflictException("area " + command.areaId() + " already exists in study " + command.studyId());
        }
        apply(new AreaRegistered(command.studyId(), command.areaId(), command.name().strip(), command.regionCode(),
                command.interfaceTheme(), command.parties() == null ? List.of() : command.parties(), target));
    }

    @CommandHandler
    public void handle(SetTargetProfile command, StudyDirectory directory, FrameworkCatalog frameworks) {
        StudyFacts study = directory.study(studyId).orElseThrow();
        Framework framework = study.framework(frameworks);
        Validation v = new Validation();
        if (command.targetProfile() == null || command.targetProfile().isEmpty()) {
            v.add("targetProfile", "must name at least one dimension");
        }
        Map<String, Integer> target = AreaRules.completeTargetProfile(v, command.targetProfile(),
                framework, "targetProfile");
        List<String> waves = study.waveOrder();
        v.require(command.waveId() == null || waves.contains(command.waveId()), "waveId",
                "must be a wave of the study");
        v.maxLength(command.rationale(), AreaRules.MAX_RATIONALE, "rationale");
        v.throwIfInvalid();
        // without a wave the target applies from now on: from the latest wave, or from the first while none exists
        String fromWaveId = command.waveId() != null ? command.waveId()
                : waves.isEmpty() ? null : waves.get(waves.size() - 1);
        String rationale = command.rationale() == null || command.rationale().isEmpty() ? null : command.rationale();
        apply(new TargetProfileSet(studyId, areaId, target, fromWaveId, rationale));
    }

    @CommandHandler
    public void handle(AssessBuildingBlocks command) {
        Validation v = new Validation();
        BuildingBlocks blocks = command.buildingBlocks();
        if (blocks == null) {
            v.add("buildingBlocks", "must give the state of all six building blocks");
        } else {
            blocks.asMap().forEach((field, state) -> v.require(oneOf(BuildingBlocks.STATES, state), field,
                    "must be one of " + BuildingBlocks.STATES));
        }
        v.throwIfInvalid();
        apply(new BuildingBlocksAssessed(studyId, areaId, blocks));
    }

    @CommandHandler
    public void handle(RecordAgreement command) {
        Validation v = new Validation()
                .require(oneOf(AGREEMENT_KINDS, command.kind()), "kind", "must be one of " + AGREEMENT_KINDS)
                .require(oneOf(AGREEMENT_STATUSES, command.status()), "status",
                        "must be one of " + AGREEMENT_STATUSES);
        AreaRules.checkParties(v, command.parties(), "parties", false);
        v.throwIfInvalid();
        apply(new AgreementRecorded(studyId, areaId, idOr(command.agreementId()), command.kind(), command.status(),
                command.parties() == null ? List.of() : command.parties(), command.regionalCouncilParty(),
                command.decidedOn()));
    }

    @CommandHandler
    public void handle(RecordNegotiation command) {
        Validation v = new Validation()
                .require(oneOf(NEGOTIATION_KINDS, command.kind()), "kind", "must be one of " + NEGOTIATION_KINDS)
                .require(command.heldOn() != null, "heldOn", "must be a date (YYYY-MM-DD)")
                .require(oneOf(NEGOTIATION_MODELS, command.model()), "model",
                        "must be one of " + NEGOTIATION_MODELS);
        AreaRules.checkParties(v, command.participants(), "participants", false);
        v.throwIfInvalid();
        apply(new NegotiationHeld(studyId, areaId, idOr(command.negotiationId()), command.kind(), command.heldOn(),
                command.model(), command.participants() == null ? List.of() : command.participants()));
    }

    @CommandHandler
    public void handle(RecordForum command) {
        new Validation()
                .notBlank(command.name(), "name").maxLength(command.name(), AreaRules.MAX_NAME, "name")
                .require(oneOf(FORUM_LEVELS, command.level()), "level", "must be one of " + FORUM_LEVELS)
                .throwIfInvalid();
        apply(new ForumRecorded(studyId, areaId, idOr(command.forumId()), command.name().strip(), command.level(),
                command.since()));
    }

    /** Null-safe: {@code List.of(..).contains(null)} throws, and a missing field must be a 400, not a 500. */
    private static boolean oneOf(List<String> allowed, String value) {
        return value != null && allowed.contains(value);
    }

    private static String idOr(String given) {
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }

    @EventSourcingHandler
    void on(AreaRegistered event) {
        aggregateId = AreaIds.aggregateId(event.studyId(), event.areaId());
        studyId = event.studyId();
        areaId = event.areaId();
    }
}
