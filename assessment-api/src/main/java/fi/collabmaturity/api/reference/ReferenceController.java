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
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reference data: the wellbeing services counties and the interface theme catalogue. */
@RestController
@RequestMapping("/api/v1/reference")
public class ReferenceController {

    private final RegionCatalog regions;
    private final StudiesQueries queries;
    private final CommandGateway commands;
    private final StudyAccess access;
    private final ReadYourWrites consistency;

    public ReferenceController(RegionCatalog regions, StudiesQueries queries, CommandGateway commands,
                               StudyAccess access, ReadYourWrites consistency) {
        this.regions = regions;
        this.queries = queries;
        this.commands = commands;
        this.access = access;
        this.consistency = consistency;
    }

    public record NewTheme(String code, Map<String, String> names) {
    }

    @GetMapping("/regions")
    public Map<String, Object> regions() {
        List<Map<String, Object>> all = regions.all().stream()
                .map(r -> Map.<String, Object>of("code", r.code(), "names", r.names().asMap())).toList();
        return Responses.page(all, 0, all.size(), all.size());
    }

    @GetMapping("/interface-themes")
    public Map<String, Object> themes(@RequestParam(required = false) Long minPosition) {
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        List<Map<String, Object>> all = new ArrayList<>();
        for (InterfaceTheme theme : InterfaceThemeCatalog.seeded()) {
            all.add(theme(theme.code(), theme.names().asMap(), true));
        }
        for (Document added : queries.addedInterfaceThemes()) {
            all.add(theme(added.getString("_id"), added.get("names", Document.class), false));
        }
        return Responses.page(all, 0, all.size(), all.size());
    }

    @PostMapping(path = "/interface-themes", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> add(@RequestBody NewTheme body) {
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
                theme(body.code(), names.asMap(), false));
    }

    private static Map<String, Object> theme(String code, Map<String, ?> names, boolean seeded) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", code);
        out.put("names", names);
        out.put("seeded", seeded);
        return out;
    }
}
