package fi.collabmaturity.framework;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The consistency rules a framework definition must satisfy before the engine scores anything with it. */
final class FrameworkRules {

    private FrameworkRules() {
    }

    static void check(Framework f) {
        require(f.id() != null && !f.id().isBlank(), f, "has no id");
        require(f.version() != null && FrameworkVersion.tryParse(f.version()).isPresent(), f,
                "needs a version of the form major.minor.patch");
        require(ScoringRules.SEGMENT.equals(f.scoring().interviewUnit())
                || ScoringRules.INFORMANT.equals(f.scoring().interviewUnit()), f,
                "scoring.interviewUnit must be segment or informant");
        require(!f.stages().isEmpty(), f, "has no stages");
        require(!f.dimensions().isEmpty(), f, "has no dimensions");
        require(f.bands().size() == f.stages().size(), f, "needs one band per stage");
        for (int i = 0; i < f.stages().size(); i++) {
            require(f.stages().get(i).number() == i + 1, f, "stages must be numbered 1..n in order");
        }
        double previousTo = f.scale().min().doubleValue();
        for (StageBand band : f.bands()) {
            require(band.from() == previousTo, f, "bands must be contiguous from the scale's minimum");
            require(band.to() > band.from(), f, "a band must not be empty");
            previousTo = band.to();
        }
        require(previousTo == f.scale().max().doubleValue(), f, "the last band must end at the scale's maximum");
        Set<String> codes = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (Dimension d : f.dimensions()) {
            require(codes.add(d.code()), f, "dimension " + d.code() + " is defined twice");
            require(orders.add(d.order()), f, "dimension order " + d.order() + " is used twice");
            checkDescriptors(f, d);
            if (d.measuredOnAnchors()) {
                checkAnchors(f, d);
            }
        }
    }

    /** One descriptor per stage; equal texts share an anchor, and an anchor covers adjacent stages only. */
    private static void checkDescriptors(Framework f, Dimension d) {
        List<Descriptor> ds = d.descriptors();
        require(ds.size() == f.stages().size(), f, d.code() + " needs one descriptor per stage");
        for (int i = 0; i < ds.size(); i++) {
            Descriptor current = ds.get(i);
            require(current.stage() == i + 1, f, d.code() + " descriptors must follow the stages' order");
            Localized t = current.texts();
            require(t != null && !t.fi().isBlank() && !t.sv().isBlank() && !t.en().isBlank(), f,
                    d.code() + " stage " + current.stage() + " needs a descriptor in fi, sv and en");
            if (i > 0) {
                Descriptor previous = ds.get(i - 1);
                boolean sameText = previous.texts().equals(current.texts());
                boolean sameAnchor = previous.anchor() == current.anchor();
                require(sameText == sameAnchor, f,
                        d.code() + " stages " + previous.stage() + " and " + current.stage()
                                + ": identical descriptors must share one anchor, different ones must not");
                require(current.anchor() >= previous.anchor(), f, d.code() + " anchors must not go back");
            }
        }
    }

    /**
     * The anchors restate the descriptors' grouping (one anchor per distinct descriptor, covering exactly its
     * stages, numbered in order) and credit each anchor with a value on the scale, rising with the anchors, that
     * lies within the stages it covers: so a merged anchor is never credited above or below what it describes.
     */
    private static void checkAnchors(Framework f, Dimension d) {
        List<Anchor> anchors = d.anchors();
        int expectedStage = 1;
        double previousValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < anchors.size(); i++) {
            Anchor a = anchors.get(i);
            require(a.number() == i + 1, f, d.code() + " anchors must be numbered 1..n in order");
            require(!a.stages().isEmpty(), f, d.code() + " anchor " + a.number() + " covers no stage");
            for (int stage : a.stages()) {
                require(stage == expectedStage, f, d.code() + " anchors must cover the stages once, in order");
                require(d.descriptor(stage).anchor() == a.number(), f,
                        d.code() + " anchor " + a.number() + " must cover the stages whose descriptor has it");
                expectedStage++;
            }
            require(a.value() >= a.lowestStage() && a.value() <= a.highestStage(), f,
                    d.code() + " anchor " + a.number() + " must be credited with a value within its stages");
            require(a.value() > previousValue, f, d.code() + " anchor values must rise with the anchors");
            previousValue = a.value();
        }
        require(expectedStage == f.stages().size() + 1, f, d.code() + " anchors must cover every stage");
    }

    private static void require(boolean condition, Framework f, String problem) {
        if (!condition) {
            throw new IllegalStateException("framework " + f.id() + " " + problem);
        }
    }
}
