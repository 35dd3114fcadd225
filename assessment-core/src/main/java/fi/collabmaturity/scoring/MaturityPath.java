package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Descriptor;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.StageRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The development targets of one profile against the area's target profile: the dimensions whose stage is below
 * their target, ranked by the largest gap, then the lowest score, then the least progress since the wave before,
 * then the framework's order; each with its next step, the related theme codes and the reason it comes before the
 * next. Dimensions above their target are listed in {@code aboveTarget}; dimensions without a stage (insufficient
 * evidence) cannot be judged and are listed in {@code unknown}, both in framework order.
 */
public record MaturityPath(List<DevelopmentTarget> targets, List<AboveTarget> aboveTarget, List<String> unknown) {

    public MaturityPath {
        targets = List.copyOf(targets);
        aboveTarget = List.copyOf(aboveTarget);
        unknown = List.copyOf(unknown);
    }

    /**
     * @param targetProfile    dimension code to target stage number; a dimension without one aims at the highest
     *                         stage (the product's default target profile)
     * @param previous         the profile of the wave before (for progress), or null
     * @param codesByDimension dimension code to (theme code to the number of findings carrying it)
     * @param language         fi, sv or en for the descriptors (anything else falls back to Finnish)
     * @throws IllegalArgumentException for a target stage the framework does not have
     */
    public static MaturityPath of(Framework framework, MaturityProfile profile, MaturityProfile previous,
                                  Map<String, Integer> targetProfile,
                                  Map<String, Map<String, Integer>> codesByDimension, String language) {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(targetProfile, "targetProfile");
        Objects.requireNonNull(codesByDimension, "codesByDimension");
        List<DevelopmentTarget> targets = new ArrayList<>();
        List<AboveTarget> above = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Dimension d : framework.dimensions()) {
            DimensionScore scored = profile.dimension(d.code()).orElse(null);
            if (scored == null || scored.stage() == null) {
                unknown.add(d.code());
                continue;
            }
            // read by its anchor, also for a profile that names one stage of a merged anchor
            StageRange current = d.reported(scored.stage().to());
            Integer wanted = targetProfile.get(d.code());
            int wantedStage = wanted == null ? framework.highestStage() : wanted;
            framework.stage(wantedStage);
            // the target is named like every reported stage: power's target 1 or 2 is "own power", 1..2
            StageRange target = d.reported(wantedStage);
            int gap = level(d, target) - level(d, current);
            if (gap < 0) {
                above.add(new AboveTarget(d.code(), current, target, scored.score()));
                continue;
            }
            if (gap == 0) {
                continue;
            }
            // a distinct next descriptor exists: the target's lies above the current one
            Descriptor next = d.nextDistinct(current.to()).orElseThrow();
            DevelopmentTarget.Step step = new DevelopmentTarget.Step(
                    new DevelopmentTarget.StepEnd(current, d.descriptor(current.to()).texts().in(language)),
                    new DevelopmentTarget.StepEnd(d.reported(next.stage()), next.texts().in(language)));
            targets.add(new DevelopmentTarget(d.code(), current, target, gap, step,
                    relatedCodes(codesByDimension.getOrDefault(d.code(), Map.of())), scored.score(),
                    progress(previous, d.code(), scored.score()), null));
        }
        List<String> order = framework.dimensions().stream().map(Dimension::code).toList();
        targets.sort(ranking(order));
        List<DevelopmentTarget> ranked = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            ranked.add(i + 1 < targets.size()
                    ? targets.get(i).rankedBy(reason(targets.get(i), targets.get(i + 1)))
                    : targets.get(i));
        }
        return new MaturityPath(ranked, above, unknown);
    }

    /** How many distinct descriptors up a reported stage is: its anchor's number, or its stage without anchors. */
    private static int level(Dimension d, StageRange stage) {
        return d.measuredOnAnchors() ? d.anchorOf(stage.to()).number() : stage.to();
    }

    private static Double progress(MaturityProfile previous, String dimension, double score) {
        if (previous == null) {
            return null;
        }
        return previous.dimension(dimension).map(DimensionScore::score)
                .map(before -> Numbers.reportedChange(score, before)).orElse(null);
    }

    /** Largest gap, lowest reported score, least reported progress (unknown progress last), framework order. */
    private static Comparator<DevelopmentTarget> ranking(List<String> order) {
        return Comparator.comparingInt(DevelopmentTarget::gap).reversed()
                .thenComparingDouble(t -> Numbers.reported(t.score()))
                .thenComparing(t -> t.progress() == null ? null : Numbers.reported(t.progress()),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(t -> order.indexOf(t.dimension()));
    }

    private static DevelopmentTarget.RankReason reason(DevelopmentTarget first, DevelopmentTarget second) {
        if (first.gap() != second.gap()) {
            return DevelopmentTarget.RankReason.GAP;
        }
        if (Numbers.reported(first.score()) != Numbers.reported(second.score())) {
            return DevelopmentTarget.RankReason.SCORE;
        }
        Double a = first.progress() == null ? null : Numbers.reported(first.progress());
        Double b = second.progress() == null ? null : Numbers.reported(second.progress());
        if (!Objects.equals(a, b)) {
            return DevelopmentTarget.RankReason.PROGRESS;
        }
        return DevelopmentTarget.RankReason.ORDER;
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
