package fi.collabmaturity.reference;

import fi.collabmaturity.framework.Localized;
import org.axonframework.serialization.Revision;

/** A theme was added to the catalogue of interface themes. */
@Revision("1")
public record InterfaceThemeAdded(String code, Localized names) {
}
