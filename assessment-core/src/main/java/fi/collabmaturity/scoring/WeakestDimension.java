package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.DimensionBand;
import fi.collabmaturity.framework.Framework;

import java.util.List;

/**
 * The weakest dimension of a profile: the lowest reported score, ties broken by the framework's order. A dimension
 * whose score lies in a merged anchor (power at "own power", the band [1, 2.5)) is not named weakest while another
 * dimension's score lies in that same band: the form cannot say which of the two is lower, so the dimension measured
 * at every stage is named instead.
 */
final class WeakestDimension {

    private WeakestDimension() {
    }

    /** @param scored the dimensions with a score, in framework order */
    static String of(Framework framework, List<DimensionScore> scored) {
        DimensionScore lowest = lowest(scored);
        if (lowest == null || lowest.stage().single()) {
            return lowest == null ? null : lowest.dimension();
        }
        DimensionBand band = bandOf(framework, lowest);
        List<DimensionScore> indistinguishable = scored.stream()
                .filter(d -> d != lowest && d.stage().single() && within(band, Numbers.reported(d.score())))
                .toList();
        DimensionScore instead = lowest(indistinguishable);
        return (instead == null ? lowest : instead).dimension();
    }

    private static DimensionScore lowest(List<DimensionScore> dimensions) {
        DimensionScore min = null;
        for (DimensionScore d : dimensions) {
            if (min == null || Double.compare(Numbers.reported(d.score()), Numbers.reported(min.score())) < 0) {
                min = d;
            }
        }
        return min;
    }

    private static DimensionBand bandOf(Framework framework, DimensionScore d) {
        return framework.bands(d.dimension()).stream().filter(b -> b.stage().equals(d.stage())).findFirst()
                .orElseThrow();
    }

    private static boolean within(DimensionBand band, double score) {
        return score >= band.from() && score < band.to();
    }
}
