package fi.collabmaturity.scoring;

import java.util.List;

/**
 * One coded segment of an interview on one dimension: the informant who spoke (their participant reference), the
 * segment (unique within the area and wave) and the stages its coders gave it, one per coding.
 */
public record InterviewSegment(String informant, String segment, List<Integer> codings) {

    public InterviewSegment {
        codings = List.copyOf(codings);
        if (codings.isEmpty()) {
            throw new IllegalArgumentException("a segment has at least one coding");
        }
    }
}
