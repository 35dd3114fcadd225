package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.StageRange;

import java.util.List;

/**
 * A dimension below its target: how far it is from the target ({@code gap}, in the dimension's distinct anchors,
 * which are its stages except where stages share a descriptor), the next step it asks for, the theme codes of the
 * findings that explain it (most frequent first, ties alphabetical), its score, its progress since the wave before
 * ({@code progress}, null without a score there) and why it is ranked before the next target ({@code rankedBy},
 * null for the last).
 */
public record DevelopmentTarget(String dimension, StageRange currentStage, StageRange targetStage, int gap,
                                Step step, List<String> relatedCodes, double score, Double progress,
                                RankReason rankedBy) {

    public DevelopmentTarget {
        relatedCodes = List.copyOf(relatedCodes);
    }

    /** From the descriptor of the current stage to the descriptor of the next stage that reads differently. */
    public record Step(StepEnd from, StepEnd to) {
    }

    /** A reported stage and its descriptor in the requested language. */
    public record StepEnd(StageRange stage, String descriptor) {
    }

    /** What put a target before the next one, in the order the path ranks by. */
    public enum RankReason {
        GAP("gap"), SCORE("score"), PROGRESS("progress"), ORDER("order");

        private final String code;

        RankReason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    DevelopmentTarget rankedBy(RankReason reason) {
        return new DevelopmentTarget(dimension, currentStage, targetStage, gap, step, relatedCodes, score, progress,
                reason);
    }
}
