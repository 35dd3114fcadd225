package fi.collabmaturity.reference;

import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.Validation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateCreationPolicy;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The themes administrators added on top of the seeded ones. One aggregate for the whole installation, with an
 * identifier no study can have ({@code #} is not allowed in study ids).
 */
public class InterfaceThemeCatalogue {

    public static final String ID = "#interface-themes";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,49}");

    @AggregateIdentifier
    private String id;
    private final Set<String> added = new HashSet<>();

    protected InterfaceThemeCatalogue() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AddInterfaceTheme command, StudyDirectory directory) {
        Validation v = new Validation()
                .require(command.code() != null && CODE.matcher(command.code()).matches(), "code",
                        "must be 2-50 lower-case letters, digits or '_', starting with a letter")
                .require(command.names() != null, "names", "must give fi, sv and en names");
        if (command.names() != null) {
            v.notBlank(command.names().fi(), "names.fi").notBlank(command.names().sv(), "names.sv")
                    .notBlank(command.names().en(), "names.en");
        }
        v.throwIfInvalid();
        if (added.contains(command.code()) || directory.interfaceThemeExists(command.code())) {
            throw new ConflictException("interface theme " + command.code() + " already exists");
        }
        AggregateLifecycle.apply(new InterfaceThemeAdded(command.code(), command.names()));
    }

    @EventSourcingHandler
    void on(InterfaceThemeAdded event) {
        id = ID;
        added.add(event.code());
    }
}
