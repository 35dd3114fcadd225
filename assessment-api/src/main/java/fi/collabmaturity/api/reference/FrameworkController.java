package fi.collabmaturity.api.reference;

import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.framework.Descriptor;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.framework.Stage;
import fi.collabmaturity.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The assessment frameworks: dimensions, stages, descriptors in fi/sv/en, bands and version. */
@RestController
@RequestMapping("/api/v1/frameworks")
public class FrameworkController {

    private final FrameworkCatalog frameworks;

    public FrameworkController(FrameworkCatalog frameworks) {
        this.frameworks = frameworks;
    }

    /** The newest version of every framework, each with the versions a study can be created with or moved to. */
    @GetMapping
    public Map<String, Object> list() {
        List<Map<String, Object>> all = frameworks.all().stream().map(this::withVersions).toList();
        return Responses.page(all, 0, Math.max(all.size(), 1), all.size());
    }

    /** A framework at its newest version, or at the version asked for. */
    @GetMapping("/{frameworkId}")
    public Map<String, Object> get(@PathVariable String frameworkId,
                                   @RequestParam(required = false) String version) {
        if (frameworks.find(frameworkId).isEmpty()) {
            throw new NotFoundException("framework " + frameworkId + " does not exist");
        }
        Framework framework = version == null ? frameworks.get(frameworkId)
                : frameworks.find(frameworkId, version).orElseThrow(() -> new NotFoundException(
                        "framework " + frameworkId + " has no version " + version + "; it has "
                                + frameworks.versionNumbers(frameworkId)));
        return withVersions(framework);
    }

    private Map<String, Object> withVersions(Framework f) {
        Map<String, Object> out = view(f);
        out.put("versions", frameworks.versionNumbers(f.id()));
        return out;
    }

    public static Map<String, Object> view(Framework f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("version", f.version());
        out.put("title", f.title().asMap());
        out.put("source", f.source());
        out.put("scale", Map.of("min", f.scale().min(), "max", f.scale().max(), "step", f.scale().step()));
        out.put("stages", f.stages().stream().map(FrameworkController::stage).toList());
        out.put("bands", f.bands().stream().map(b -> Map.of("stage", b.stage(), "code", f.stage(b.stage()).code(),
                "from", b.from(), "to", b.to())).toList());
        out.put("dimensions", f.dimensions().stream().map(FrameworkController::dimension).toList());
        return out;
    }

    private static Map<String, Object> stage(Stage s) {
        return Map.of("number", s.number(), "code", s.code(), "labels", s.labels().asMap());
    }

    private static Map<String, Object> dimension(Dimension d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", d.code());
        out.put("order", d.order());
        out.put("labels", d.labels().asMap());
        out.put("descriptors", d.descriptors().stream().map(FrameworkController::descriptor).toList());
        return out;
    }

    private static Map<String, Object> descriptor(Descriptor d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stage", d.stage());
        out.put("anchor", d.anchor());
        out.put("texts", d.texts().asMap());
        return out;
    }
}
