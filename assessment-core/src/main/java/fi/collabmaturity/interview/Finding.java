package fi.collabmaturity.interview;

import fi.collabmaturity.privacy.Sealed;

import java.util.List;

/** A finding as its interview knows it: enough to judge recodings, withdrawals and double codings. */
record Finding(String findingId, String segmentId, String areaId, String dimension, int stage, List<String> codes,
               Sealed excerpt, String coder, long revision, boolean withdrawn) {

    Finding recoded(FindingRecoded e) {
        return new Finding(findingId, segmentId, e.areaId(), e.dimension(), e.stage(), e.codes(), e.excerpt(), coder,
                e.revision(), false);
    }

    Finding asWithdrawn() {
        return new Finding(findingId, segmentId, areaId, dimension, stage, codes, excerpt, coder, revision, true);
    }
}
