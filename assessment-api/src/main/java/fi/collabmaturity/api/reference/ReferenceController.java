package fi.collabmaturity.api.reference;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.framework.Localized;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.reference.AddInterfaceTheme;
import fi.collabmaturity.reference.InterfaceTheme;
import fi.collabmaturity.reference.InterfaceThemeCatalog;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.shared.Validation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import fi.collabmaturity.projection.support.Page;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reference data: the wellbeing services counties and the interface theme catalogue. */
@RestController
@RequestMapping("/api/v1/reference")
public class ReferenceController {

    private final RegionCatalog regions;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final StudyAccess access;
    private final ReadYourWrites consistency;

    public ReferenceController(RegionCatalog regions, QueryGateway queries, CommandGateway commands,
                               StudyAccess access, ReadYourWrites consistency) {
        this.regions = regions;
        this.queries = queries;
        this.commands = commands;
        this.access = access;
        this.consistency = consistency;
    }

    public record NewTheme(String code, Map<String, String> names) {
    }

    public record RegionView(String code, Localized names) {
    }

    /** An interface theme; {@code seeded}: part of the product's catalogue, not added by an administrator. */
    public record ThemeView(String code, Map<String, String> names, boolean seeded) {
    }

    @GetMapping("/regions")
    public Page<RegionView> regions() {
        List<RegionView> all = regions.all().stream().map(r -> new RegionView(r.code(), r.names())).toList();
        return Page.whole(all, all.size());
    }

    @GetMapping("/interface-themes")
    public Page<ThemeView> themes(@RequestParam(required = false) Long minPosition) {
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        List<ThemeView> all = new ArrayList<>();
        for (InterfaceTheme theme : InterfaceThemeCatalog.seeded()) {
            all.add(new ThemeView(theme.code(), theme.names().asMap(), true));
        }
        for (StudiesQueries.AddedTheme added : queries.query(new StudiesQueries.AddedThemesQuery(),
                ResponseTypes.multipleInstancesOf(StudiesQueries.AddedTheme.class)).join()) {
            all.add(new ThemeView(added.code(), added.names(), false));
        }
        return Page.whole(all, all.size());
    }

    @PostMapping(path = "/interface-themes", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ThemeView> add(@RequestBody NewTheme body) {
        access.requireAdmin();
        Validation v = new Validation().require(body.names() != null, "names", "must give fi, sv and en names");
        if (body.names() != null) {
            for (String lang : List.of("fi", "sv", "en")) {
                v.notBlank(body.names().get(lang), "names." + lang);
            }
        }
        v.throwIfInvalid();
        Localized names = new Localized(body.names().get("fi"), body.names().get("sv"), body.names().get("en"));
        commands.sendAndWait(new AddInterfaceTheme(body.code(), names));
        return Responses.created("/api/v1/reference/interface-themes/" + body.code(), consistency.afterWrite(),
                new ThemeView(body.code(), names.asMap(), false));
    }
}
