package fi.collabmaturity.api.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.dashboard.DashboardViews.AboveRow;
import fi.collabmaturity.api.dashboard.DashboardViews.Cell;
import fi.collabmaturity.api.dashboard.DashboardViews.Change;
import fi.collabmaturity.api.dashboard.DashboardViews.FindingRow;
import fi.collabmaturity.api.dashboard.DashboardViews.LegendEntry;
import fi.collabmaturity.api.dashboard.DashboardViews.MilestoneLine;
import fi.collabmaturity.api.dashboard.DashboardViews.Option;
import fi.collabmaturity.api.dashboard.DashboardViews.OverviewRow;
import fi.collabmaturity.api.dashboard.DashboardViews.RadarChart;
import fi.collabmaturity.api.dashboard.DashboardViews.RadarRow;
import fi.collabmaturity.api.dashboard.DashboardViews.ReliabilityRow;
import fi.collabmaturity.api.dashboard.DashboardViews.Series;
import fi.collabmaturity.api.dashboard.DashboardViews.TargetRow;
import fi.collabmaturity.api.dashboard.DashboardViews.Trend;
import fi.collabmaturity.api.dashboard.DashboardViews.TrendChart;
import fi.collabmaturity.api.dashboard.DashboardViews.TrendPoint;
import fi.collabmaturity.api.dashboard.DashboardViews.TriangulationRow;
import fi.collabmaturity.api.dashboard.DashboardViews.ValuesChart;
import fi.collabmaturity.api.dashboard.DashboardViews.WaveMilestones;
import fi.collabmaturity.api.results.ResultGateway;
import fi.collabmaturity.api.security.PersonalData;
import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.framework.StageRange;
import fi.collabmaturity.projection.maturity.OverviewResult;
import fi.collabmaturity.projection.maturity.PathResult;
import fi.collabmaturity.projection.maturity.ProfileResult;
import fi.collabmaturity.projection.maturity.ReliabilityResult;
import fi.collabmaturity.projection.maturity.ResultParts.AboveTargetEntry;
import fi.collabmaturity.projection.maturity.ResultParts.DimensionCell;
import fi.collabmaturity.projection.maturity.ResultParts.MilestoneEntry;
import fi.collabmaturity.projection.maturity.ResultParts.PathTarget;
import fi.collabmaturity.projection.maturity.ResultParts.Point;
import fi.collabmaturity.projection.maturity.ResultParts.ProfileDimension;
import fi.collabmaturity.projection.maturity.ResultParts.SourceStats;
import fi.collabmaturity.projection.maturity.ResultQueries.OverviewQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.PathQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.ProfileQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.ReliabilityQuery;
import fi.collabmaturity.projection.maturity.ResultQueries.TrajectoryQuery;
import fi.collabmaturity.projection.maturity.TrajectoryResult;
import fi.collabmaturity.projection.studies.QuestionnaireQueries;
import fi.collabmaturity.projection.studies.SituationalPicture;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.projection.support.ProgressQueries;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.StudyFacts;
import fi.collabmaturity.study.Wave;
import org.bson.Document;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The dashboards: server-rendered pages over the same results as the result endpoints of the API (asked through
 * the query gateway, {@link ResultGateway}) and the studies' read models ({@link SituationalPicture},
 * {@link StudiesQueries}), behind the same study membership rules ({@link StudyAccess}: a study the caller may not
 * see is a 404, like on the API). Charts get their numbers as JSON embedded in the page, and every chart has a
 * table of the same numbers beside it. The templates are given small view records ({@link DashboardViews}).
 */
@Controller
public class DashboardController {

    private static final java.time.ZoneId HELSINKI = java.time.ZoneId.of("Europe/Helsinki");

    private final StudyAccess access;
    private final StudyDirectory directory;
    private final FrameworkCatalog frameworks;
    private final ResultGateway results;
    private final ProgressQueries progress;
    private final SituationalPicture situationalPicture;
    private final StudiesQueries studies;
    private final QuestionnaireQueries questionnaires;
    private final RegionCatalog regions;
    private final PersonalData personal;
    private final ObjectMapper json;
    private final Clock clock;
    private final MessageSource messages;

