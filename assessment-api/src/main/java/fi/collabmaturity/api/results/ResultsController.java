package fi.collabmaturity.api.results;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.projection.maturity.MaturityQueries;
import fi.collabmaturity.projection.studies.SituationalPicture;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.support.ProgressQueries;
import org.bson.Document;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.StudyFacts;
import fi.collabmaturity.api.web.Languages;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fi.collabmaturity.api.results.ResultJsonCache.Asker.READER;

/** Computed results: profiles (and, in later slices, trajectories, paths, overviews). */
@RestController
@RequestMapping("/api/v1/studies/{studyId}")
public class ResultsController {

    private final StudyAccess access;
    private final StudyDirectory directory;
    private final FrameworkCatalog frameworks;
    private final MaturityQueries maturity;
    private final SituationalPicture situationalPicture;
    private final ReadYourWrites consistency;
    private final Clock clock;
    private final ProgressQueries progress;
    private final ResultJsonCache results;

    public ResultsController(StudyAccess access, StudyDirectory directory, FrameworkCatalog frameworks,
                             MaturityQueries maturity, SituationalPicture situationalPicture,
                             ReadYourWrites consistency, Clock clock, ResultJsonCache results) {
        this.results = results;
        this.access = access;
        this.directory = directory;
        this.frameworks = frameworks;
        this.maturity = maturity;
        this.situationalPicture = situationalPicture;
        this.consistency = consistency;
        this.clock = clock;
        this.progress = maturity.progress();
    }

    @GetMapping("/areas/{areaId}/profile")
    public ResultJson profile(@PathVariable String studyId, @PathVariable String areaId,
                                       @RequestParam String waveId,
                                       @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.read(studyId);
        if (!directory.areaExists(studyId, areaId)) {
            throw new NotFoundException("area " + areaId + " does not exist in study " + studyId);
        }
        study.wave(waveId).orElseThrow(() -> new NotFoundException("wave " + waveId + " does not exist"));
        consistency.await(minPosition, List.of(MaturityQueries.PROCESSOR));
        Framework framework = study.framework(frameworks);
        return results.profile(READER, study, framework, areaId, waveId);
    }

    @GetMapping("/overview")
    public ResultJson overview(@PathVariable String studyId, @RequestParam String waveId,
                                        @RequestParam(required = false) String regionCode,
                                        @RequestParam(required = false) String interfaceTheme,
                                        @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.read(studyId);
        study.wave(waveId).orElseThrow(() -> new NotFoundException("wave " + waveId + " does not exist"));
        consistency.await(minPosition, List.of(MaturityQueries.PROCESSOR));
        Framework framework = study.framework(frameworks);
        return results.overview(READER, study, framework, waveId, regionCode, interfaceTheme);
    }

    /** The situational picture on a date ({@code on}, default today in Europe/Helsinki). */
    @GetMapping("/situational-picture")
    public Map<String, Object> situationalPicture(@PathVariable String studyId,
                                                  @RequestParam(required = false) LocalDate on,
                                                  @RequestParam(required = false) Long minPosition) {
        access.read(studyId);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        Document picture = situationalPicture.of(studyId, on == null ? LocalDate.now(clock) : on);
        picture.put("asOf", progress.asOf(StudiesCollections.PROCESSOR));
        return picture;
    }

    @GetMapping("/areas/{areaId}/trajectory")
    public ResultJson trajectory(@PathVariable String studyId, @PathVariable String areaId,
                                          @RequestParam(required = false) Long minPosition) {
        StudyFacts study = readArea(studyId, areaId, minPosition);
        Framework framework = study.framework(frameworks);
        List<String> waves = waveOrder(study);
        return results.trajectory(READER, study, framework, areaId, waves);
    }

    @GetMapping("/areas/{areaId}/path")
    public ResultJson path(@PathVariable String studyId, @PathVariable String areaId,
                                    @RequestParam(required = false) String waveId,
                                    @RequestParam(required = false) String lang,
                                    @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                                    @RequestParam(required = false) Long minPosition) {
        StudyFacts study = readArea(studyId, areaId, minPosition);
        if (waveId != null) {
            study.wave(waveId).orElseThrow(() -> new NotFoundException("wave " + waveId + " does not exist"));
        }
        Framework framework = study.framework(frameworks);
        List<String> waves = waveOrder(study);
        String language = Languages.pick(lang, acceptLanguage);
        return results.path(READER, access.audience(study), study, framework, areaId, waves, waveId, language);
    }

    /** Inter-coder reliability of the double-coded findings: of one wave, or of the whole study. */
    @GetMapping("/reliability")
    public Map<String, Object> reliability(@PathVariable String studyId,
                                           @RequestParam(required = false) String waveId,
                                           @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.read(studyId);
        if (waveId != null) {
            study.wave(waveId).orElseThrow(() -> new NotFoundException("wave " + waveId + " does not exist"));
        }
        consistency.await(minPosition, List.of(MaturityQueries.PROCESSOR));
        Document result = maturity.reliability(study.framework(frameworks), studyId,
                waveId == null ? waveOrder(study) : List.of(waveId));
        result.put("waveId", waveId);
        return result;
    }

    private StudyFacts readArea(String studyId, String areaId, Long minPosition) {
        StudyFacts study = access.read(studyId);
        if (!directory.areaExists(studyId, areaId)) {
            throw new NotFoundException("area " + areaId + " does not exist in study " + studyId);
        }
        consistency.await(minPosition, List.of(MaturityQueries.PROCESSOR));
        return study;
    }

    /** Waves in time order (opening date, then id): the order of trajectories and paths. */
    static List<String> waveOrder(StudyFacts study) {
        return study.waveOrder();
    }
}
