package fi.collabmaturity.projection.export;

import fi.collabmaturity.framework.Anchor;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.DimensionBand;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.scoring.ScoringPolicy;
import fi.collabmaturity.scoring.Source;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scoring rules of the framework version that computed an export, written out of the framework data itself
 * (bands per dimension, anchors, the unit of interview evidence), so that the codebook can never say other than
 * what was computed.
 */
final class ScoringRulesText {

    private ScoringRulesText() {
    }

    /** Each distinct set of dimension bands with the dimensions that have it: "trust, goals: [1, 1.5) ...". */
    static Bilingual bands(Framework f) {
        Map<String, List<String>> byBands = new LinkedHashMap<>();
        for (Dimension d : f.dimensions()) {
            String bands = f.bands(d.code()).stream().map(b -> interval(b) + " " + f.stageCode(b.stage()))
                    .collect(Collectors.joining(", "));
            byBands.computeIfAbsent(bands, b -> new ArrayList<>()).add(d.code());
        }
        List<String> parts = new ArrayList<>();
        byBands.forEach((bands, dimensions) -> parts.add(String.join(", ", dimensions) + ": " + bands));
        String joined = String.join("; ", parts);
        return new Bilingual("Ulottuvuuksien rajat (pyöristetystä pistemäärästä): " + joined + ".",
                "The dimensions' bands (of the rounded score): " + joined + ".");
    }

    private static String interval(DimensionBand b) {
        return "[" + plain(b.from()) + ", " + plain(b.to()) + (b.to() == 3.0 ? "]" : ")");
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The README's section on how the scores were computed. */
    static String readmeSection(Framework f, ScoringPolicy policy) {
        StringBuilder md = new StringBuilder("## How the scores were computed\n\n");
        md.append("Framework `").append(f.id()).append("` ").append(f.version())
                .append(". The rules in full, with the reasons: `docs/scoring.md` of the collab-maturity "
                        + "repository.\n\n");
        if (f.scoring().informantIsUnit()) {
            md.append("- Interview unit: the **informant**. A segment (`interview_id` + `segment_id`, or the "
                    + "`finding_id` without a segment id) is the mean of its coders' values; each informant "
                    + "(`informant_pseudonym`) is the mean of their segments, per wave, area and dimension. `n` "
                    + "counts informants.\n");
        } else {
            md.append("- Interview unit: the **segment** (`interview_id` + `segment_id`, or the `finding_id` "
                    + "without a segment id), the mean of its coders' values. `n` counts segments.\n");
        }
        md.append("- Self-assessment unit: one answer of one respondent (a workshop group answering together is "
                + "one respondent).\n");
        boolean anchored = f.dimensions().stream().anyMatch(Dimension::measuredOnAnchors);
        if (anchored) {
            md.append("- Every value is first measured on its dimension's anchors (distinct descriptors); between two "
                    + "stages a value lies as far between their anchors' values. Dimensions whose stages share a "
                    + "descriptor:\n");
            for (Dimension d : f.dimensions()) {
                if (d.anchors().size() < f.stages().size()) {
                    md.append("  - `").append(d.code()).append("`: ");
                    List<String> anchors = new ArrayList<>();
                    for (Anchor a : d.anchors()) {
                        anchors.add("stages " + a.stages().stream().map(String::valueOf)
                                .collect(Collectors.joining("-")) + " (\"" + d.descriptor(a.lowestStage()).texts().en()
                                + "\") count as " + plain(a.value()));
                    }
                    md.append(String.join("; ", anchors)).append(".\n");
                }
            }
            md.append("  Every other dimension's values count as given.\n");
        } else {
            md.append("- Values count as given on every dimension.\n");
        }
        md.append("- Per source: n, mean, sample sd (n-1), a 95% interval of the mean by Student's t (n-1 degrees of "
                + "freedom) clipped to [1, 3]; a source counts with at least ").append(policy.minimumN())
                .append(" units.\n");
        md.append("- Combined score: the weighted mean of the counting sources' means (weights: interviews ")
                .append(plain(policy.weight(Source.INTERVIEWS)))
                .append(", self-assessments ")
                .append(plain(policy.weight(Source.SELF_ASSESSMENTS)))
                .append("); its `ci_low`/`ci_high` are the same-weighted means of those sources' `ci_low`/`ci_high` "
                        + "(empty when one has none).\n");
        md.append("- Stage: read from the score rounded to 3 decimals, by the dimension's own bands (the framework's "
                + "bands with the bands of stages sharing a descriptor joined). ").append(bands(f).en()).append('\n');
        md.append("- Triangulation: divergent when |interview mean - self-assessment mean| > ")
                .append(plain(policy.divergenceThreshold())).append(".\n");
        md.append("- Change between waves (API and dashboards): flat below ").append(plain(policy.changeThreshold()))
                .append(", or when the two waves' intervals overlap; otherwise up or down.\n\n");
        return md.toString();
    }
}
