package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.StageRange;

/** A dimension entered another stage in a wave: from the stage it had when it was last scored before. */
public record Milestone(String waveId, String dimension, StageRange fromStage, StageRange toStage) {
}
