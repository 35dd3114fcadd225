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

    private static final Framework KM = FrameworkCatalog.fromClasspath().get("keast-mandell-2014");

    /** One generated input: a policy and the evidence per dimension (a dimension may have no entry at all). */
    record Case(ScoringPolicy policy, Map<String, DimensionEvidence> evidence) {
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
            evidence.put(d.code(), new DimensionEvidence(units(random, true), units(random, false)));
        }
        return new Case(new ScoringPolicy(minimumN, weights, threshold), evidence);
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

    private static List<Double> units(SplittableRandom random, boolean interviews) {
        int n = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(3);          // 0-2: below the default minimum
            case 1, 2 -> 2 + random.nextInt(4);   // 2-5: around it
            default -> random.nextInt(25);        // anything up to 24
        };
        int style = random.nextInt(4);
        double consensus = random.nextBoolean() ? extremeOrAny(random) : 1.0 + 0.5 * random.nextInt(5);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(switch (style) {
                case 0 -> 1.0 + 0.5 * random.nextInt(5);
                case 1 -> interviews ? segmentMean(random) : 1.0 + 0.5 * random.nextInt(5);
                case 2 -> consensus; // everyone agrees, often on an end of the scale
                default -> extremeOrAny(random);
            });
        }
        return values;
    }

    /** The mean of one to four coders' stages, as a double-coded segment counts once. */
    private static double segmentMean(SplittableRandom random) {
        int coders = 1 + random.nextInt(4);
        int sum = 0;
        for (int c = 0; c < coders; c++) {
            sum += 1 + random.nextInt(3);
        }
        return (double) sum / coders;
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
            List<Double> interviews = new ArrayList<>(e.interviewUnits());
            List<Double> self = new ArrayList<>(e.selfAssessmentAnswers());
            Collections.shuffle(interviews, random);
            Collections.shuffle(self, random);
            shuffled.put(dimension, new DimensionEvidence(interviews, self));
        }
        return new Case(c.policy(), shuffled);
    }

    private static MaturityProfile score(Case c) {
        return ProfileScoring.profile(KM, c.policy(), c.evidence());
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
                    enough |= e.values(s).size() >= c.policy().minimumN();
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
                List<Double> units = e.interviewUnits();
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