    public DashboardController(StudyAccess access, StudyDirectory directory, FrameworkCatalog frameworks,
                               ResultGateway results, ProgressQueries progress, SituationalPicture situationalPicture,
                               StudiesQueries studies, QuestionnaireQueries questionnaires, RegionCatalog regions,
                               PersonalData personal, ObjectMapper json, Clock clock, MessageSource messages) {
        this.access = access;
        this.directory = directory;
        this.frameworks = frameworks;
        this.results = results;
        this.progress = progress;
        this.situationalPicture = situationalPicture;
        this.studies = studies;
        this.questionnaires = questionnaires;
        this.regions = regions;
        this.personal = personal;
        this.json = json;
        this.clock = clock;
        this.messages = messages;
    }

    /** API.md: "/ is the study overview". With one visible study, go straight to it; otherwise list them. */
    @GetMapping({"/", "/ui", "/ui/studies"})
    public String studies(HttpServletRequest request, Model model) {
        List<Document> visible = studies.studies(doc -> directory.study(doc.getString("_id"))
                .filter(access::mayRead).isPresent(), 0, 500).content();
        if (visible.size() == 1 && "/".equals(request.getServletPath())) {
            return "redirect:/ui/studies/" + visible.get(0).getString("id");
        }
        common(model, request, null, frameworks.get(FrameworkCatalog.DEFAULT_FRAMEWORK_ID), "studies");
        model.addAttribute("studies", visible);
        return "ui/studies";
    }

    @GetMapping("/ui/studies/{studyId}")
    public String overview(@PathVariable String studyId, @RequestParam(required = false) String waveId,
                           @RequestParam(required = false) String region,
                           @RequestParam(required = false) String theme,
                           HttpServletRequest request, Model model) {
        StudyFacts study = access.read(studyId);
        Framework framework = study.framework(frameworks);
        UiText ui = common(model, request, study, framework, "overview");
        List<Wave> waves = waves(study);
        Wave wave = chosenWave(study, waves, waveId);
        String regionFilter = blankToNull(region);
        String themeFilter = blankToNull(theme);
        List<OverviewRow> rows = new ArrayList<>();
        // the filter options are the regions and themes that occur in the study, from the unfiltered overview
        TreeSet<String> regionCodes = new TreeSet<>();
        TreeSet<String> themeCodes = new TreeSet<>();
        if (wave != null) {
            OverviewResult all = results.ask(new OverviewQuery(studyId, wave.waveId(), null, null),
                    OverviewResult.class);
            Map<String, String> areaNames = new LinkedHashMap<>();
            for (OverviewResult.Row area : all.areas()) {
                areaNames.put(area.areaId(), area.name());
                regionCodes.add(area.regionCode());
                themeCodes.add(area.interfaceTheme());
                if (regionFilter != null && !regionFilter.equals(area.regionCode())
                        || themeFilter != null && !themeFilter.equals(area.interfaceTheme())) {
                    continue;
                }
                List<Cell> cells = new ArrayList<>();
                for (Dimension d : framework.dimensions()) {
                    DimensionCell c = area.dimensions().get(d.code());
                    cells.add(c == null ? cell(ui, d.code(), null, null, null, false)
                            : cell(ui, d.code(), c.score(), c.stage(), ui.range(c.stageRange(), c.stageNumber()),
                            "sufficient".equals(c.evidence())));
                }
                Cell overall = cell(ui, null, area.overall().score(), area.overall().stage(),
                        ui.range(null, area.overall().stageNumber()), area.overall().score() != null);
                rows.add(new OverviewRow(area.areaId(), area.name(), ui.region(area.regionCode()),
                        ui.theme(area.interfaceTheme()), cells, overall, ui.dim(area.weakestDimension())));
            }
            model.addAttribute("asOf", all.asOf());
            model.addAttribute("questionnaireAreaNames", areaNames);
        }
        model.addAttribute("questionnaires", questionnaireRows(studyId, wave, null));
        model.addAttribute("waves", waves);
        model.addAttribute("wave", wave);
        model.addAttribute("rows", rows);
        model.addAttribute("regionOptions", regionCodes.stream().filter(Objects::nonNull)
                .map(c -> new Option(c, ui.region(c))).toList());
        model.addAttribute("themeOptions", themeCodes.stream().filter(Objects::nonNull)
                .map(c -> new Option(c, ui.theme(c))).toList());
        model.addAttribute("region", regionFilter);
        model.addAttribute("theme", themeFilter);
        return "ui/overview";
    }

