package fi.collabmaturity.area;

import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.reference.OrganisationType;
import fi.collabmaturity.shared.Validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks shared by the area's commands, so that every command names bad fields the same way. */
final class AreaRules {

    static final int MAX_NAME = 300;
    static final int MAX_PARTIES = 500;
    /** A target's rationale: a paragraph or two on why this mix, not a report. */
    static final int MAX_RATIONALE = 2000;

    private AreaRules() {
    }

    static void checkParties(Validation v, List<Party> parties, String field, boolean required) {
        if (parties == null || parties.isEmpty()) {
            v.require(!required, field, "must name at least one party");
            return;
        }
        v.require(parties.size() <= MAX_PARTIES, field, "must have at most " + MAX_PARTIES + " parties");
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            String at = field + "[" + i + "]";
            if (p == null) {
                v.add(at, "must be a party {type, name, code?}");
                continue;
            }
            v.require(OrganisationType.isCode(p.type()), at + ".type", "must be one of " + OrganisationType.codes());
            v.notBlank(p.name(), at + ".name").maxLength(p.name(), MAX_NAME, at + ".name")
                    .maxLength(p.code(), 50, at + ".code");
        }
    }

    /**
     * Checks a target profile against the framework and completes it: dimensions not named get the framework's
     * highest stage, the default target.
     */
    static Map<String, Integer> completeTargetProfile(Validation v, Map<String, Integer> given, Framework framework,
                                                      String field) {
        Map<String, Integer> complete = new LinkedHashMap<>();
        if (given != null) {
            for (Map.Entry<String, Integer> e : given.entrySet()) {
                String at = field + "." + e.getKey();
                if (!framework.hasDimension(e.getKey())) {
                    v.add(at, "is not a dimension of " + framework.id());
                } else if (e.getValue() == null || e.getValue() < framework.lowestStage()
                        || e.getValue() > framework.highestStage()) {
                    v.add(at, "must be a stage number from " + framework.lowestStage() + " to "
                            + framework.highestStage());
                }
            }
        }
        for (Dimension d : framework.dimensions()) {
            Integer stage = given == null ? null : given.get(d.code());
            complete.put(d.code(), stage == null ? framework.highestStage() : stage);
        }
        return complete;
    }
}
