package fi.collabmaturity.api.reference;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.framework.Localized;
import fi.collabmaturity.framework.Scale;
import fi.collabmaturity.projection.support.Page;
import fi.collabmaturity.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The assessment frameworks: dimensions, stages, descriptors in fi/sv/en, bands and version. */
@RestController
@RequestMapping("/api/v1/frameworks")
public class FrameworkController {

    private final FrameworkCatalog frameworks;

    public FrameworkController(FrameworkCatalog frameworks) {
        this.frameworks = frameworks;
    }

    /** A framework at one version, with the versions a study can be created with or moved to. */
    public record FrameworkView(String id, String version, Localized title, String source, Scale scale,
                                List<StageView> stages, List<BandView> bands, List<DimensionView> dimensions,
                                List<String> versions) {
    }

    public record StageView(int number, String code, Localized labels) {
    }

    /** The score range of a stage. */
    public record BandView(int stage, String code, double from, double to) {
    }

    public record DimensionView(String code, int order, Localized labels, List<DescriptorView> descriptors) {
    }

    public record DescriptorView(int stage, int anchor, Localized texts) {
    }

    /** The newest version of every framework, each with the versions a study can be created with or moved to. */
    @GetMapping
    public Page<FrameworkView> list() {
        List<FrameworkView> all = frameworks.all().stream().map(this::view).toList();
        return Page.whole(all, Math.max(all.size(), 1));
    }

    /** A framework at its newest version, or at the version asked for. */
    @GetMapping("/{frameworkId}")
    public FrameworkView get(@PathVariable String frameworkId, @RequestParam(required = false) String version) {
        if (frameworks.find(frameworkId).isEmpty()) {
            throw new NotFoundException("framework " + frameworkId + " does not exist");
        }
        Framework framework = version == null ? frameworks.get(frameworkId)
                : frameworks.find(frameworkId, version).orElseThrow(() -> new NotFoundException(
                        "framework " + frameworkId + " has no version " + version + "; it has "
                                + frameworks.versionNumbers(frameworkId)));
        return view(framework);
    }

    private FrameworkView view(Framework f) {
        return new FrameworkView(f.id(), f.version(), f.title(), f.source(), f.scale(),
                f.stages().stream().map(s -> new StageView(s.number(), s.code(), s.labels())).toList(),
                f.bands().stream().map(b -> new BandView(b.stage(), f.stage(b.stage()).code(), b.from(), b.to()))
                        .toList(),
                f.dimensions().stream().map(d -> new DimensionView(d.code(), d.order(), d.labels(),
                        d.descriptors().stream().map(x -> new DescriptorView(x.stage(), x.anchor(), x.texts()))
                                .toList())).toList(),
                frameworks.versionNumbers(f.id()));
    }
}
