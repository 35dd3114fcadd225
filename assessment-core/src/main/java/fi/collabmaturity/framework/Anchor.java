package fi.collabmaturity.framework;

import java.util.List;

/**
 * One distinct descriptor of a dimension, as the instrument measures it: the stages it covers (more than one
 * where the framework gives those stages the same descriptor) and the value on the stage scale every unit at this
 * anchor is credited with. A dimension whose stages share a descriptor is measured on its anchors only, so two
 * units at one anchor are the same measurement whatever stage number they were given.
 */
public record Anchor(int number, List<Integer> stages, double value) {

    public Anchor {
        stages = List.copyOf(stages);
    }

    public int lowestStage() {
        return stages.get(0);
    }

    public int highestStage() {
        return stages.get(stages.size() - 1);
    }

    public boolean covers(int stage) {
        return stages.contains(stage);
    }
}