    @GetMapping("/ui/studies/{studyId}/areas/{areaId}")
    public String area(@PathVariable String studyId, @PathVariable String areaId,
                       @RequestParam(required = false) String waveId, HttpServletRequest request, Model model) {
        StudyFacts study = access.read(studyId);
        if (!directory.areaExists(studyId, areaId)) {
            throw new NotFoundException("area " + areaId + " does not exist in study " + studyId);
        }
        Framework framework = study.framework(frameworks);
        UiText ui = common(model, request, study, framework, "area");
        List<Wave> waves = waves(study);
        Wave wave = chosenWave(study, waves, waveId);
        Document area = studies.area(studyId, areaId).orElseThrow(
                () -> new NotFoundException("area " + areaId + " does not exist in study " + studyId));
        model.addAttribute("area", area);
        model.addAttribute("waves", waves);
        model.addAttribute("wave", wave);
        model.addAttribute("questionnaires", questionnaireRows(studyId, wave, areaId));

        // the radar needs this wave's profile and the previous one's; the trend lines come from the trajectory
        int index = wave == null ? -1 : waves.indexOf(wave);
        Wave previous = index > 0 ? waves.get(index - 1) : null;
        ProfileResult profile = wave == null ? null : profile(studyId, areaId, wave);
        ProfileResult before = previous == null ? null : profile(studyId, areaId, previous);
        // the theme codes behind the path are for researchers of the study and admins; viewers see aggregates only
        PathResult path = access.audience(study).path(results.ask(new PathQuery(studyId, areaId,
                wave == null ? null : wave.waveId(), ui.language()), PathResult.class));
        TrajectoryResult trajectory = results.ask(new TrajectoryQuery(studyId, areaId), TrajectoryResult.class);
        TargetProfileView target = TargetProfileView.of(path.targetProfile(), waves);
        List<String> dims = framework.dimensions().stream().map(Dimension::code).toList();
        List<Integer> targetStages = dims.stream().map(d -> target.stage(d, framework.highestStage())).toList();
        model.addAttribute("dimensionCodes", dims);
        model.addAttribute("targetProfile", target);
        Locale locale = Locale.forLanguageTag(ui.language());
        String threshold = ui.plain(study.policy().changeThreshold());

        if (wave != null) {
            model.addAttribute("profile", profile);
            model.addAttribute("previous", previous);
            model.addAttribute("overallStage", ui.stageLabel(ui.range(null, profile.overall().stageNumber())));
            model.addAttribute("overallChange", change(ui, locale, threshold,
                    point(trajectory.overall(), wave.waveId())));
            ProfileDimension weakest = profile.weakestDimension() == null ? null
                    : profile.dimension(profile.weakestDimension()).orElse(null);
            model.addAttribute("weakestStage", weakest == null ? null : stageLabel(ui, weakest));
            model.addAttribute("weakestScore", weakest == null ? null : weakest.score());

            List<RadarRow> radarRows = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) {
                ProfileDimension now = profile.dimension(dims.get(i)).orElse(null);
                ProfileDimension then = before == null ? null : before.dimension(dims.get(i)).orElse(null);
                StageRange nowStage = now == null ? null : ui.range(now.stageRange(), now.stageNumber());
                // what the stage means on this dimension, in the framework's own words; the target is plotted as
                // the stage number the framework credits it with (power's 2 is "own power")
                radarRows.add(new RadarRow(dims.get(i), ui.dim(dims.get(i)), now == null ? null : now.score(),
                        ui.stageLabel(nowStage), ui.descriptorOf(dims.get(i), nowStage),
                        then == null ? null : then.score(), then == null ? null : stageLabel(ui, then),
                        change(ui, locale, threshold, point(trajectory.points(dims.get(i)), wave.waveId())),
                        targetStages.get(i), ui.stageLabel(ui.targetRange(dims.get(i), targetStages.get(i)))));
            }
            model.addAttribute("radarRows", radarRows);
            model.addAttribute("radarJson", toJson(new RadarChart(radarRows.stream().map(RadarRow::label).toList(),
                    List.of(new Series(wave.label(), radarRows.stream().map(RadarRow::now).toList()),
                            new Series(previous == null ? null : previous.label(),
                                    radarRows.stream().map(RadarRow::before).toList()),
                            new Series(message(model, "target"), targetStages)))));

            List<TriangulationRow> triangulation = new ArrayList<>();
            int interviewUnits = 0;
            int surveyUnits = 0;
            SourceStats none = new SourceStats(0, null, null, null, null, false, Map.of());
            for (String d : dims) {
                ProfileDimension dim = profile.dimension(d).orElse(null);
                SourceStats interviews = dim == null ? none : dim.sources().interviews();
                SourceStats surveys = dim == null ? none : dim.sources().selfAssessments();
                interviewUnits += interviews.n();
                surveyUnits += surveys.n();
                triangulation.add(new TriangulationRow(d, ui.dim(d), interviews, surveys,
                        dim == null ? null : dim.triangulationGap(), dim != null && dim.divergent(),
                        dim == null ? "insufficient" : dim.evidence(), dim == null ? null : dim.score(),
                        dim == null ? null : stageLabel(ui, dim)));
            }
            model.addAttribute("triangulation", triangulation);
            model.addAttribute("interviewUnits", interviewUnits);
            model.addAttribute("surveyUnits", surveyUnits);
        }

