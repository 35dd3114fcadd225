package fi.collabmaturity.api.questionnaire;

import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.Scale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The positions a respondent can choose on one dimension, in scale order: each distinct descriptor of the
 * dimension (its anchor) and, between two anchors, the points of the scale that lie between them ("between").
 * Stages sharing a descriptor are one choice, sent as the value the framework credits that anchor with (power on
 * keast-mandell-2014 1.1.0: "power kept by each actor" is 2.0, never 1.0 or 1.5, which the framework measures as
 * the same thing), so the form cannot offer a difference the instrument does not measure. A framework version
 * without anchors groups stages by their descriptors' {@code anchor} and sends the highest stage of a group, the
 * stage that version credits ({@link Dimension#representativeStage}).
 */
final class ScaleOptions {

    /** One choice: the value sent, and either the descriptor's stage ({@code stage}) or the two stages between. */
    record Option(BigDecimal value, int stage, int belowStage, int aboveStage) {

        boolean between() {
            return stage == 0;
        }

        String code() {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    private ScaleOptions() {
    }

    static List<Option> of(Framework framework, Dimension dimension) {
        Scale scale = framework.scale();
        List<Option> out = new ArrayList<>();
        int lastGroup = -1;
        for (BigDecimal v = scale.min(); v.compareTo(scale.max()) <= 0; v = v.add(scale.step())) {
            boolean whole = v.stripTrailingZeros().scale() <= 0;
            int below = v.intValue();
            if (whole) {
                int group = dimension.descriptor(below).anchor();
                if (group != lastGroup) {
                    out.add(new Option(credited(dimension, below), representative(dimension, below), 0, 0));
                    lastGroup = group;
                }
            } else if (dimension.descriptor(below).anchor() != dimension.descriptor(below + 1).anchor()) {
                out.add(new Option(v, 0, representative(dimension, below), representative(dimension, below + 1)));
            }
            // a point between two stages of one anchor is that anchor again: not a choice of its own
        }
        return List.copyOf(out);
    }

    /** The value sent for a stage's descriptor: the anchor's credited value, or the representative stage. */
    private static BigDecimal credited(Dimension dimension, int stage) {
        double value = dimension.measuredOnAnchors() ? dimension.anchorOf(stage).value()
                : dimension.representativeStage(stage);
        return BigDecimal.valueOf(value).setScale(1);
    }

    private static int representative(Dimension dimension, int stage) {
        return dimension.representativeStage(stage);
    }

    /**
     * The choice a value stands for, for showing an earlier answer: the option with that value, else the one
     * descriptor it lies on (a power answer of 1.0 or 1.5 typed in elsewhere is "power kept by each actor").
     */
    static Option find(List<Option> options, Dimension dimension, BigDecimal value) {
        if (value == null) {
            return null;
        }
        for (Option o : options) {
            if (o.value().compareTo(value) == 0) {
                return o;
            }
        }
        int below = value.intValue();
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        if (below < 1 || below > dimension.descriptors().size()
                || !whole && (below + 1 > dimension.descriptors().size()
                || dimension.descriptor(below).anchor() != dimension.descriptor(below + 1).anchor())) {
            return null;
        }
        int stage = representative(dimension, below);
        return options.stream().filter(o -> o.stage() == stage).findFirst().orElse(null);
    }
}
