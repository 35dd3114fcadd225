package fi.collabmaturity.projection.export;

import fi.collabmaturity.area.Party;

import java.util.List;
import java.util.Map;

/** A collaboration area with its latest target profile. */
public record AreaRecord(String areaId, String name, String regionCode, String interfaceTheme, List<Party> parties,
                         Map<String, Integer> targetProfile) {

    public AreaRecord {
        parties = List.copyOf(parties);
        targetProfile = Map.copyOf(targetProfile);
    }

    AreaRecord withTargetProfile(Map<String, Integer> target) {
        return new AreaRecord(areaId, name, regionCode, interfaceTheme, parties, target);
    }
}