        // trend lines: the trajectory's combined score per wave with its interval, the one the direction test reads;
        // the stage goes as its code and range, never as a stage number a range does not have
        List<Trend> trends = new ArrayList<>();
        for (String d : dims) {
            List<Point> trajectoryPoints = trajectory.points(d);
            List<TrendPoint> points = new ArrayList<>();
            for (Wave w : waves) {
                Point tp = point(trajectoryPoints, w.waveId());
                points.add(tp == null ? new TrendPoint(w.label(), null, null, null, null, null, null)
                        : new TrendPoint(w.label(), tp.score(), stageCode(ui, tp), tp.stageRange(), tp.ciLow(),
                        tp.ciHigh(), change(ui, locale, threshold, tp)));
            }
            trends.add(new Trend(d, ui.dim(d), points));
        }
        model.addAttribute("trends", trends);
        model.addAttribute("trendJson", toJson(new TrendChart(waves.stream().map(Wave::label).toList(), trends)));

        model.addAttribute("path", path);
        model.addAttribute("asOf", path.asOf());
        List<TargetRow> targetRows = new ArrayList<>();
        for (int i = 0; i < path.targets().size(); i++) {
            PathTarget t = path.targets().get(i);
            targetRows.add(new TargetRow(t, messages.getMessage("ui.area.path.stages", new Object[]{
                    ui.stageLabel(ui.range(t.currentStageRange(), t.currentStageNumber())),
                    ui.stageLabel(ui.range(t.targetStageRange(), t.targetStageNumber())), t.gap()}, locale),
                    rankedBy(locale, t.rankedBy(), i == 0), t.progress() == null ? null : ui.change(t.progress())));
        }
        model.addAttribute("targetRows", targetRows);
        List<AboveRow> aboveRows = new ArrayList<>();
        for (AboveTargetEntry a : path.aboveTarget()) {
            aboveRows.add(new AboveRow(a.dimension(), messages.getMessage("ui.area.path.above.item", new Object[]{
                    ui.num(a.score()), ui.stageLabel(ui.range(a.currentStageRange(), a.currentStageNumber())),
                    ui.stageLabel(ui.range(a.targetStageRange(), a.targetStageNumber()))}, locale)));
        }
        model.addAttribute("aboveRows", aboveRows);
        List<WaveMilestones> milestonesByWave = new ArrayList<>();
        for (Wave w : waves) {
            List<MilestoneLine> here = new ArrayList<>();
            for (MilestoneEntry m : path.milestones()) {
                if (w.waveId().equals(m.waveId())) {
                    here.add(new MilestoneLine(m.dimension(), ui.dim(m.dimension()) + ": "
                            + ui.stageLabel(ui.range(m.fromStageRange(), m.fromStageNumber())) + " → "
                            + ui.stageLabel(ui.range(m.toStageRange(), m.toStageNumber()))));
                }
            }
            milestonesByWave.add(new WaveMilestones(w, here));
        }
        model.addAttribute("milestonesByWave", milestonesByWave);

