package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.projection.maturity.ResultParts.AsOf;

/**
 * Krippendorff's alpha over the double-coded findings of a study, or of one wave ({@code waveId}, null for the
 * whole study), as the API answers it.
 */
public record ReliabilityResult(String metric, Double alpha, int units, int coders, int pairableValues,
                                String reason, AsOf asOf, String waveId) {
}
