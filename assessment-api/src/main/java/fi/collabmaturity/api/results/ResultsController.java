package fi.collabmaturity.api.results;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.projection.maturity.MaturityQueries;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.StudyFacts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Computed results: profiles (and, in later slices, trajectories, paths, overviews). */
@RestController
@RequestMapping("/api/v1/studies/{studyId}")
public class ResultsController {

    private final StudyAccess access;
    private final StudyDirectory directory;
    private final FrameworkCatalog frameworks;
    private final MaturityQueries maturity;
    private final ReadYourWrites consistency;

    public ResultsController(StudyAccess access, StudyDirectory directory, FrameworkCatalog frameworks,
                             MaturityQueries maturity, ReadYourWrites consistency) {
        this.access = access;
        this.directory = directory;
        this.frameworks = frameworks;
        this.maturity = maturity;
        this.consistency = consistency;
    }

    @GetMapping("/areas/{areaId}/profile")
    public Map<String, Object> profile(@PathVariable String studyId, @PathVariable String areaId,
                                       @RequestParam String waveId,
                                       @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.read(studyId);
        if (!directory.areaExists(studyId, areaId)) {
            throw new NotFoundException("area " + areaId + " does not exist in study " + studyId);
        }
        study.wave(waveId).orElseThrow(() -> new NotFoundException("wave " + waveId + " does not exist"));
        consistency.await(minPosition, List.of(MaturityQueries.PROCESSOR));
        return maturity.profile(frameworks.get(study.frameworkId()), studyId, areaId, waveId);
    }
}
