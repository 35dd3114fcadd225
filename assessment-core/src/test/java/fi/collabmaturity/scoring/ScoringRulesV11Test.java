package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.DimensionBand;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.framework.StageRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fi.collabmaturity.scoring.TestProfiles.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The scoring rules of keast-mandell-2014 1.1.0 on hand-computed cases: power measured on its two anchors, the
 * informant as the unit of interview evidence, the combined score's interval, the stage of the reported score, the
 * weakest dimension and the path's ranking.
 */
class ScoringRulesV11Test {

    private static final FrameworkCatalog CATALOG = FrameworkCatalog.fromClasspath();
    private static final Framework KM = CATALOG.get("keast-mandell-2014", "1.1.0");
    private static final Framework KM_1_0 = CATALOG.get("keast-mandell-2014", "1.0.0");
    private static final StageRange OWN_POWER = new StageRange(1, 2);

    private static DimensionScore selfAssessed(Framework f, String dimension, Double... answers) {
        return ProfileScoring.dimension(f, ScoringPolicy.DEFAULT, dimension,
                new DimensionEvidence(List.of(), List.of(answers)));
    }

    private static InterviewSegment segment(String informant, String segment, Integer... codings) {
        return new InterviewSegment(informant, segment, List.of(codings));
    }

    // --- power on its anchors ----------------------------------------------------------------------------------

    @Test
    void powerIsMeasuredOnItsTwoAnchors() {
        // 1.0, 1.0, 1.5, 2.0 are all "own power", credited 2; 3.0 is shared power, 3: mean (4 * 2 + 3) / 5 = 2.2
        DimensionScore power = selfAssessed(KM, "power", 1.0, 1.0, 1.5, 2.0, 3.0);
        assertThat(power.score()).isEqualTo(2.2);
        assertThat(power.stage()).isEqualTo(OWN_POWER);
        assertThat(KM.stageCode(power.stage())).isEqualTo("cooperation_or_coordination");
        assertThat(power.stage().number()).isNull();
        assertThat(power.sources().get(Source.SELF_ASSESSMENTS).distribution()).containsExactly(
                Map.entry("cooperation_or_coordination", 4), Map.entry("collaboration", 1));
        // sd over the measured values 2, 2, 2, 2, 3: sqrt(0.8 / 4)
        assertThat(power.sources().get(Source.SELF_ASSESSMENTS).sd()).isCloseTo(Math.sqrt(0.2), within(1e-15));
        // the same answers on trust are taken as given: (1 + 1 + 1.5 + 2 + 3) / 5 = 1.7, coordination
        DimensionScore trust = selfAssessed(KM, "trust", 1.0, 1.0, 1.5, 2.0, 3.0);
        assertThat(trust.score()).isEqualTo(1.7);
        assertThat(trust.stage()).isEqualTo(StageRange.of(2));
    }

    @Test
    void betweenOwnAndSharedPowerIsHalfWay() {
        // 2.5 lies between own power (2) and shared power (3): 2.5, the lower edge of collaboration
        DimensionScore power = selfAssessed(KM, "power", 2.5, 2.5, 2.5);
        assertThat(power.score()).isEqualTo(2.5);
        assertThat(power.stage()).isEqualTo(StageRange.of(3));
        assertThat(KM.stageCode(power.stage())).isEqualTo("collaboration");
    }

    @Test
    void version100KeepsItsOwnRule() {
        // the study created at 1.0.0 scores the raw answers and lifts the stage: 1.2 is "coordination"
        DimensionScore power = selfAssessed(KM_1_0, "power", 1.0, 1.0, 1.0, 1.5, 1.5);
        assertThat(power.score()).isEqualTo(1.2);
        assertThat(power.stage()).isEqualTo(StageRange.of(2));
        // at 1.1.0 the same answers are all own power: 2.0, cooperation or coordination
        DimensionScore measured = selfAssessed(KM, "power", 1.0, 1.0, 1.0, 1.5, 1.5);
        assertThat(measured.score()).isEqualTo(2.0);
        assertThat(measured.stage()).isEqualTo(OWN_POWER);
    }

