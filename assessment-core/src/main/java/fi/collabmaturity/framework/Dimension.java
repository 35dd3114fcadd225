package fi.collabmaturity.framework;

import java.util.List;
import java.util.Optional;

/**
 * One dimension of the framework with a descriptor per stage. {@code anchors} says how the dimension is measured
 * (see {@link Anchor}); a framework version without them (keast-mandell-2014 1.0.0) scores raw stage values.
 */
public record Dimension(String code, int order, Localized labels, List<Descriptor> descriptors,
                        List<Anchor> anchors) {

    public Dimension {
        descriptors = List.copyOf(descriptors);
        anchors = anchors == null ? null : List.copyOf(anchors);
    }

    public Dimension(String code, int order, Localized labels, List<Descriptor> descriptors) {
        this(code, order, labels, descriptors, null);
    }

    /** Whether the dimension is measured on its anchors (framework versions from 1.1.0). */
    public boolean measuredOnAnchors() {
        return anchors != null;
    }

    public Descriptor descriptor(int stage) {
        return descriptors.stream().filter(d -> d.stage() == stage).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code + " has no descriptor for stage " + stage));
    }

    /** The anchor a stage belongs to; a dimension without anchors has one per stage, at the stage's value. */
    public Anchor anchorOf(int stage) {
        if (!measuredOnAnchors()) {
            return new Anchor(stage, List.of(stage), stage);
        }
        return anchors.stream().filter(a -> a.covers(stage)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code + " has no anchor for stage " + stage));
    }

    /**
     * A value on the stage scale (an answer, a coding) as this dimension measures it. On anchors every stage counts
     * with its anchor's value and a value between two stages lies as far between their anchors' values (power: 1,
     * 1.5 and 2 are all "own power", credited 2; 2.5 lies between own and shared power, 2.5; 3 is 3). Without anchors
     * (framework 1.0.0) the value is taken as given.
     */
    public double measure(double value) {
        if (!measuredOnAnchors()) {
            return value;
        }
        int below = (int) Math.floor(value);
        int top = descriptors.size();
        if (below >= top) {
            return anchorOf(top).value();
        }
        double low = anchorOf(below).value();
        double high = anchorOf(below + 1).value();
        return low + (value - below) * (high - low);
    }

    /**
     * What a band's stage reports on this dimension: on anchors, the stages of the anchor it belongs to; without
     * anchors (framework 1.0.0), the stage lifted to its anchor's representative stage, as that version did.
     */
    public StageRange reported(int bandStage) {
        if (measuredOnAnchors()) {
            Anchor anchor = anchorOf(bandStage);
            return new StageRange(anchor.lowestStage(), anchor.highestStage());
        }
        return StageRange.of(representativeStage(bandStage));
    }

    /**
     * The stage that represents an anchor: the highest stage sharing that descriptor. Someone at "power kept by
     * each actor" meets the descriptor of stage 2 exactly as much as that of stage 1, so the instrument credits the
     * higher one rather than inventing a difference it cannot measure.
     */
    public int representativeStage(int stage) {
        int anchor = descriptor(stage).anchor();
        return descriptors.stream().filter(d -> d.anchor() == anchor).mapToInt(Descriptor::stage).max().orElse(stage);
    }

    /** The first stage above {@code stage} whose descriptor differs from it: where a development step leads. */
    public Optional<Descriptor> nextDistinct(int stage) {
        int anchor = descriptor(stage).anchor();
        return descriptors.stream().filter(d -> d.stage() > stage && d.anchor() != anchor).findFirst();
    }
}
