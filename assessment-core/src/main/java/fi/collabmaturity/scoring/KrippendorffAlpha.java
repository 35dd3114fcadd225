package fi.collabmaturity.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Krippendorff's alpha for reliability data with missing values, by the coincidence-matrix method of Krippendorff
 * (2011) "Computing Krippendorff's Alpha-Reliability":
 * <pre>
 *   o_ck  = sum over units u of (number of ordered c-k pairs of values by different coders in u) / (m_u - 1)
 *   n_c   = sum_k o_ck            n = sum_c n_c  (the pairable values)
 *   alpha = 1 - (n - 1) * sum_ck o_ck delta2_ck / sum_ck n_c n_k delta2_ck
 * </pre>
 * Units with fewer than two values cannot be paired and are dropped before anything is counted.
 *
 * <p>The arithmetic is exact: every o_ck is a multiple of 1/L for L the least common multiple of the (m_u - 1), so
 * the matrix is kept as integers L*o_ck, the marginals n_c are plain counts (each value in unit u contributes
 * (m_u - 1)/(m_u - 1) = 1 to its row), and the only rounding is the final division (to 60 digits, then to a
 * double). So alpha is right to the last bit for all practical purposes, and it does not depend on the order of
 * units or coders.
 */
public final class KrippendorffAlpha {

    /** The difference functions of Krippendorff (2011). */
    public enum Metric {
        /** delta2 = 0 for equal values, 1 otherwise. */
        NOMINAL("nominal"),
        /** delta2(c,k) = (sum of n_g for g from c to k - (n_c + n_k)/2)^2: distance in ranks, by the marginals. */
        ORDINAL("ordinal"),
        /** delta2(c,k) = (c - k)^2. */
        INTERVAL("interval");

        private final String code;

        Metric(String code) {
            this.code = code;
        }

        /** The code in API responses, e.g. {@code "ordinal"}. */
        public String code() {
            return code;
        }
    }

    /**
     * The outcome. {@code alpha} is null when it cannot be computed, and {@code reason} then says why; otherwise
     * {@code reason} is null. {@code units}, {@code coders} and {@code pairableValues} count what was used: the
     * units with at least two values, the coders who gave a value in one of them, and those values.
     */
    public record Result(Metric metric, Double alpha, int units, int coders, int pairableValues, String reason) {
    }

    static final String FEWER_THAN_TWO_UNITS = "fewer than 2 pairable units";
    static final String NO_VARIATION = "no variation: all values equal";

    // 60 significant digits before the single rounding to double: far beyond the 17 a double can hold
    private static final MathContext PRECISION = new MathContext(60);

    private KrippendorffAlpha() {
    }

    /**
     * Alpha over the given units, each a map from coder to value (integers or doubles; a null value is missing).
     *
     * @throws IllegalArgumentException for a value that is not a finite number
     */
    public static Result compute(Metric metric, Collection<? extends Map<String, ? extends Number>> units) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(units, "units");

        List<List<Double>> pairable = new ArrayList<>();
        Set<String> coders = new HashSet<>();
        for (Map<String, ? extends Number> unit : units) {
            List<Double> values = new ArrayList<>();
            List<String> unitCoders = new ArrayList<>();
            for (Map.Entry<String, ? extends Number> coding : unit.entrySet()) {
                if (coding.getValue() != null) {
                    values.add(value(coding.getValue()));
                    unitCoders.add(coding.getKey());
                }
            }
            if (values.size() >= 2) {
                pairable.add(values);
                coders.addAll(unitCoders);
            }
        }
        int n = pairable.stream().mapToInt(List::size).sum();
        if (pairable.size() < 2) {
            return new Result(metric, null, pairable.size(), coders.size(), n, FEWER_THAN_TWO_UNITS);
        }

        // the categories in ascending order: the ordinal metric needs the ranks, the others do not mind
        TreeSet<Double> distinct = new TreeSet<>();
        pairable.forEach(distinct::addAll);
        if (distinct.size() < 2) {
            return new Result(metric, null, pairable.size(), coders.size(), n, NO_VARIATION);
        }
        List<Double> categories = List.copyOf(distinct);
        int k = categories.size();
        Map<Double, Integer> index = new HashMap<>();
        for (int i = 0; i < k; i++) {
            index.put(categories.get(i), i);
        }

