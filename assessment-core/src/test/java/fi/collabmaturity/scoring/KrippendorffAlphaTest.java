package fi.collabmaturity.scoring;

import fi.collabmaturity.scoring.KrippendorffAlpha.Metric;
import fi.collabmaturity.scoring.KrippendorffAlpha.Result;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KrippendorffAlphaTest {

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, values
     * 1-5, missing data. Unit 12 has a single value and is not pairable. Published: nominal .743, ordinal .815,
     * interval .849. The exact fractions were computed independently with Python's fractions module by the
     * textbook coincidence matrix (o_ck += 1/(m_u - 1) per ordered pair): 113/152, 108577/133160 and 951/1120.
     */
    private static final Integer[][] KRIPPENDORFF_2011 = {
            // unit:  1  2  3  4  5  6  7  8  9    10    11    12
            {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null}, // observer A
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},       // observer B
            {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},    // observer C
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null},       // observer D
    };

    private static List<Map<String, Integer>> krippendorffUnits() {
        String[] observers = {"A", "B", "C", "D"};
        List<Map<String, Integer>> units = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            Map<String, Integer> unit = new LinkedHashMap<>();
            for (int o = 0; o < observers.length; o++) {
                unit.put(observers[o], KRIPPENDORFF_2011[o][u]); // null = missing, as in the source table
            }
            units.add(unit);
        }
        return units;
    }

    @Test
    void krippendorffsWorkedExampleNominal() {
        Result r = KrippendorffAlpha.compute(Metric.NOMINAL, krippendorffUnits());
        assertThat(Numbers.round3(r.alpha())).isEqualTo(0.743);
        assertThat(r.alpha()).isEqualTo(113.0 / 152.0);
        assertThat(r.units()).isEqualTo(11);
        assertThat(r.coders()).isEqualTo(4);
        assertThat(r.pairableValues()).isEqualTo(40);
        assertThat(r.reason()).isNull();
        assertThat(r.metric()).isEqualTo(Metric.NOMINAL);
    }

    @Test
    void krippendorffsWorkedExampleOrdinal() {
        Result r = KrippendorffAlpha.compute(Metric.ORDINAL, krippendorffUnits());
        assertThat(Numbers.round3(r.alpha())).isEqualTo(0.815);
        assertThat(r.alpha()).isEqualTo(108577.0 / 133160.0);
        assertThat(r.metric().code()).isEqualTo("ordinal");
    }

    @Test
    void krippendorffsWorkedExampleInterval() {
        Result r = KrippendorffAlpha.compute(Metric.INTERVAL, krippendorffUnits());
        assertThat(Numbers.round3(r.alpha())).isEqualTo(0.849);
        assertThat(r.alpha()).isEqualTo(951.0 / 1120.0);
    }

    /**
     * Two coders, four units, no missing data: (1,1) (1,2) (1,3) (3,3). Every m_u = 2, so each ordered pair adds 1.
     * <pre>
     *   o_11 = 2, o_12 = o_21 = 1, o_13 = o_31 = 1, o_33 = 2;  n_1 = 4, n_2 = 1, n_3 = 3, n = 8
     *   nominal:  sum_{c!=k} o = 4;  sum_{c!=k} n_c n_k = 64 - (16 + 1 + 9) = 38
     *             alpha = 1 - 7 * 4 / 38 = 10/38 = 5/19
     * </pre>
     */
    @Test
    void tinyNominalByHand() {
        Result r = KrippendorffAlpha.compute(Metric.NOMINAL, tiny());
        assertThat(r.alpha()).isEqualTo(5.0 / 19.0);
        assertThat(r.units()).isEqualTo(4);
        assertThat(r.coders()).isEqualTo(2);
        assertThat(r.pairableValues()).isEqualTo(8);
    }

    /**
     * Same data, ordinal: delta2(c,k) = (sum_{g=c..k} n_g - (n_c + n_k)/2)^2
     * <pre>
     *   delta2(1,2) = (4 + 1 - 5/2)^2     = 6.25
     *   delta2(2,3) = (1 + 3 - 4/2)^2     = 4
     *   delta2(1,3) = (4 + 1 + 3 - 7/2)^2 = 20.25
     *   sum o delta2       = 2 * (1 * 6.25) + 2 * (1 * 20.25)                 = 53
     *   sum n_c n_k delta2 = 2 * (4*1 * 6.25 + 1*3 * 4 + 4*3 * 20.25) = 2 * 280 = 560
     *   alpha = 1 - 7 * 53 / 560 = 189/560 = 27/80 = 0.3375
     * </pre>
     * 1-2 is a bigger step than 2-3 here because four values sit at 1: ordinal distance counts ranks, not units.
     */
    @Test
    void tinyOrdinalByHand() {
        assertThat(KrippendorffAlpha.compute(Metric.ORDINAL, tiny()).alpha()).isEqualTo(27.0 / 80.0);
    }

    /**
     * Same data, interval: delta2 = (c - k)^2
     * <pre>
     *   sum o delta2       = 2 * (1 * 1) + 2 * (1 * 4)                 = 10
     *   sum n_c n_k delta2 = 2 * (4*1 * 1 + 1*3 * 1 + 4*3 * 4) = 2 * 55 = 110
     *   alpha = 1 - 7 * 10 / 110 = 40/110 = 4/11
     * </pre>
     */
    @Test
    void tinyIntervalByHand() {
        assertThat(KrippendorffAlpha.compute(Metric.INTERVAL, tiny()).alpha()).isEqualTo(4.0 / 11.0);
    }

    private static List<Map<String, Integer>> tiny() {
        return List.of(Map.of("a", 1, "b", 1), Map.of("a", 1, "b", 2), Map.of("a", 1, "b", 3),
                Map.of("a", 3, "b", 3));
    }

    /**
     * Three coders with missing data: (1,1,2) (2,2,-) (3,-,-). The last unit has one value and is dropped; the
     * first has m_u = 3, so each of its ordered pairs adds 1/2.
     * <pre>
     *   unit 1: pairs 1-1 (a,b) (b,a) = 2, 1-2 = 2, 2-1 = 2, each / 2  ->  o_11 = 1, o_12 = 1, o_21 = 1
     *   unit 2: pairs 2-2 = 2, / 1                                       ->  o_22 = 2
     *   n_1 = 2, n_2 = 3, n = 5
     *   nominal: alpha = 1 - 4 * (o_12 + o_21) / (25 - 4 - 9) = 1 - 8/12 = 1/3
     * </pre>
     * With two categories every metric gives the same alpha: delta2 is one constant for the only pair.
     */
    @Test
    void missingValuesWeighPairsByOneOverMMinusOne() {
        Map<String, Integer> first = new HashMap<>();
        first.put("a", 1);
        first.put("b", 1);
        first.put("c", 2);
        Map<String, Integer> second = new HashMap<>();
        second.put("a", 2);
        second.put("b", 2);
        second.put("c", null);
        Map<String, Integer> single = Map.of("a", 3);
        for (Metric metric : Metric.values()) {
            Result r = KrippendorffAlpha.compute(metric, List.of(first, second, single));
            assertThat(r.alpha()).as(metric.code()).isEqualTo(1.0 / 3.0);
            assertThat(r.units()).isEqualTo(2);
            assertThat(r.coders()).isEqualTo(3);
            assertThat(r.pairableValues()).isEqualTo(5);
        }
    }

    /**
     * Interval on non-integer values: (1.5, 2.5) (1.5, 1.5) (2.5, 2.5), n_1.5 = 3, n_2.5 = 3, n = 6.
     * sum o delta2 = 2 * 1 * 1^2 = 2; sum n n delta2 = 2 * 3 * 3 * 1 = 18; alpha = 1 - 5 * 2 / 18 = 4/9.
     */
    @Test
    void intervalTakesDoubles() {
        List<Map<String, Double>> units = List.of(Map.of("a", 1.5, "b", 2.5), Map.of("a", 1.5, "b", 1.5),
                Map.of("a", 2.5, "b", 2.5));
        assertThat(KrippendorffAlpha.compute(Metric.INTERVAL, units).alpha()).isEqualTo(4.0 / 9.0);
    }

    @Test
    void integersAndDoublesOfTheSameValueAreOneCategory() {
        List<Map<String, Number>> mixed = List.of(Map.of("a", 1, "b", 1.0), Map.of("a", 2, "b", 2.0),
                Map.of("a", 1.0, "b", 2));
        // (1,1) (2,2) (1,2): o_11 = 2, o_22 = 2, o_12 = o_21 = 1; n_1 = n_2 = 3, n = 6
        // alpha = 1 - 5 * 2 / (36 - 9 - 9) = 1 - 10/18 = 4/9
        assertThat(KrippendorffAlpha.compute(Metric.NOMINAL, mixed).alpha()).isEqualTo(4.0 / 9.0);
    }

    @Test
    void perfectAgreementIsOne() {
        List<Map<String, Integer>> units = List.of(Map.of("a", 1, "b", 1), Map.of("a", 3, "b", 3),
                Map.of("a", 2, "b", 2, "c", 2));
        for (Metric metric : Metric.values()) {
            assertThat(KrippendorffAlpha.compute(metric, units).alpha()).as(metric.code()).isEqualTo(1.0);
        }
    }

    @Test
    void fewerThanTwoPairableUnitsHasNoAlpha() {
        Result r = KrippendorffAlpha.compute(Metric.ORDINAL,
                List.of(Map.of("a", 1, "b", 3), Map.of("a", 2), Map.of()));
        assertThat(r.alpha()).isNull();
        assertThat(r.reason()).isEqualTo("fewer than 2 pairable units");
        assertThat(r.units()).isEqualTo(1);
        assertThat(r.coders()).isEqualTo(2);
        assertThat(r.pairableValues()).isEqualTo(2);

        Result none = KrippendorffAlpha.compute(Metric.ORDINAL, List.of());
        assertThat(none.alpha()).isNull();
        assertThat(none.reason()).isEqualTo("fewer than 2 pairable units");
        assertThat(none.units()).isZero();
    }

    @Test
    void noVariationHasNoAlpha() {
        Result r = KrippendorffAlpha.compute(Metric.NOMINAL,
                List.of(Map.of("a", 2, "b", 2), Map.of("a", 2, "c", 2), Map.of("b", 1)));
        assertThat(r.alpha()).isNull();
        assertThat(r.reason()).isEqualTo("no variation: all values equal");
        assertThat(r.units()).isEqualTo(2);
        assertThat(r.coders()).isEqualTo(3);
        assertThat(r.pairableValues()).as("b's lone value in the dropped unit is not pairable").isEqualTo(4);
        assertThat(r.pairableValues()).isEqualTo(4);
    }

    @Test
    void codersCountOnlyFromPairableUnits() {
        Result r = KrippendorffAlpha.compute(Metric.NOMINAL,
                List.of(Map.of("a", 1, "b", 2), Map.of("a", 2, "b", 2), Map.of("z", 1)));
        assertThat(r.coders()).isEqualTo(2);
        assertThat(r.units()).isEqualTo(2);
    }

    @Test
    void orderOfUnitsAndCodersDoesNotChangeTheLastBit() {
        List<Map<String, Integer>> units = krippendorffUnits();
        Random random = new Random(20111);
        for (Metric metric : Metric.values()) {
            double expected = KrippendorffAlpha.compute(metric, units).alpha();
            for (int i = 0; i < 20; i++) {
                List<Map<String, Integer>> shuffled = new ArrayList<>();
                for (Map<String, Integer> unit : units) {
                    List<Map.Entry<String, Integer>> entries = new ArrayList<>(unit.entrySet());
                    Collections.shuffle(entries, random);
                    Map<String, Integer> reordered = new LinkedHashMap<>();
                    entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));
                    shuffled.add(reordered);
                }
                Collections.shuffle(shuffled, random);
                assertThat(KrippendorffAlpha.compute(metric, shuffled).alpha()).isEqualTo(expected);
            }
        }
    }

    @Test
    void refusesValuesThatAreNotFiniteNumbers() {
        assertThatThrownBy(() -> KrippendorffAlpha.compute(Metric.INTERVAL,
                List.of(Map.of("a", Double.NaN, "b", 1.0), Map.of("a", 1.0, "b", 2.0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
