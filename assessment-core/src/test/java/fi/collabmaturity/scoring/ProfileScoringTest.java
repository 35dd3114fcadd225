package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.framework.StageRange;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed cases for the scoring rules of the domain brief. Expected numbers are worked out in the comments;
 * the t-interval figures were computed independently in Python with mpmath at 40 digits (the t quantile by root
 * finding on the regularized incomplete beta function).
 */
class ProfileScoringTest {

    private static final Framework KM = FrameworkCatalog.fromClasspath().get("keast-mandell-2014", "1.0.0");
    private static final ScoringPolicy DEFAULT = ScoringPolicy.DEFAULT;

    /**
     * t(0.975, 2). For two degrees of freedom the quantile has a closed form, t = (2p - 1) / sqrt(2p(1 - p)) =
     * 0.95 / sqrt(0.04875) = 4.30265272974946385232... Note: the figure 4.302652729911275 that is sometimes
     * quoted for it is wrong from the tenth significant digit on (by 1.6e-10).
     */
    private static final double T_975_DF2 = 4.3026527297494638523;
    /** t(0.975, 3) = 3.18244630528370959...; 3.182446305284263 is off by 5.5e-13. */
    private static final double T_975_DF3 = 3.1824463052837095927;

    /**
     * Evidence whose interview units are the given segment means (framework 1.0.0 counts segments): each becomes a
     * segment of its own informant, coded by as few coders as give that mean exactly.
     */
    static DimensionEvidence evidence(List<Double> interviews, List<Double> selfAssessments) {
        List<InterviewSegment> segments = new java.util.ArrayList<>();
        for (int i = 0; i < interviews.size(); i++) {
            segments.add(new InterviewSegment("informant-" + i, "segment-" + i, codingsFor(interviews.get(i))));
        }
        return new DimensionEvidence(segments, selfAssessments);
    }

