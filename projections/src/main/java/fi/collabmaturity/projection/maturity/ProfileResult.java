package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.projection.maturity.ResultParts.AsOf;
import fi.collabmaturity.projection.maturity.ResultParts.FrameworkRef;
import fi.collabmaturity.projection.maturity.ResultParts.Overall;
import fi.collabmaturity.projection.maturity.ResultParts.ProfileDimension;

import java.util.List;
import java.util.Optional;

/** The profile of an area in a wave, as the API answers it. */
public record ProfileResult(String areaId, String waveId, AsOf asOf, FrameworkRef framework, Overall overall,
                            String weakestDimension, List<ProfileDimension> dimensions) {

    static ProfileResult of(StoredProfile p, AsOf asOf) {
        return new ProfileResult(p.areaId(), p.waveId(), asOf, p.framework(), p.overall(), p.weakestDimension(),
                p.dimensions());
    }

    public Optional<ProfileDimension> dimension(String code) {
        return dimensions.stream().filter(d -> d.dimension().equals(code)).findFirst();
    }
}