        BigInteger lcm = BigInteger.ONE;
        for (List<Double> unit : pairable) {
            BigInteger mMinus1 = BigInteger.valueOf(unit.size() - 1L);
            lcm = lcm.divide(lcm.gcd(mMinus1)).multiply(mMinus1);
        }

        // L * o_ck off the diagonal, and n_c as plain counts
        BigInteger[][] scaledO = new BigInteger[k][k];
        for (BigInteger[] row : scaledO) {
            Arrays.fill(row, BigInteger.ZERO);
        }
        long[] marginal = new long[k];
        for (List<Double> unit : pairable) {
            TreeMap<Integer, Long> counts = new TreeMap<>();
            for (double v : unit) {
                counts.merge(index.get(v), 1L, Long::sum);
            }
            BigInteger share = lcm.divide(BigInteger.valueOf(unit.size() - 1L));
            for (Map.Entry<Integer, Long> c : counts.entrySet()) {
                marginal[c.getKey()] += c.getValue();
                for (Map.Entry<Integer, Long> d : counts.entrySet()) {
                    // the diagonal is left out: delta2(c,c) = 0 in every metric, and n_c is counted directly
                    if (!c.getKey().equals(d.getKey())) {
                        long pairs = c.getValue() * d.getValue(); // ordered c-k pairs, necessarily by two coders
                        scaledO[c.getKey()][d.getKey()] =
                                scaledO[c.getKey()][d.getKey()].add(share.multiply(BigInteger.valueOf(pairs)));
                    }
                }
            }
        }

        BigDecimal observed = BigDecimal.ZERO; // L * sum o_ck delta2_ck
        BigDecimal expected = BigDecimal.ZERO; // sum n_c n_k delta2_ck
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                if (c == d) {
                    continue;
                }
                BigDecimal delta2 = delta2(metric, categories, marginal, c, d);
                observed = observed.add(new BigDecimal(scaledO[c][d]).multiply(delta2));
                expected = expected.add(BigDecimal.valueOf(marginal[c]).multiply(BigDecimal.valueOf(marginal[d]))
                        .multiply(delta2));
            }
        }
        // alpha = 1 - (n - 1) * observed / (L * expected) = (L * expected - (n - 1) * observed) / (L * expected)
        BigDecimal denominator = expected.multiply(new BigDecimal(lcm));
        BigDecimal numerator = denominator.subtract(BigDecimal.valueOf(n - 1L).multiply(observed));
        double alpha = numerator.divide(denominator, PRECISION).doubleValue();
        return new Result(metric, alpha, pairable.size(), coders.size(), n, null);
    }

    /**
     * delta2 for two different categories. The ordinal one is kept as (2 * sum n_g - n_c - n_k)^2, four times the
     * published value; that factor is common to the observed and the expected sum, so it cancels in alpha.
     */
    private static BigDecimal delta2(Metric metric, List<Double> categories, long[] marginal, int c, int d) {
        return switch (metric) {
            case NOMINAL -> BigDecimal.ONE;
            case INTERVAL -> {
                // the decimal a person wrote (1.5, not its binary neighbour), as the scores do
                BigDecimal difference = BigDecimal.valueOf(categories.get(c))
                        .subtract(BigDecimal.valueOf(categories.get(d)));
                yield difference.multiply(difference);
            }
            case ORDINAL -> {
                int low = Math.min(c, d);
                int high = Math.max(c, d);
                long between = 0;
                for (int g = low; g <= high; g++) {
                    between += marginal[g];
                }
                long twice = 2 * between - marginal[low] - marginal[high];
                yield BigDecimal.valueOf(twice).multiply(BigDecimal.valueOf(twice));
            }
        };
    }

    private static double value(Number number) {
        double v = number.doubleValue();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("a coded value must be a finite number, not " + number);
        }
        return v + 0.0; // -0.0 and 0.0 are one category
    }
}
