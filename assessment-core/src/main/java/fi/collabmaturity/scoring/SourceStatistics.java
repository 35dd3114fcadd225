package fi.collabmaturity.scoring;

import java.util.Map;

/**
 * What one source says about one dimension: the number of units, their mean, the sample standard deviation
 * (n-1), a 95% confidence interval of the mean (Student's t, clipped to the scale) and the units' distribution
 * over stages (by stage code). {@code sufficient} says whether it has the policy's minimum n and so counts in the
 * score. Mean and sd are null without units; sd and the interval need two.
 */
public record SourceStatistics(int n, Double mean, Double sd, Double ciLow, Double ciHigh,
                               Map<String, Integer> distribution, boolean sufficient) {
}
