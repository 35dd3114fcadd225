package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The units of evidence a dimension's statistics are computed over, by the framework's rules:
 * <ul>
 *   <li>every value is first measured on the dimension's anchors ({@link Dimension#measure});</li>
 *   <li>a segment counts as the mean of its codings, so a double-coded segment counts once;</li>
 *   <li>where the informant is the unit (1.1.0), each informant counts once, as the mean of their segments, so one
 *       talkative informant does not narrow the interval as if many people had spoken;</li>
 *   <li>each self-assessment answer is a unit (a workshop group answers as one respondent).</li>
 * </ul>
 */
public final class EvidenceUnits {

    private EvidenceUnits() {
    }

    public static List<Double> of(Framework framework, String dimension, DimensionEvidence evidence, Source source) {
        Dimension d = framework.dimension(dimension)
                .orElseThrow(() -> new IllegalArgumentException(framework.id() + " has no dimension " + dimension));
        if (source == Source.SELF_ASSESSMENTS) {
            return evidence.selfAssessmentAnswers().stream().map(d::measure).toList();
        }
        if (!framework.scoring().informantIsUnit()) {
            return evidence.segments().stream().map(s -> segmentValue(d, s)).toList();
        }
        // informant -> their segments' values, keyed so that the result does not depend on the order of arrival
        Map<String, List<Double>> byInformant = new TreeMap<>();
        for (InterviewSegment s : evidence.segments()) {
            // a segment whose informant is not known speaks for itself
            String informant = s.informant() == null ? "\u0000" + s.segment() : s.informant();
            byInformant.computeIfAbsent(informant, i -> new ArrayList<>())
                    .add(segmentValue(d, s));
        }
        return byInformant.values().stream().map(EvidenceUnits::mean).toList();
    }

    private static double segmentValue(Dimension d, InterviewSegment s) {
        return mean(s.codings().stream().map(stage -> d.measure(stage)).toList());
    }

    private static double mean(List<Double> values) {
        // sorted, so that the floating-point sum does not depend on the order of the values
        return values.stream().sorted().mapToDouble(Double::doubleValue).sum() / values.size();
    }
}