        // the findings behind the scores: excerpts and codes are personal data, for researchers and admins only
        boolean mayReadFindings = access.maySeePersonalData(study);
        model.addAttribute("mayReadFindings", mayReadFindings);
        if (mayReadFindings && wave != null) {
            Map<String, List<FindingRow>> byDimension = new LinkedHashMap<>();
            dims.forEach(d -> byDimension.put(d, new ArrayList<>()));
            for (Document interview : studies.interviews(studyId, wave.waveId(), areaId, 0, Integer.MAX_VALUE)
                    .content()) {
                for (Object value : interview.get("findings", new Document()).values()) {
                    Document f = (Document) value;
                    if (!areaId.equals(f.getString("areaId")) || Boolean.TRUE.equals(f.getBoolean("withdrawn"))) {
                        continue;
                    }
                    Object excerpt = personal.excerpt(f.get("excerpt"));
                    byDimension.computeIfAbsent(f.getString("dimension"), k -> new ArrayList<>()).add(new FindingRow(
                            f.get("stage"), f.get("codes"), excerpt instanceof String text ? text : null,
                            excerpt instanceof Map, f.getString("coder"), interview.getString("conductedOn")));
                }
            }
            model.addAttribute("findings", byDimension);
        }
        return "ui/area";
    }

    private ProfileResult profile(String studyId, String areaId, Wave wave) {
        return results.ask(new ProfileQuery(studyId, areaId, wave.waveId()), ProfileResult.class);
    }

    @GetMapping("/ui/studies/{studyId}/situation")
    public String situation(@PathVariable String studyId, @RequestParam(required = false) LocalDate on,
                            HttpServletRequest request, Model model) {
        StudyFacts study = access.read(studyId);
        common(model, request, study, study.framework(frameworks), "situation");
        Document picture = situationalPicture.of(studyId, on == null ? LocalDate.now(clock) : on);
        model.addAttribute("picture", picture);
        model.addAttribute("asOf", progress.asOf(StudiesCollections.PROCESSOR));
        Document agreements = picture.get("agreements", Document.class).get("byStatus", Document.class);
        Locale locale = Locale.forLanguageTag(((UiText) model.getAttribute("ui")).language());
        model.addAttribute("agreementJson", toJson(new ValuesChart(agreements.keySet().stream()
                .map(k -> messages.getMessage("ui.agreement." + k, null, k, locale)).toList(),
                new ArrayList<>(agreements.values()), null)));
        return "ui/situation";
    }

    @GetMapping("/ui/studies/{studyId}/reliability")
    public String reliability(@PathVariable String studyId, HttpServletRequest request, Model model) {
        StudyFacts study = access.read(studyId);
        Framework framework = study.framework(frameworks);
        common(model, request, study, framework, "reliability");
        List<Wave> waves = waves(study);
        List<ReliabilityRow> rows = new ArrayList<>();
        for (Wave w : waves) {
            rows.add(new ReliabilityRow(w, results.ask(new ReliabilityQuery(studyId, w.waveId()),
                    ReliabilityResult.class)));
        }
        model.addAttribute("rows", rows);
        ReliabilityResult whole = results.ask(new ReliabilityQuery(studyId, null), ReliabilityResult.class);
        model.addAttribute("whole", whole);
        model.addAttribute("asOf", whole.asOf());
        model.addAttribute("alphaJson", toJson(new ValuesChart(waves.stream().map(Wave::label).toList(),
                rows.stream().map(r -> r.result().alpha()).toList(), message(model, "alpha"))));
        return "ui/reliability";
    }

    /** The wave's questionnaires (with an area: those asking about it), as of today in Helsinki. */
    private List<QuestionnaireView> questionnaireRows(String studyId, Wave wave, String areaId) {
        if (wave == null) {
            return List.of();
        }
        return QuestionnaireView.of(questionnaires.list(studyId), wave, areaId,
                LocalDate.now(clock.withZone(HELSINKI)));
    }

    private UiText common(Model model, HttpServletRequest request, StudyFacts study, Framework framework,
                          String page) {
        String language = RequestContextUtils.getLocale(request).getLanguage();
        if (!List.of("fi", "sv", "en").contains(language)) {
            language = "fi";
        }
        UiText ui = new UiText(language, framework, regions, studies.addedInterfaceThemes());
        model.addAttribute("ui", ui);
        model.addAttribute("study", study);
        model.addAttribute("page", page);
        model.addAttribute("user", access.currentUser());
        model.addAttribute("stages", framework.stages());
        List<LegendEntry> legend = new ArrayList<>();
        // every stage a result can carry, the ranges of merged anchors too ("1–2 cooperation / coordination")
        for (StageRange s : framework.reportedStages()) {
            legend.add(new LegendEntry(ui.stageMark(s), ui.stageClasses(s), ui.stageName(s)));
        }
        model.addAttribute("legend", legend);
        // the language links keep the page and its query, changing only lang
        model.addAttribute("languageLinks", LanguageLinks.of(request));
        return ui;
    }

    /** Names the chart series need in the page's language, resolved the same way as the templates' texts. */
    private String message(Model model, String key) {
        UiText ui = (UiText) model.getAttribute("ui");
        return messages.getMessage("ui.series." + key, null, Locale.forLanguageTag(ui.language()));
    }

    private static Cell cell(UiText ui, String dimension, Double score, String stageCode, StageRange stage,
                             boolean sufficientEvidence) {
        boolean sufficient = sufficientEvidence && score != null && stage != null;
        // a range (power's "own power") is marked "1–2" and named by both stages, never as one of them
        return new Cell(dimension, sufficient, score, ui.num(score), ui.stageMark(stage),
                sufficient ? (stageCode != null ? stageCode : ui.framework().stageCode(stage)) : "insufficient",
                sufficient ? ui.stageClasses(stage) : "stage-insufficient", ui.stageName(stage),
                ui.stageLabel(stage));
    }

    private static String stageLabel(UiText ui, ProfileDimension d) {
        return ui.stageLabel(ui.range(d.stageRange(), d.stageNumber()));
    }

    private static String stageCode(UiText ui, Point p) {
        if (p.stage() != null) {
            return p.stage();
        }
        StageRange range = ui.range(p.stageRange(), p.stageNumber());
        return range == null ? null : ui.framework().stageCode(range);
    }

    /**
     * A trajectory point's direction with the test that decided it, in words: "flat: change below the threshold
     * 0.25", "flat: intervals overlap", "up: intervals apart". Null without a change (the first wave, or no score).
     */
    private Change change(UiText ui, Locale locale, String threshold, Point point) {
        if (point == null || point.direction() == null) {
            return null;
        }
        String direction = point.direction();
        String decidedBy = point.decidedBy();
        String key = "ui.direction." + direction + (decidedBy == null ? "" : "." + decidedBy);
        String text = messages.getMessage(key, new Object[]{threshold}, null, locale);
        if (text == null) {
            text = messages.getMessage("ui.direction." + direction, null, direction, locale);
        }
        return new Change(direction, decidedBy, ui.change(point.change()), text);
    }

    /** Why a target of the path comes before the next one ({@code rankedBy}); null for the last. */
    private String rankedBy(Locale locale, String rankedBy, boolean first) {
        if (rankedBy == null) {
            return null;
        }
        String reason = messages.getMessage("ui.area.path.rankedBy." + rankedBy, null, rankedBy, locale);
        return first ? messages.getMessage("ui.area.path.first", new Object[]{reason}, locale) : reason;
    }

    private static Point point(List<Point> points, String waveId) {
        return points.stream().filter(p -> waveId.equals(p.waveId())).findFirst().orElse(null);
    }

    /** Waves in time order (opening date, then id), as the API orders trajectories and paths. */
    private static List<Wave> waves(StudyFacts study) {
        return study.waves().values().stream()
                .sorted(Comparator.comparing(Wave::opensOn).thenComparing(Wave::waveId)).toList();
    }

    /** The named wave (404 if the study has no such wave), else the latest. */
    private static Wave chosenWave(StudyFacts study, List<Wave> waves, String waveId) {
        if (waveId != null && !waveId.isBlank()) {
            return study.wave(waveId).orElseThrow(() -> new NotFoundException("wave " + waveId + " does not exist"));
        }
        return waves.isEmpty() ? null : waves.get(waves.size() - 1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private String toJson(Object value) {
        try {
            // embedded in a <script> element: no text in it may close that element
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data is plain records and lists", e);
        }
    }
}
