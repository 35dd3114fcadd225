package fi.collabmaturity.projection.export;

import fi.collabmaturity.area.Party;
import fi.collabmaturity.area.TargetProfileSetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A collaboration area with its latest target profile, and every target profile it was given in the order set
 * (for the target of each wave: {@link fi.collabmaturity.area.TargetProfileHistory}).
 */
public record AreaRecord(String areaId, String name, String regionCode, String interfaceTheme, List<Party> parties,
                         Map<String, Integer> targetProfile, List<TargetProfileSetting> targetProfiles) {

    public AreaRecord {
        parties = List.copyOf(parties);
        targetProfile = Map.copyOf(targetProfile);
        targetProfiles = List.copyOf(targetProfiles);
    }

    AreaRecord withTargetProfile(TargetProfileSetting setting) {
        List<TargetProfileSetting> next = new ArrayList<>(targetProfiles);
        next.add(setting);
        return new AreaRecord(areaId, name, regionCode, interfaceTheme, parties, setting.targetProfile(), next);
    }
}