    @Test
    void eachDimensionPublishesItsBands() {
        assertThat(KM.bands("power")).containsExactly(
                new DimensionBand(1.0, 2.5, OWN_POWER), new DimensionBand(2.5, 3.0, StageRange.of(3)));
        assertThat(KM.bands("trust")).containsExactly(
                new DimensionBand(1.0, 1.5, StageRange.of(1)), new DimensionBand(1.5, 2.5, StageRange.of(2)),
                new DimensionBand(2.5, 3.0, StageRange.of(3)));
        // 1.0.0's power: the same two bands, the first named by its representative stage
        assertThat(KM_1_0.bands("power")).containsExactly(
                new DimensionBand(1.0, 2.5, StageRange.of(2)), new DimensionBand(2.5, 3.0, StageRange.of(3)));
        assertThat(KM.reportedStages()).contains(OWN_POWER);
    }

    @Test
    void codingsWithinOneAnchorAreOneMeasurement() {
        // a segment of power coded 1 and 2 by two coders: both own power, so the segment is 2 (not 1.5); coded 1
        // and 3: 2 and 3, so 2.5 (not 2)
        DimensionEvidence e = new DimensionEvidence(List.of(segment("a", "s1", 1, 2), segment("b", "s2", 1, 3),
                segment("c", "s3", 3, 3)), List.of());
        assertThat(EvidenceUnits.of(KM, "power", e, Source.INTERVIEWS)).containsExactly(2.0, 2.5, 3.0);
        assertThat(EvidenceUnits.of(KM, "trust", e, Source.INTERVIEWS)).containsExactly(1.5, 2.0, 3.0);
    }

    // --- the informant as the unit -------------------------------------------------------------------------------

    @Test
    void eachInformantCountsOnceAsTheMeanOfTheirSegments() {
        // informant a: four segments 1, 1, 1 and one double-coded (1, 2) -> 1.5: (1 + 1 + 1 + 1.5) / 4 = 1.125;
        // b: one segment 3; c: one segment 2. Units 1.125, 3, 2: n 3, mean 6.125 / 3
        DimensionEvidence e = new DimensionEvidence(List.of(segment("a", "s1", 1), segment("a", "s2", 1),
                segment("a", "s3", 1), segment("a", "s4", 1, 2), segment("b", "s5", 3), segment("c", "s6", 2)),
                List.of());
        DimensionScore trust = ProfileScoring.dimension(KM, ScoringPolicy.DEFAULT, "trust", e);
        SourceStatistics interviews = trust.sources().get(Source.INTERVIEWS);
        assertThat(interviews.n()).isEqualTo(3);
        assertThat(interviews.mean()).isCloseTo(6.125 / 3, within(1e-15));
        // sd over the informants: deviations -0.916667, 0.958333, -0.041667
        double mean = 6.125 / 3;
        double squares = Math.pow(1.125 - mean, 2) + Math.pow(3 - mean, 2) + Math.pow(2 - mean, 2);
        assertThat(interviews.sd()).isCloseTo(Math.sqrt(squares / 2), within(1e-12));
        // 1.0.0 counts the six segments: 1, 1, 1, 1.5, 3, 2 -> 9.5 / 6
        DimensionScore segments = ProfileScoring.dimension(KM_1_0, ScoringPolicy.DEFAULT, "trust", e);
        assertThat(segments.sources().get(Source.INTERVIEWS).n()).isEqualTo(6);
        assertThat(segments.sources().get(Source.INTERVIEWS).mean()).isCloseTo(9.5 / 6, within(1e-15));
    }

