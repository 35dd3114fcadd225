package fi.collabmaturity.reference;

import fi.collabmaturity.framework.Localized;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator adds a theme to the catalogue of interface themes. */
public record AddInterfaceTheme(@TargetAggregateIdentifier String catalogueId, String code, Localized names) {

    public AddInterfaceTheme(String code, Localized names) {
        this(InterfaceThemeCatalogue.ID, code, names);
    }
}
