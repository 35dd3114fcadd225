package fi.collabmaturity.projection.studies;

import fi.collabmaturity.area.BuildingBlocks;
import fi.collabmaturity.area.Party;

import java.util.List;
import java.util.Map;

/**
 * An area as the API shows it: its registration, its target profile (the latest) and every setting of it in the
 * order they were set, and its structural evidence in recording order. {@code buildingBlocks} is null until
 * assessed; {@code version} is the area aggregate's, for the ETag.
 */
public record AreaView(String id, String studyId, String name, String regionCode, String interfaceTheme,
                       List<Party> parties, Map<String, Integer> targetProfile, List<TargetSetting> targetProfiles,
                       BuildingBlocks buildingBlocks, List<Agreement> agreements, List<Negotiation> negotiations,
                       List<Forum> forums, Long version) {

    /** One setting of the target: from which wave (null: the first), and why. */
    public record TargetSetting(String fromWaveId, Map<String, Integer> targetProfile, String rationale,
                                boolean atRegistration) {
    }

    public record Agreement(String id, String kind, String status, List<Party> parties,
                            Boolean regionalCouncilParty, String decidedOn, String recordedAt) {
    }

    public record Negotiation(String id, String kind, String heldOn, String model, List<Party> participants,
                              String recordedAt) {
    }

    public record Forum(String id, String name, String level, String since, String recordedAt) {
    }
}