    @Test
    void oneTalkativeInformantIsNotEnoughEvidence() {
        // ten segments by one informant: one unit, below the minimum n of 3
        List<InterviewSegment> talk = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            talk.add(segment("only", "s" + i, 3));
        }
        DimensionScore d = ProfileScoring.dimension(KM, ScoringPolicy.DEFAULT, "goals",
                new DimensionEvidence(talk, List.of()));
        assertThat(d.sources().get(Source.INTERVIEWS).n()).isEqualTo(1);
        assertThat(d.score()).isNull();
        assertThat(d.stage()).isNull();
    }

    // --- the combined score's interval and the stage of the reported score ------------------------------------

    @Test
    void theCombinedScoreHasTheWeightedMeanOfTheSourcesIntervals() {
        // interviews: informants 2, 2, 3 (mean 7/3, sd 0.57735, t(2) = 4.3027: [0.899, 3.768] clipped to [1, 3]);
        // self: 2, 2, 2.5, 2.5 (mean 2.25, sd 0.288675, t(3) = 3.182446: [1.790653, 2.709347])
        DimensionEvidence e = new DimensionEvidence(
                List.of(segment("a", "s1", 2), segment("b", "s2", 2), segment("c", "s3", 3)),
                List.of(2.0, 2.0, 2.5, 2.5));
        DimensionScore d = ProfileScoring.dimension(KM, ScoringPolicy.DEFAULT, "goals", e);
        SourceStatistics self = d.sources().get(Source.SELF_ASSESSMENTS);
        SourceStatistics interviews = d.sources().get(Source.INTERVIEWS);
        assertThat(interviews.ciLow()).isEqualTo(1.0);
        assertThat(interviews.ciHigh()).isEqualTo(3.0);
        assertThat(d.score()).isCloseTo((7.0 / 3 + 2.25) / 2, within(1e-15));
        // the ends as the source rows report them: (1 + 1.791) / 2, (3 + 2.709) / 2
        assertThat(Numbers.round3(self.ciLow())).isEqualTo(1.791);
        assertThat(Numbers.round3(self.ciHigh())).isEqualTo(2.709);
        assertThat(d.ciLow()).isCloseTo((1.0 + 1.791) / 2, within(1e-15));
        assertThat(d.ciHigh()).isCloseTo((3.0 + 2.709) / 2, within(1e-15));
        assertThat(Numbers.round3(d.ciLow())).isEqualTo(1.396);
        assertThat(Numbers.round3(d.ciHigh())).isEqualTo(2.855);
        // a counted source of one unit has no interval, so neither has the score
        ScoringPolicy one = new ScoringPolicy(1, Map.of(), 0.75);
        DimensionScore single = ProfileScoring.dimension(KM, one, "goals",
                new DimensionEvidence(List.of(segment("a", "s1", 2)), List.of(2.0, 2.5)));
        assertThat(single.score()).isNotNull();
        assertThat(single.ciLow()).isNull();
        assertThat(single.ciHigh()).isNull();
    }

    @Test
    void theStageIsThatOfTheReportedScore() {
        // 1249 answers of 2.5 and one of 2.0: (3122.5 + 2) / 1250 = 2.4996, reported 2.500: collaboration, as
        // anyone reading 2.500 in the export finds by the bands
        List<Double> answers = new ArrayList<>();
        for (int i = 0; i < 1249; i++) {
            answers.add(2.5);
        }
        answers.add(2.0);
        DimensionScore d = ProfileScoring.dimension(KM, ScoringPolicy.DEFAULT, "trust",
                new DimensionEvidence(List.of(), answers));
        assertThat(d.score()).isCloseTo(2.4996, within(1e-12));
        assertThat(Numbers.round3(d.score())).isEqualTo(2.5);
        assertThat(d.stage()).isEqualTo(StageRange.of(3));
    }

    // --- the weakest dimension ---------------------------------------------------------------------------------

    @Test
    void powerIsNotNamedWeakestOnADifferenceInsideItsMergedAnchor() {
        // power 2.0 (own power: somewhere in 1..2) and trust 2.3: the form cannot say which is lower; trust, which
        // is measured at every stage, is named
        MaturityProfile p = ProfileScoring.profile(KM, ScoringPolicy.DEFAULT, answers(Map.of(
                "power", List.of(2.0, 2.0, 2.0), "trust", List.of(2.5, 2.0, 2.5), "goals", List.of(3.0, 3.0, 3.0),
                "resources", List.of(3.0, 3.0, 3.0))));
        assertThat(p.dimension("trust").orElseThrow().score()).isCloseTo(7.0 / 3, within(1e-15));
        assertThat(p.weakestDimension()).isEqualTo("trust");
        // with every other dimension at 2.5 or above, power's whole anchor lies below them: power is the weakest
        MaturityProfile q = ProfileScoring.profile(KM, ScoringPolicy.DEFAULT, answers(Map.of(
                "power", List.of(2.0, 2.0, 2.0), "trust", List.of(2.5, 2.5, 2.5), "goals", List.of(3.0, 3.0, 3.0),
                "resources", List.of(3.0, 3.0, 3.0))));
        assertThat(q.weakestDimension()).isEqualTo("power");
        // and a dimension clearly below own power's band is simply the lowest
        MaturityProfile r = ProfileScoring.profile(KM, ScoringPolicy.DEFAULT, answers(Map.of(
                "power", List.of(2.0, 2.0, 2.0), "trust", List.of(1.0, 1.0, 1.0), "goals", List.of(2.0, 2.0, 2.0),
                "resources", List.of(3.0, 3.0, 3.0))));
        assertThat(r.weakestDimension()).isEqualTo("trust");
    }

    private static Map<String, DimensionEvidence> answers(Map<String, List<Double>> byDimension) {
        Map<String, DimensionEvidence> out = new LinkedHashMap<>();
        byDimension.forEach((d, a) -> out.put(d, new DimensionEvidence(List.of(), a)));
        return out;
    }

    // --- the path ----------------------------------------------------------------------------------------------

    @Test
    void thePowerStepLeadsFromOwnToSharedPower() {
        MaturityPath path = MaturityPath.of(KM, profile(KM, Map.of("power", 2.0)), null, Map.of(), Map.of(), "en");
        assertThat(path.targets()).singleElement().satisfies(t -> {
            assertThat(t.currentStage()).isEqualTo(OWN_POWER);
            assertThat(t.targetStage()).isEqualTo(StageRange.of(3));
            assertThat(t.gap()).isEqualTo(1);
            assertThat(t.step()).isEqualTo(new DevelopmentTarget.Step(
                    new DevelopmentTarget.StepEnd(OWN_POWER, "Power kept by each actor"),
                    new DevelopmentTarget.StepEnd(StageRange.of(3), "Power shared among the actors")));
        });
        // a power target of 1 or 2 is own power: met by own power
        assertThat(MaturityPath.of(KM, profile(KM, Map.of("power", 2.0)), null, Map.of("power", 1), Map.of(), "en")
                .targets()).isEmpty();
    }

    @Test
    void aDimensionAboveItsTargetIsReportedNotDropped() {
        MaturityPath path = MaturityPath.of(KM, profile(KM, Map.of("trust", 3.0, "goals", 2.0)), null,
                Map.of("trust", 2, "goals", 2), Map.of(), "en");
        assertThat(path.targets()).isEmpty();
        assertThat(path.aboveTarget()).containsExactly(
                new AboveTarget("trust", StageRange.of(3), StageRange.of(2), 3.0));
    }

    @Test
    void equalGapsAndScoresAreRankedByTheLeastProgress() {
        // all three one stage below 3 at 2.0; goals fell 0.5 since the wave before, trust rose 0.5, resources has
        // no score before (unknown progress ranks last)
        MaturityProfile before = profile(KM, Map.of("trust", 1.5, "goals", 2.5));
        MaturityProfile now = profile(KM, Map.of("trust", 2.0, "goals", 2.0, "resources", 2.0));
        MaturityPath path = MaturityPath.of(KM, now, before, Map.of(), Map.of(), "en");
        assertThat(path.targets()).extracting(DevelopmentTarget::dimension)
                .containsExactly("goals", "trust", "resources");
        assertThat(path.targets()).extracting(DevelopmentTarget::progress).containsExactly(-0.5, 0.5, null);
        assertThat(path.targets()).extracting(DevelopmentTarget::rankedBy).containsExactly(
                DevelopmentTarget.RankReason.PROGRESS, DevelopmentTarget.RankReason.PROGRESS, null);
        // nothing to tell two targets apart but the framework's order
        MaturityPath tie = MaturityPath.of(KM, profile(KM, Map.of("trust", 2.0, "goals", 2.0)), null, Map.of(),
                Map.of(), "en");
        assertThat(tie.targets()).extracting(DevelopmentTarget::rankedBy)
                .containsExactly(DevelopmentTarget.RankReason.ORDER, null);
    }
}
