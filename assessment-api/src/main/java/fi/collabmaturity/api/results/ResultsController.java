package fi.collabmaturity.api.results;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.Languages;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.projection.maturity.MaturityQueryHandlers;
import fi.collabmaturity.projection.maturity.OverviewResult;
import fi.collabmaturity.projection.maturity.PathResult;
import fi.collabmaturity.projection.maturity.ProfileResult;
import fi.collabmaturity.projection.maturity.ReliabilityResult;
import fi.collabmaturity.projection.maturity.ResultQueries.OverviewQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.PathQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.ProfileQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.ReliabilityQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.TrajectoryQuery;
import fi.collabmaturity.projection.maturity.TrajectoryResult;
import fi.collabmaturity.projection.studies.SituationalPicture;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.support.ProgressQueries;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.StudyFacts;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Computed results: profiles, overviews, trajectories, paths and reliability, asked through the query gateway
 * ({@link ResultGateway}, the questions of {@code ResultQueries}) after the study, area and wave were checked to exist and be visible to the caller.
 */
@RestController
@RequestMapping("/api/v1/studies/{studyId}")
public class ResultsController {

    private static final List<String> MATURITY = List.of(MaturityQueryHandlers.PROCESSOR);
    private final StudyAccess access;
    private final StudyDirectory directory;
    private final ResultGateway results;
    private final SituationalPicture situationalPicture;
    private final ReadYourWrites consistency;
    private final Clock clock;
    private final ProgressQueries progress;

    public ResultsController(StudyAccess access, StudyDirectory directory, ResultGateway results,
                             SituationalPicture situationalPicture, ReadYourWrites consistency, Clock clock,
                             ProgressQueries progress) {
        this.access = access;
        this.directory = directory;
        this.results = results;
        this.situationalPicture = situationalPicture;
        this.consistency = consistency;
        this.clock = clock;
        this.progress = progress;
    }

    @GetMapping("/areas/{areaId}/profile")
    public ProfileResult profile(@PathVariable String studyId, @PathVariable String areaId,
                                 @RequestParam String waveId, @RequestParam(required = false) Long minPosition) {
        StudyFacts study = readArea(studyId, areaId);
        wave(study, waveId);
        consistency.await(minPosition, MATURITY);
        return results.ask(new ProfileQuery(studyId, areaId, waveId), ProfileResult.class);
    }

    @GetMapping("/overview")
    public OverviewResult overview(@PathVariable String studyId, @RequestParam String waveId,
                                   @RequestParam(required = false) String regionCode,
                                   @RequestParam(required = false) String interfaceTheme,
                                   @RequestParam(required = false) Long minPosition) {
        wave(access.read(studyId), waveId);
        consistency.await(minPosition, MATURITY);
        return results.ask(new OverviewQuery(studyId, waveId, regionCode, interfaceTheme), OverviewResult.class);
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
    public TrajectoryResult trajectory(@PathVariable String studyId, @PathVariable String areaId,
                                       @RequestParam(required = false) Long minPosition) {
        readArea(studyId, areaId);
        consistency.await(minPosition, MATURITY);
        return results.ask(new TrajectoryQuery(studyId, areaId), TrajectoryResult.class);
    }

    @GetMapping("/areas/{areaId}/path")
    public PathResult path(@PathVariable String studyId, @PathVariable String areaId,
                           @RequestParam(required = false) String waveId,
                           @RequestParam(required = false) String lang,
                           @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                           @RequestParam(required = false) Long minPosition) {
        StudyFacts study = readArea(studyId, areaId);
        if (waveId != null) {
            wave(study, waveId);
        }
        String language = Languages.pick(lang, acceptLanguage);
        consistency.await(minPosition, MATURITY);
        PathResult path = results.ask(new PathQuery(studyId, areaId, waveId, language), PathResult.class);
        return access.audience(study).path(path);
    }

    /** Inter-coder reliability of the double-coded findings: of one wave, or of the whole study. */
    @GetMapping("/reliability")
    public ReliabilityResult reliability(@PathVariable String studyId,
                                         @RequestParam(required = false) String waveId,
                                         @RequestParam(required = false) Long minPosition) {
        StudyFacts study = access.read(studyId);
        if (waveId != null) {
            wave(study, waveId);
        }
        consistency.await(minPosition, MATURITY);
        return results.ask(new ReliabilityQuery(studyId, waveId), ReliabilityResult.class);
    }

    private StudyFacts readArea(String studyId, String areaId) {
        StudyFacts study = access.read(studyId);
        if (!directory.areaExists(studyId, areaId)) {
            throw new NotFoundException("area " + areaId + " does not exist in study " + studyId);
        }
        return study;
    }

    private static void wave(StudyFacts study, String waveId) {
        study.wave(waveId).orElseThrow(() -> new NotFoundException("wave " + waveId + " does not exist"));
    }
}
