package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static fi.collabmaturity.scoring.PropertyChecks.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Properties of {@link ProfileScoring} over generated evidence and policies (see {@link PropertyChecks} for how
 * cases are made and replayed).
 */
class ProfileScoringPropertiesTest {

    private static final FrameworkCatalog CATALOG = FrameworkCatalog.fromClasspath();
    private static final Framework KM = CATALOG.get("keast-mandell-2014", "1.0.0");
    private static final Framework KM_1_1 = CATALOG.get("keast-mandell-2014", "1.1.0");

    /**
     * One generated input: a framework version, a policy and the evidence per dimension (a dimension may have no
     * entry at all).
     */
    record Case(Framework framework, ScoringPolicy policy, Map<String, DimensionEvidence> evidence) {
    }

    /**
     * Evidence as it occurs, plus what stresses the arithmetic: self-assessment answers on the 0.5 grid; interview
     * units that are means of one to four codings (thirds, quarters); consensus (every unit the same value, often
     * an end of the scale, where rounding can overshoot); and arbitrary doubles in [1, 3], whose sums depend on the
     * order of addition. Lists are mostly short, around the minimum n, sometimes empty.
     */
    static Case generate(SplittableRandom random) {
        int minimumN = 1 + random.nextInt(5);
        Map<Source, Double> weights = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            weights.put(s, weight(random));
        }
        double threshold = random.nextBoolean() ? 0.75 : random.nextDouble() * 2;
        Map<String, DimensionEvidence> evidence = new LinkedHashMap<>();
        for (Dimension d : KM.dimensions()) {
            if (random.nextInt(8) == 0) {
                continue; // nothing recorded on this dimension
            }
            evidence.put(d.code(), new DimensionEvidence(segments(random), units(random)));
        }
        return new Case(random.nextBoolean() ? KM : KM_1_1, new ScoringPolicy(minimumN, weights, threshold),
                evidence);
    }

    /** Positive weights: a zero weight switches a source off on purpose (see {@code ProfileScoring.dimension}). */
    private static double weight(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> 1.0;
            case 2 -> 2.0;
            case 3 -> 0.1;
            case 4 -> 0.3;
            default -> 0.01 + random.nextDouble() * 10;
        };
    }

    private static int count(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(3);          // 0-2: below the default minimum
            case 1, 2 -> 2 + random.nextInt(4);   // 2-5: around it
            default -> random.nextInt(25);        // anything up to 24
        };
    }

    /**
     * Coded segments: one to four coders each, from a pool of informants that is sometimes one talkative person
     * and sometimes one informant per segment; sometimes every coding the same (often an end of the scale).
     */
    private static List<InterviewSegment> segments(SplittableRandom random) {
        int n = count(random);
        int informants = 1 + random.nextInt(Math.max(1, n));
        boolean consensus = random.nextInt(4) == 0;
        int agreed = random.nextBoolean() ? 1 : 1 + random.nextInt(3);
        List<InterviewSegment> segments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int coders = 1 + random.nextInt(4);
            List<Integer> codings = new ArrayList<>();
            for (int c = 0; c < coders; c++) {
                codings.add(consensus ? agreed : 1 + random.nextInt(3));
            }
            segments.add(new InterviewSegment("informant-" + random.nextInt(informants), "segment-" + i, codings));
        }
        return segments;
    }

    private static List<Double> units(SplittableRandom random) {
        int n = count(random);
        int style = random.nextInt(4);
        double consensus = random.nextBoolean() ? extremeOrAny(random) : 1.0 + 0.5 * random.nextInt(5);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(switch (style) {
                case 0 -> 1.0 + 0.5 * random.nextInt(5);
                case 1 -> 1.0 + 0.5 * random.nextInt(5);
                case 2 -> consensus; // everyone agrees, often on an end of the scale
                default -> extremeOrAny(random);
            });
        }
        return values;
    }

    private static double extremeOrAny(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> 1.0;
            case 1 -> 3.0;
            default -> 1.0 + 2.0 * random.nextDouble();
        };
    }

    private static Case permuted(Case c, long seed) {
        Random random = new Random(seed);
        List<String> order = new ArrayList<>(c.evidence().keySet());
        Collections.shuffle(order, random);
        Map<String, DimensionEvidence> shuffled = new LinkedHashMap<>();
        for (String dimension : order) {
            DimensionEvidence e = c.evidence().get(dimension);
            List<InterviewSegment> segments = new ArrayList<>();
            for (InterviewSegment segment : e.segments()) {
                List<Integer> codings = new ArrayList<>(segment.codings());
                Collections.shuffle(codings, random);
                segments.add(new InterviewSegment(segment.informant(), segment.segment(), codings));
            }
            List<Double> self = new ArrayList<>(e.selfAssessmentAnswers());
            Collections.shuffle(segments, random);
            Collections.shuffle(self, random);
            shuffled.put(dimension, new DimensionEvidence(segments, self));
        }
        return new Case(c.framework(), c.policy(), shuffled);
    }

    private static MaturityProfile score(Case c) {
        return ProfileScoring.profile(c.framework(), c.policy(), c.evidence());
    }

    /** The number of units of a source, counted here without the scoring code: informants or segments, answers. */
    private static int units(Case c, DimensionEvidence e, Source source) {
        if (source == Source.SELF_ASSESSMENTS) {
            return e.selfAssessmentAnswers().size();
        }
        if (c.framework().scoring().informantIsUnit()) {
            return (int) e.segments().stream().map(InterviewSegment::informant).distinct().count();
        }
        return e.segments().size();
    }

    @Test
    void anyPermutationOfTheSameEvidenceGivesAnIdenticalProfile() {
        forAll(ProfileScoringPropertiesTest::generate, c -> {
            MaturityProfile original = score(c);
            for (long seed = 1; seed <= 3; seed++) {
                // records compare Doubles with Double.equals: bit for bit, no tolerance
                assertThat(score(permuted(c, seed))).isEqualTo(original);
            }
        });
    }

    @Test
    void everyScoreMeanAndIntervalStaysOnTheScale() {
        forAll(ProfileScoringPropertiesTest::generate, c -> {
            MaturityProfile p = score(c);
            if (p.overallScore() != null) {
                assertThat(p.overallScore()).as("overall").isBetween(1.0, 3.0);
            }
            for (DimensionScore d : p.dimensions()) {
                if (d.score() != null) {
                    assertThat(d.score()).as(d.dimension() + " score").isBetween(1.0, 3.0);
                }
                for (Map.Entry<Source, SourceStatistics> e : d.sources().entrySet()) {
                    String what = d.dimension() + " " + e.getKey();
                    SourceStatistics s = e.getValue();
                    if (s.mean() != null) {
                        assertThat(s.mean()).as(what + " mean").isBetween(1.0, 3.0);
                    }
                    if (s.ciLow() != null) {
                        assertThat(s.ciLow()).as(what + " ciLow").isBetween(1.0, 3.0);
                        assertThat(s.ciHigh()).as(what + " ciHigh").isBetween(1.0, 3.0);
                        assertThat(s.ciLow()).as(what + " ciLow <= mean").isLessThanOrEqualTo(s.mean());
                        assertThat(s.ciHigh()).as(what + " mean <= ciHigh").isGreaterThanOrEqualTo(s.mean());
                    }
                }
            }
        });
    }

    @Test
    void aDimensionHasAScoreIffASourceHasTheMinimumN() {
        forAll(ProfileScoringPropertiesTest::generate, c -> {
            MaturityProfile p = score(c);
            for (DimensionScore d : p.dimensions()) {
                DimensionEvidence e = c.evidence().getOrDefault(d.dimension(), DimensionEvidence.NONE);
                boolean enough = false;
                for (Source s : Source.values()) {
                    enough |= units(c, e, s) >= c.policy().minimumN();
                }
                assertThat(d.score() != null).as(d.dimension() + " has a score").isEqualTo(enough);
                assertThat(d.stage() != null).as(d.dimension() + " has a stage").isEqualTo(enough);
                assertThat(d.sufficient()).as(d.dimension() + " sufficient").isEqualTo(enough);
            }
        });
    }

    @Test
    void overallIsNullIffFewerThanHalfTheDimensionsHaveAScore() {
        forAll(ProfileScoringPropertiesTest::generate, c -> {
            MaturityProfile p = score(c);
            long scored = p.dimensions().stream().filter(d -> d.score() != null).count();
            boolean fewerThanHalf = scored * 2 < KM.dimensions().size();
            assertThat(p.overallScore() == null).as(scored + " of 8 scored: overall null").isEqualTo(fewerThanHalf);
            assertThat(p.overallStage() == null).as("overall stage null").isEqualTo(fewerThanHalf);
        });
    }

    /**
     * The stage of a dimension is a function of its reported score alone: whatever evidence produced a score, the
     * same (framework version, dimension, 3-decimal score) always has the same stage, and it is the stage of the
     * dimension's published band ({@code Framework.bands(dimension)}, in the export's codebook) holding that score.
     */
    @Test
    void theStageOfADimensionIsAFunctionOfItsReportedScoreAlone() {
        Map<String, Object> seen = new java.util.HashMap<>();
        forAll(ProfileScoringPropertiesTest::generate, c -> {
            MaturityProfile p = score(c);
            for (DimensionScore d : p.dimensions()) {
                if (d.score() == null) {
                    continue;
                }
                double reported = Numbers.round3(d.score());
                fi.collabmaturity.framework.StageRange byBand = null;
                List<fi.collabmaturity.framework.DimensionBand> bands = c.framework().bands(d.dimension());
                for (int i = 0; i < bands.size(); i++) {
                    var band = bands.get(i);
                    boolean last = i == bands.size() - 1;
                    if (reported >= band.from() && (reported < band.to() || last && reported <= band.to())) {
                        byBand = band.stage();
                    }
                }
                assertThat(d.stage()).as(d.dimension() + " " + reported + " by its published band")
                        .isEqualTo(byBand);
                Object before = seen.putIfAbsent(c.framework().version() + "|" + d.dimension() + "|" + reported,
                        d.stage());
                if (before != null) {
                    assertThat(d.stage()).as("the same score, the same stage").isEqualTo(before);
                }
            }
        });
    }

    @Test
    void theGeneratorReachesTheCasesThatMatter() {
        // a property over cases that never occur proves nothing: make sure the generator makes them
        assumeFalse(PropertyChecks.replaying(), "one replayed case cannot cover them all");
        int[] overallNull = {0};
        int[] overallSet = {0};
        int[] insufficientDimension = {0};
        int[] bothSourcesSufficient = {0};
        int[] orderSensitiveSums = {0};
        forAll(ProfileScoringPropertiesTest::generate, c -> {
            MaturityProfile p = score(c);
            (p.overallScore() == null ? overallNull : overallSet)[0]++;
            for (DimensionScore d : p.dimensions()) {
                if (d.score() == null) {
                    insufficientDimension[0]++;
                }
                if (d.triangulationGap() != null) {
                    bothSourcesSufficient[0]++;
                }
            }
            for (DimensionEvidence e : c.evidence().values()) {
                List<Double> units = e.selfAssessmentAnswers();
                double forward = 0;
                double backward = 0;
                for (int i = 0; i < units.size(); i++) {
                    forward += units.get(i);
                    backward += units.get(units.size() - 1 - i);
                }
                if (forward != backward) {
                    orderSensitiveSums[0]++;
                }
            }
        });
        assertThat(overallNull[0]).isPositive();
        assertThat(overallSet[0]).isPositive();
        assertThat(insufficientDimension[0]).isPositive();
        assertThat(bothSourcesSufficient[0]).isPositive();
        assertThat(orderSensitiveSums[0]).isPositive();
    }
}
