package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.StageRange;

/**
 * A dimension above its target. Keast & Mandell's "right mix": a less demanding form of working together may serve
 * this interface, so the path reports it rather than dropping it.
 */
public record AboveTarget(String dimension, StageRange currentStage, StageRange targetStage, double score) {
}
