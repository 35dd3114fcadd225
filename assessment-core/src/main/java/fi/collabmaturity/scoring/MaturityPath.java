package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Descriptor;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The development targets of one profile against the area's target profile: the dimensions whose stage is below
 * their target, the largest gap first (ties in framework order), each with its next step and related theme codes.
 * Dimensions without a stage (insufficient evidence) cannot be judged; they are listed in {@code unknown}, in
 * framework order, so that a UI can say so instead of silently leaving them out.
 */
public record MaturityPath(List<DevelopmentTarget> targets, List<String> unknown) {

    public MaturityPath {
        targets = List.copyOf(targets);
        unknown = List.copyOf(unknown);
    }

    /**
     * @param targetProfile    dimension code to target stage number; a dimension without one aims at the highest
     *                         stage (the product's default target profile)
     * @param codesByDimension dimension code to (theme code to the number of findings carrying it)
     * @param language         fi, sv or en for the descriptors (anything else falls back to Finnish)
     * @throws IllegalArgumentException for a target stage the framework does not have
     */
    public static MaturityPath of(Framework framework, MaturityProfile profile, Map<String, Integer> targetProfile,
                                  Map<String, Map<String, Integer>> codesByDimension, String language) {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(targetProfile, "targetProfile");
        Objects.requireNonNull(codesByDimension, "codesByDimension");
        List<DevelopmentTarget> targets = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Dimension d : framework.dimensions()) {
            Integer stage = profile.dimension(d.code()).map(DimensionScore::stage).orElse(null);
            if (stage == null) {
                unknown.add(d.code());
                continue;
            }
            // Both ends are lifted to their anchor's representative: a power target of 1 ("power kept by each
            // actor") is met by the same descriptor as stage 2, and the instrument cannot tell the two apart.
            int current = d.representativeStage(stage);
            Integer wanted = targetProfile.get(d.code());
            int target = d.representativeStage(wanted == null ? framework.highestStage() : wanted);
            if (current >= target) {
                continue;
            }
            // current is the highest stage of its anchor and target lies above it, so a distinct next stage exists;
            // its stage is named like every other reported stage, by its anchor's representative
            Descriptor next = d.nextDistinct(current).orElseThrow();
            DevelopmentTarget.Step step = new DevelopmentTarget.Step(
                    new DevelopmentTarget.StepEnd(current, d.descriptor(current).texts().in(language)),
                    new DevelopmentTarget.StepEnd(d.representativeStage(next.stage()), next.texts().in(language)));
            targets.add(new DevelopmentTarget(d.code(), current, target, target - current, step,
                    relatedCodes(codesByDimension.getOrDefault(d.code(), Map.of()))));
        }
        // a stable sort keeps framework order among equal gaps
        targets.sort(Comparator.comparingInt(DevelopmentTarget::gap).reversed());
        return new MaturityPath(targets, unknown);
    }

    /** Most frequent first, ties alphabetical (by code point, the same everywhere); codes never seen are left out. */
    static List<String> relatedCodes(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null && e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
