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
        require(f.version() != null && !f.version().isBlank(), f, "has no version");
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

    private static void require(boolean condition, Framework f, String problem) {
        if (!condition) {
            throw new IllegalStateException("framework " + f.id() + " " + problem);
        }
    }
}
