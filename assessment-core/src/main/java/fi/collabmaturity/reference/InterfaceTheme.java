package fi.collabmaturity.reference;

import fi.collabmaturity.framework.Localized;

/** A kind of interface between municipalities and the county, such as wellbeing and health promotion (hyte). */
public record InterfaceTheme(String code, Localized names) {
}
