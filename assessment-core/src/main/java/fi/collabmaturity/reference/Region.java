package fi.collabmaturity.reference;

import fi.collabmaturity.framework.Localized;

/** A wellbeing services county (or the City of Helsinki) by its Statistics Finland code. */
public record Region(String code, Localized names) {
}
