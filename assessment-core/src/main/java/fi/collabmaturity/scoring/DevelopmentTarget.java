package fi.collabmaturity.scoring;

import java.util.List;

/**
 * A dimension below its target stage: how far it is from the target ({@code gap = targetStage - currentStage},
 * in stages), the next step it asks for, and the theme codes of the findings that explain it (most frequent
 * first, ties alphabetical).
 */
public record DevelopmentTarget(String dimension, int currentStage, int targetStage, int gap, Step step,
                                List<String> relatedCodes) {

    public DevelopmentTarget {
        relatedCodes = List.copyOf(relatedCodes);
    }

    /** From the descriptor of the current stage to the descriptor of the next stage that reads differently. */
    public record Step(StepEnd from, StepEnd to) {
    }

    /** A stage number and its descriptor in the requested language. */
    public record StepEnd(int stage, String descriptor) {
    }
}
