package fi.collabmaturity.scoring;

/** A dimension entered another stage in a wave: from the stage it had when it was last scored before. */
public record Milestone(String waveId, String dimension, int fromStage, int toStage) {
}
