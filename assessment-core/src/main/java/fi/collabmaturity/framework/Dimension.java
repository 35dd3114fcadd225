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