    /** Stages 1-3 by one to six coders whose mean, computed as the scoring does, is exactly {@code mean}. */
    static List<Integer> codingsFor(double mean) {
        for (int coders = 1; coders <= 6; coders++) {
            for (int threes = 0; threes <= coders; threes++) {
                for (int twos = 0; twos + threes <= coders; twos++) {
                    int ones = coders - twos - threes;
                    List<Integer> codings = new java.util.ArrayList<>();
                    for (int k = 0; k < ones; k++) {
                        codings.add(1);
                    }
                    for (int k = 0; k < twos; k++) {
                        codings.add(2);
                    }
                    for (int k = 0; k < threes; k++) {
                        codings.add(3);
                    }
                    double sum = 0;
                    for (int c : codings) {
                        sum += c;
                    }
                    if (sum / coders == mean) {
                        return codings;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no codings give a segment mean of " + mean);
    }

    private static DimensionScore score(String dimension, List<Double> interviews, List<Double> self) {
        return ProfileScoring.dimension(KM, DEFAULT, dimension, evidence(interviews, self));
    }

    private static String stageCode(StageRange stage) {
        return KM.stageCode(stage);
    }

    private static String stageCode(Integer overallStage) {
        return overallStage == null ? null : KM.stage(overallStage).code();
    }

    // --- band edges -------------------------------------------------------------------------------------------

    @Test
    void bandEdgesBelongToTheUpperBandAndTheTopIncludesThree() {
        assertThat(stageCode(score("trust", List.of(), List.of(1.0, 1.0, 1.0)).stage())).isEqualTo("cooperation");
        // 1.0, 1.5, 1.5, 1.5 -> 5.5 / 4 = 1.375: still cooperation
        assertThat(stageCode(score("trust", List.of(), List.of(1.0, 1.5, 1.5, 1.5)).stage()))
                .isEqualTo("cooperation");
        // 1.0, 1.5, 2.0 -> 4.5 / 3 = 1.5 exactly: the lower edge of coordination
        assertThat(stageCode(score("trust", List.of(), List.of(1.0, 1.5, 2.0)).stage())).isEqualTo("coordination");
        // 2.0, 2.5, 3.0 -> 2.5 exactly: the lower edge of collaboration
        assertThat(stageCode(score("trust", List.of(), List.of(2.0, 2.5, 3.0)).stage())).isEqualTo("collaboration");
        // 2.0, 2.5, 2.5, 2.5, 2.5 -> 12 / 5 = 2.4: coordination
        assertThat(stageCode(score("trust", List.of(), List.of(2.0, 2.5, 2.5, 2.5, 2.5)).stage()))
                .isEqualTo("coordination");
        assertThat(stageCode(score("trust", List.of(), List.of(3.0, 3.0, 3.0)).stage())).isEqualTo("collaboration");
    }

    @Test
    void aScoreThatIsOnTheEdgeOnPaperIsOnTheEdgeInStageTerms() {
        // segments coded (2,2), (3,3,2), (3,3,2), (3,3,2): unit means 2, 8/3, 8/3, 8/3; paper mean (2 + 8) / 4 = 2.5
        // but in doubles 2.0 + 3 * 2.6666666666666665 = 9.999999999999998, / 4 = 2.4999999999999996
        double eightThirds = (3 + 3 + 2) / 3.0;
        DimensionScore d = score("trust", List.of(2.0, eightThirds, eightThirds, eightThirds), List.of());
        assertThat(d.score()).isEqualTo(2.4999999999999996);
        assertThat(Numbers.round3(d.score())).isEqualTo(2.5);
        assertThat(stageCode(d.stage())).isEqualTo("collaboration");
    }

    // --- insufficient evidence ----------------------------------------------------------------------------------

    @Test
    void belowTheMinimumNTheSourceStillReportsNMeanSdButDoesNotScore() {
        DimensionScore d = score("goals", List.of(1.0, 2.0), List.of());
        SourceStatistics interviews = d.sources().get(Source.INTERVIEWS);
        assertThat(interviews.n()).isEqualTo(2);
        assertThat(interviews.mean()).isEqualTo(1.5);
        // sqrt(((1 - 1.5)^2 + (2 - 1.5)^2) / (2 - 1)) = sqrt(0.5)
        assertThat(interviews.sd()).isEqualTo(Math.sqrt(0.5));
        // t(0.975, 1) = 12.7062...: 1.5 -/+ 12.7062 * 0.7071 / 1.4142 = -4.853 .. 7.853, clipped to the scale
        assertThat(interviews.ciLow()).isEqualTo(1.0);
        assertThat(interviews.ciHigh()).isEqualTo(3.0);
        assertThat(interviews.sufficient()).isFalse();
        assertThat(d.score()).isNull();
        assertThat(d.stage()).isNull();
        assertThat(d.sufficient()).isFalse();
        assertThat(d.triangulationGap()).isNull();
        assertThat(d.divergent()).isFalse();
    }

    @Test
    void oneUnitHasAMeanButNoSdAndNoInterval() {
        SourceStatistics s = score("goals", List.of(), List.of(2.5)).sources().get(Source.SELF_ASSESSMENTS);
        assertThat(s.n()).isEqualTo(1);
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.sd()).isNull();
        assertThat(s.ciLow()).isNull();
        assertThat(s.ciHigh()).isNull();
        assertThat(s.sufficient()).isFalse();
    }

    @Test
    void noUnitsAtAll() {
        DimensionScore d = ProfileScoring.dimension(KM, DEFAULT, "goals", DimensionEvidence.NONE);
        SourceStatistics s = d.sources().get(Source.INTERVIEWS);
        assertThat(s.n()).isZero();
        assertThat(s.mean()).isNull();
        assertThat(s.sd()).isNull();
        assertThat(s.distribution()).containsExactly(Map.entry("cooperation", 0), Map.entry("coordination", 0),
                Map.entry("collaboration", 0));
        assertThat(d.score()).isNull();
    }

    @Test
    void anInsufficientSourceDoesNotDiluteASufficientOne() {
        // interviews n=3 mean 3.0 are sufficient; two self-assessments at 1.0 are not and must not pull it down
        DimensionScore d = score("goals", List.of(3.0, 3.0, 3.0), List.of(1.0, 1.0));
        assertThat(d.score()).isEqualTo(3.0);
        assertThat(stageCode(d.stage())).isEqualTo("collaboration");
        assertThat(d.triangulationGap()).isNull(); // both sources must be sufficient for a gap
    }

    @Test
    void theMinimumNIsThePolicys() {
        ScoringPolicy two = new ScoringPolicy(2, Map.of(), 0.75);
        DimensionScore d = ProfileScoring.dimension(KM, two, "goals", evidence(List.of(1.0, 2.0), List.of()));
        assertThat(d.score()).isEqualTo(1.5);
        assertThat(d.sources().get(Source.INTERVIEWS).sufficient()).isTrue();
    }

    // --- combining sources and weights --------------------------------------------------------------------------

    @Test
    void equalWeightsAverageTheSourceMeansNotTheUnits() {
        // interviews 1,1,1 (mean 1); self-assessments 3 x 9 (mean 3). Pooled units would give (3 + 27) / 12 = 2.5;
        // the mean of the source means is (1 + 3) / 2 = 2.0, so 9 answers do not drown 3 findings.
        DimensionScore d = score("resources", List.of(1.0, 1.0, 1.0),
                List.of(3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0));
        assertThat(d.score()).isEqualTo(2.0);
        assertThat(stageCode(d.stage())).isEqualTo("coordination");
    }

    @Test
    void interviewsWeighTwice() {
        // interviews 2,2,2 (mean 2), self 3,3,3 (mean 3); weights 2 and 1: (2*2 + 1*3) / 3 = 7/3
        ScoringPolicy policy = new ScoringPolicy(3, Map.of(Source.INTERVIEWS, 2.0, Source.SELF_ASSESSMENTS, 1.0),
                0.75);
        DimensionScore d = ProfileScoring.dimension(KM, policy, "resources",
                evidence(List.of(2.0, 2.0, 2.0), List.of(3.0, 3.0, 3.0)));
        assertThat(d.score()).isEqualTo(7.0 / 3.0);
        assertThat(Numbers.round3(d.score())).isEqualTo(2.333);
        assertThat(stageCode(d.stage())).isEqualTo("coordination");
        // with equal weights it would be 2.5, collaboration: the weight decides the stage here
        assertThat(stageCode(score("resources", List.of(2.0, 2.0, 2.0), List.of(3.0, 3.0, 3.0)).stage()))
                .isEqualTo("collaboration");
    }

    @Test
    void aWeightedMeanOfEqualMeansIsThatMeanExactly() {
        // 0.1 * 3 + 0.1 * 3 = 0.6000000000000001 and / 0.2 = 3.0000000000000004: off the scale unless kept in
        // the range of the means it combines
        ScoringPolicy policy = new ScoringPolicy(3, Map.of(Source.INTERVIEWS, 0.1, Source.SELF_ASSESSMENTS, 0.1),
                0.75);
        DimensionScore d = ProfileScoring.dimension(KM, policy, "trust",
                evidence(List.of(3.0, 3.0, 3.0), List.of(3.0, 3.0, 3.0)));
        assertThat(d.score()).isEqualTo(3.0);
    }

    // --- triangulation ------------------------------------------------------------------------------------------

    @Test
    void aGapOfExactlyTheThresholdIsNotDivergent() {
        // interviews 2,2,2 (mean 2); self 2.5, 2.5, 3, 3 (mean 2.75): gap 0.75, not above 0.75
        DimensionScore d = score("communication", List.of(2.0, 2.0, 2.0), List.of(2.5, 2.5, 3.0, 3.0));
        assertThat(d.triangulationGap()).isEqualTo(0.75);
        assertThat(d.divergent()).isFalse();
        // score (2 + 2.75) / 2 = 2.375
        assertThat(d.score()).isEqualTo(2.375);
    }

    @Test
    void aGapThatIsTheThresholdOnPaperIsNotDivergentEvenWithNoiseAbove() {
        // interviews: three segments coded (1,1,2) -> 4/3 each, mean 1.3333333333333333; self 2, 2, 2.25 ->
        // 6.25 / 3 = 2.0833333333333335; on paper the gap is 25/12 - 16/12 = 9/12 = 0.75, in doubles
        // 0.7500000000000002: it must not count as above the threshold
        double fourThirds = 4.0 / 3.0;
        DimensionScore d = score("communication", List.of(fourThirds, fourThirds, fourThirds),
                List.of(2.0, 2.0, 2.25));
        assertThat(d.triangulationGap()).isGreaterThan(0.75);
        assertThat(Numbers.denoised(d.triangulationGap())).isEqualTo(0.75);
        assertThat(d.divergent()).isFalse();
    }

    @Test
    void aGapAboveTheThresholdIsDivergent() {
        // interviews 2,2,2 (mean 2); self 2.5, 3, 3, 3 (mean 2.875): gap 0.875 > 0.75
        DimensionScore d = score("communication", List.of(2.0, 2.0, 2.0), List.of(2.5, 3.0, 3.0, 3.0));
        assertThat(d.triangulationGap()).isEqualTo(0.875);
        assertThat(d.divergent()).isTrue();
        // the gap is a distance: the other way round it is the same
        DimensionScore reverse = score("communication", List.of(2.5, 3.0, 3.0, 3.0), List.of(2.0, 2.0, 2.0));
        assertThat(reverse.triangulationGap()).isEqualTo(0.875);
        assertThat(reverse.divergent()).isTrue();
    }

    // --- the power anchor ---------------------------------------------------------------------------------------

    @Test
    void powerAtOnePointTwoIsCoordination() {
        // 1.0, 1.0, 1.0, 1.5, 1.5 -> 6 / 5 = 1.2: band cooperation, lifted to coordination because "power kept by
        // each actor" describes stages 1 and 2 alike
        List<Double> answers = List.of(1.0, 1.0, 1.0, 1.5, 1.5);
        DimensionScore power = score("power", List.of(), answers);
        assertThat(power.score()).isEqualTo(1.2);
        assertThat(stageCode(power.stage())).isEqualTo("coordination");
        // every unit counts where its anchor does: no 1.0 answer shows up as "cooperation"
        assertThat(power.sources().get(Source.SELF_ASSESSMENTS).distribution()).containsExactly(
                Map.entry("cooperation", 0), Map.entry("coordination", 5), Map.entry("collaboration", 0));
        // the same answers on trust stay cooperation
        DimensionScore trust = score("trust", List.of(), answers);
        assertThat(stageCode(trust.stage())).isEqualTo("cooperation");
        assertThat(trust.sources().get(Source.SELF_ASSESSMENTS).distribution()).containsExactly(
                Map.entry("cooperation", 3), Map.entry("coordination", 2), Map.entry("collaboration", 0));
        // and the overall stage of a profile is by the bands alone (no dimension to lift it)
        assertThat(KM.stageOf(1.2)).isEqualTo(1);
    }

    // --- sd and the t-interval ----------------------------------------------------------------------------------

    @Test
    void sdIsTheSampleOne() {
        // 1, 2, 3: mean 2, squares 1 + 0 + 1 = 2; sample sd sqrt(2 / 2) = 1 (the population sd would be 0.8165)
        SourceStatistics s = score("trust", List.of(1.0, 2.0, 3.0), List.of()).sources().get(Source.INTERVIEWS);
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.sd()).isEqualTo(1.0);
    }

    @Test
    void tIntervalWithTwoDegreesOfFreedom() {
        // 2, 2, 2.5: mean 13/6 = 2.1666..., squares 2 * (1/6)^2 + (1/3)^2 = 1/6, sd sqrt(1/12) = 0.288675134594813
        // half-width t(0.975, 2) * sd / sqrt(3) = 4.302652729749464 * 0.1666... = 0.717108788291577
        // interval 1.449557878375089 .. 2.883775454958244
        SourceStatistics s = score("trust", List.of(), List.of(2.0, 2.0, 2.5)).sources().get(Source.SELF_ASSESSMENTS);
        assertThat(s.mean()).isCloseTo(2.1666666666666666667, within(1e-15));
        assertThat(s.sd()).isCloseTo(0.28867513459481288225, within(1e-15));
        assertThat(s.ciLow()).isCloseTo(1.4495578783750893579, within(1e-13));
        assertThat(s.ciHigh()).isCloseTo(2.8837754549582439754, within(1e-13));
        assertThat(s.ciHigh() - s.mean()).isCloseTo(T_975_DF2 * Math.sqrt(1.0 / 12) / Math.sqrt(3), within(1e-14));
    }

    @Test
    void tIntervalWithThreeDegreesOfFreedom() {
        // 2, 2, 2.5, 2.5: mean 2.25, squares 4 * 0.0625 = 0.25, sd sqrt(0.25 / 3) = 0.288675134594813
        // half-width t(0.975, 3) * sd / 2 = 3.182446305283710 * 0.144337567297406 = 0.459346557759270
        // interval 1.790653442240730 .. 2.709346557759270
        SourceStatistics s = score("trust", List.of(2.0, 2.0, 2.5, 2.5), List.of()).sources()
                .get(Source.INTERVIEWS);
        assertThat(s.mean()).isEqualTo(2.25);
        assertThat(s.sd()).isCloseTo(0.28867513459481288225, within(1e-15));
        assertThat(s.ciLow()).isCloseTo(1.7906534422407300829, within(1e-13));
        assertThat(s.ciHigh()).isCloseTo(2.7093465577592699171, within(1e-13));
        assertThat(s.ciHigh() - s.mean()).isCloseTo(T_975_DF3 * Math.sqrt(0.25 / 3) / 2, within(1e-14));
    }

    @Test
    void tIntervalIsClippedToTheScale() {
        // 1, 2, 3: half-width 4.302652729749464 * 1 / sqrt(3) = 2.484137711750331: -0.484 .. 4.484 -> 1 .. 3
        SourceStatistics wide = score("trust", List.of(1.0, 2.0, 3.0), List.of()).sources().get(Source.INTERVIEWS);
        assertThat(wide.ciLow()).isEqualTo(1.0);
        assertThat(wide.ciHigh()).isEqualTo(3.0);
        // 2.5, 3, 3: mean 17/6 = 2.8333, squares (1/3)^2 + 2 * (1/6)^2 = 1/6, sd sqrt(1/12) = 0.288675,
        // half-width 4.302653 * 0.288675 / 1.732051 = 0.717109: 2.116225 .. 3.550442 -> only the top is clipped
        SourceStatistics top = score("trust", List.of(2.5, 3.0, 3.0), List.of()).sources().get(Source.INTERVIEWS);
        assertThat(top.ciLow()).isCloseTo(17.0 / 6 - T_975_DF2 * Math.sqrt(1.0 / 12) / Math.sqrt(3), within(1e-14));
        assertThat(top.ciLow()).isCloseTo(2.116225, within(1e-6));
        assertThat(top.ciHigh()).isEqualTo(3.0);
    }

    @Test
    void noSpreadGivesAZeroWidthInterval() {
        SourceStatistics s = score("trust", List.of(2.0, 2.0, 2.0), List.of()).sources().get(Source.INTERVIEWS);
        assertThat(s.sd()).isEqualTo(0.0);
        assertThat(s.ciLow()).isEqualTo(2.0);
        assertThat(s.ciHigh()).isEqualTo(2.0);
    }

    // --- profile: overall and weakest ---------------------------------------------------------------------------

    private static Map<String, DimensionEvidence> selfAssessed(Map<String, List<Double>> answers) {
        Map<String, DimensionEvidence> evidence = new LinkedHashMap<>();
        answers.forEach((dimension, values) -> evidence.put(dimension, evidence(List.of(), values)));
        return evidence;
    }

    @Test
    void weakestDimensionTiesGoToTheFrameworkOrder() {
        Map<String, List<Double>> answers = new LinkedHashMap<>();
        // put the later dimension first in the map: the map's order must not matter, the framework's does
        answers.put("commitment", List.of(1.5, 1.5, 1.5));
        answers.put("goals", List.of(1.5, 1.5, 1.5));
        answers.put("trust", List.of(2.0, 2.0, 2.0));
        answers.put("power", List.of(3.0, 3.0, 3.0));
        MaturityProfile p = ProfileScoring.profile(KM, DEFAULT, selfAssessed(answers));
        assertThat(p.weakestDimension()).isEqualTo("goals");
        // overall: (2 + 1.5 + 3 + 1.5) / 4 = 2.0 with 4 of 8 dimensions scored
        assertThat(p.overallScore()).isEqualTo(2.0);
        assertThat(stageCode(p.overallStage())).isEqualTo("coordination");
    }

    @Test
    void weakestTieIsJudgedOnTheDenoisedScore() {
        // trust 1.5; goals from segment means 1, 4/3, 4/3, 4/3, 5/2: on paper (1 + 4 + 2.5) / 5 = 1.5, in doubles
        // 1.4999999999999998. Both are 1.5 on paper, so the earlier dimension (trust) is the weakest.
        double fourThirds = 4.0 / 3.0;
        Map<String, DimensionEvidence> evidence = new LinkedHashMap<>();
        evidence.put("trust", evidence(List.of(), List.of(1.5, 1.5, 1.5)));
        evidence.put("goals", evidence(List.of(1.0, fourThirds, fourThirds, fourThirds, 2.5), List.of()));
        MaturityProfile p = ProfileScoring.profile(KM, DEFAULT, evidence);
        assertThat(p.dimension("goals").orElseThrow().score()).isEqualTo(1.4999999999999998);
        assertThat(p.weakestDimension()).isEqualTo("trust");
        assertThat(stageCode(p.dimension("goals").orElseThrow().stage())).isEqualTo("coordination");
    }

    @Test
    void overallNeedsHalfOfTheDimensions() {
        Map<String, List<Double>> answers = new LinkedHashMap<>();
        answers.put("trust", List.of(1.0, 1.0, 1.0));
        answers.put("communication", List.of(2.0, 2.0, 2.0));
        answers.put("goals", List.of(3.0, 3.0, 3.0));
        MaturityProfile three = ProfileScoring.profile(KM, DEFAULT, selfAssessed(answers));
        assertThat(three.overallScore()).isNull();
        assertThat(three.overallStage()).isNull();
        assertThat(three.weakestDimension()).isEqualTo("trust");

        answers.put("resources", List.of(3.0, 3.0, 3.0));
        MaturityProfile four = ProfileScoring.profile(KM, DEFAULT, selfAssessed(answers));
        // (1 + 2 + 3 + 3) / 4 = 2.25
        assertThat(four.overallScore()).isEqualTo(2.25);
        assertThat(stageCode(four.overallStage())).isEqualTo("coordination");
        assertThat(four.dimensions()).extracting(DimensionScore::dimension).containsExactly("trust",
                "communication", "information_sharing", "goals", "power", "resources", "accountability",
                "commitment");
        assertThat(four.framework()).isEqualTo(KM.ref());
    }

    @Test
    void emptyEvidenceGivesAnEmptyProfile() {
        MaturityProfile p = ProfileScoring.profile(KM, DEFAULT, Map.of());
        assertThat(p.overallScore()).isNull();
        assertThat(p.weakestDimension()).isNull();
        assertThat(p.dimensions()).hasSize(8).allSatisfy(d -> assertThat(d.score()).isNull());
    }
}
