package fi.collabmaturity.api.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.security.PersonalData;
import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.framework.StageRange;
import fi.collabmaturity.projection.maturity.MaturityQueries;
import fi.collabmaturity.projection.studies.QuestionnaireQueries;
import fi.collabmaturity.projection.studies.SituationalPicture;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
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
 * The dashboards: server-rendered pages over the same read models and query classes as the result endpoints of
 * the API ({@link MaturityQueries}, {@link SituationalPicture}, {@link StudiesQueries}), behind the same study
 * membership rules ({@link StudyAccess}: a study the caller may not see is a 404, like on the API). Charts get
 * their numbers as JSON embedded in the page, and every chart has a table of the same numbers beside it.
 */
@Controller
public class DashboardController {

    private static final java.time.ZoneId HELSINKI = java.time.ZoneId.of("Europe/Helsinki");

    private final StudyAccess access;
    private final StudyDirectory directory;
    private final FrameworkCatalog frameworks;
    private final MaturityQueries maturity;
    private final SituationalPicture situationalPicture;
    private final StudiesQueries studies;
    private final QuestionnaireQueries questionnaires;
    private final RegionCatalog regions;
    private final PersonalData personal;
    private final ObjectMapper json;
    private final Clock clock;
    private final MessageSource messages;

    public DashboardController(StudyAccess access, StudyDirectory directory, FrameworkCatalog frameworks,
                               MaturityQueries maturity, SituationalPicture situationalPicture,
                               StudiesQueries studies, QuestionnaireQueries questionnaires, RegionCatalog regions,
                               PersonalData personal, ObjectMapper json, Clock clock, MessageSource messages) {
        this.access = access;
        this.directory = directory;
        this.frameworks = frameworks;
        this.maturity = maturity;
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
        List<Map<String, Object>> rows = new ArrayList<>();
        // the filter options are the regions and themes that occur in the study, from the unfiltered overview
        TreeSet<String> regionCodes = new TreeSet<>();
        TreeSet<String> themeCodes = new TreeSet<>();
        if (wave != null) {
            Document all = maturity.overview(framework, study.policy(), studyId, wave.waveId(), null, null);
            for (Document area : all.getList("areas", Document.class)) {
                regionCodes.add(area.getString("regionCode"));
                themeCodes.add(area.getString("interfaceTheme"));
                if (regionFilter != null && !regionFilter.equals(area.getString("regionCode"))
                        || themeFilter != null && !themeFilter.equals(area.getString("interfaceTheme"))) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("areaId", area.getString("areaId"));
                row.put("name", area.getString("name"));
                row.put("region", ui.region(area.getString("regionCode")));
                row.put("theme", ui.theme(area.getString("interfaceTheme")));
                Document cells = area.get("dimensions", new Document());
                List<Map<String, Object>> dims = new ArrayList<>();
                for (Dimension d : framework.dimensions()) {
                    dims.add(cell(ui, d.code(), cells.get(d.code(), Document.class)));
                }
                row.put("cells", dims);
                Document overall = area.get("overall", new Document());
                row.put("overall", cell(ui, null, new Document(overall)
                        .append("evidence", overall.get("score") == null ? "insufficient" : "sufficient")));
                row.put("weakest", ui.dim(area.getString("weakestDimension")));
                rows.add(row);
            }
            model.addAttribute("asOf", all.get("asOf"));
            Map<String, String> areaNames = new LinkedHashMap<>();
            for (Document area : all.getList("areas", Document.class)) {
                areaNames.put(area.getString("areaId"), area.getString("name"));
            }
            model.addAttribute("questionnaireAreaNames", areaNames);
        }
        model.addAttribute("questionnaires", questionnaireRows(studyId, wave, null));
        model.addAttribute("waves", waves);
        model.addAttribute("wave", wave);
        model.addAttribute("rows", rows);
        model.addAttribute("regionOptions", regionCodes.stream().filter(Objects::nonNull)
                .map(c -> Map.of("code", c, "name", ui.region(c))).toList());
        model.addAttribute("themeOptions", themeCodes.stream().filter(Objects::nonNull)
                .map(c -> Map.of("code", c, "name", ui.theme(c))).toList());
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

        // one profile per wave: the radar needs this wave and the previous one, the trend lines need them all
        Map<String, Document> profiles = new LinkedHashMap<>();
        for (Wave w : waves) {
            profiles.put(w.waveId(), maturity.profile(framework, study.policy(), studyId, areaId, w.waveId()));
        }
        // the theme codes behind the path are for researchers of the study and admins; viewers see aggregates only
        Document path = access.audience(study).path(maturity.path(framework, study.policy(), studyId, areaId,
                waves.stream().map(Wave::waveId).toList(), wave == null ? null : wave.waveId(), ui.language()));
        Document trajectory = maturity.trajectory(framework, study.policy(), studyId, areaId,
                waves.stream().map(Wave::waveId).toList());
        TargetProfileView target = TargetProfileView.of(path, area, waves, framework.highestStage());
        List<String> dims = framework.dimensions().stream().map(Dimension::code).toList();
        List<Integer> targetStages = dims.stream().map(d -> target.stage(d, framework.highestStage())).toList();
        model.addAttribute("dimensionCodes", dims);
        model.addAttribute("targetProfile", target);
        Locale locale = Locale.forLanguageTag(ui.language());
        String threshold = ui.plain(study.policy().changeThreshold());

        if (wave != null) {
            Document profile = profiles.get(wave.waveId());
            int index = waves.indexOf(wave);
            Wave previous = index > 0 ? waves.get(index - 1) : null;
            Document before = previous == null ? null : profiles.get(previous.waveId());
            model.addAttribute("profile", profile);
            model.addAttribute("previous", previous);
            Document overall = profile.get("overall", new Document());
            model.addAttribute("overallStage", ui.stageOf(overall, "stage"));
            model.addAttribute("overallChange", change(ui, locale, threshold,
                    point(trajectory.getList("overall", Document.class), wave.waveId())));
            String weakestCode = profile.getString("weakestDimension");
            Document weakest = weakestCode == null ? null : dimension(profile, weakestCode);
            model.addAttribute("weakestStage", weakest == null ? null : ui.stageOf(weakest, "stage"));
            model.addAttribute("weakestScore", weakest == null ? null : weakest.get("score"));

            List<Map<String, Object>> radarRows = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) {
                Document now = dimension(profile, dims.get(i));
                Document then = before == null ? null : dimension(before, dims.get(i));
                StageRange nowStage = ui.range(now, "stage");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dimension", dims.get(i));
                row.put("label", ui.dim(dims.get(i)));
                row.put("now", now == null ? null : now.get("score"));
                row.put("nowStage", ui.stageLabel(nowStage));
                // what the stage means on this dimension, in the framework's own words
                row.put("nowDescriptor", ui.descriptorOf(dims.get(i), nowStage));
                row.put("before", then == null ? null : then.get("score"));
                row.put("beforeStage", ui.stageOf(then, "stage"));
                row.put("change", change(ui, locale, threshold, point(trajectoryPoints(trajectory, dims.get(i)),
                        wave.waveId())));
                // the target is plotted as the stage number the framework credits it with; power's 2 is "own power"
                row.put("target", targetStages.get(i));
                row.put("targetStage", ui.stageLabel(ui.targetRange(dims.get(i), targetStages.get(i))));
                radarRows.add(row);
            }
            model.addAttribute("radarRows", radarRows);
            Map<String, Object> radar = new LinkedHashMap<>();
            radar.put("labels", radarRows.stream().map(r -> r.get("label")).toList());
            radar.put("series", List.of(
                    series(wave.label(), radarRows.stream().map(r -> r.get("now")).toList()),
                    series(previous == null ? null : previous.label(),
                            radarRows.stream().map(r -> r.get("before")).toList()),
                    series(message(model, "target"), radarRows.stream().map(r -> (Object) r.get("target")).toList())));
            model.addAttribute("radarJson", toJson(radar));

            List<Map<String, Object>> triangulation = new ArrayList<>();
            int interviewUnits = 0;
            int surveyUnits = 0;
            for (String d : dims) {
                Document dim = dimension(profile, d);
                Document sources = dim == null ? new Document() : dim.get("sources", new Document());
                Document interviews = sources.get("interviews", new Document());
                Document surveys = sources.get("selfAssessments", new Document());
                interviewUnits += interviews.get("n", 0);
                surveyUnits += surveys.get("n", 0);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dimension", d);
                row.put("label", ui.dim(d));
                row.put("interviews", interviews);
                row.put("selfAssessments", surveys);
                row.put("gap", dim == null ? null : dim.get("triangulationGap"));
                row.put("divergent", dim != null && Boolean.TRUE.equals(dim.getBoolean("divergent")));
                row.put("evidence", dim == null ? "insufficient" : dim.getString("evidence"));
                row.put("score", dim == null ? null : dim.get("score"));
                row.put("stage", ui.stageOf(dim, "stage"));
                triangulation.add(row);
            }
            model.addAttribute("triangulation", triangulation);
            model.addAttribute("interviewUnits", interviewUnits);
            model.addAttribute("surveyUnits", surveyUnits);
        }

        // trend lines: the trajectory's combined score per wave with its interval, the one the direction test reads;
        // the stage goes as its code and range, never as a stage number a range does not have
        List<Map<String, Object>> trends = new ArrayList<>();
        for (String d : dims) {
            List<Document> trajectoryPoints = trajectoryPoints(trajectory, d);
            List<Map<String, Object>> points = new ArrayList<>();
            for (Wave w : waves) {
                Document tp = point(trajectoryPoints, w.waveId());
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("wave", w.label());
                p.put("score", tp == null ? null : tp.get("score"));
                p.put("stage", ui.stageCodeOf(tp, "stage"));
                p.put("stageRange", tp == null ? null : tp.get("stageRange"));
                p.put("ciLow", tp == null ? null : tp.get("ciLow"));
                p.put("ciHigh", tp == null ? null : tp.get("ciHigh"));
                p.put("change", change(ui, locale, threshold, tp));
                points.add(p);
            }
            trends.add(Map.of("dimension", d, "label", ui.dim(d), "points", points));
        }
        model.addAttribute("trends", trends);
        model.addAttribute("trendJson", toJson(Map.of("waves", waves.stream().map(Wave::label).toList(),
                "dimensions", trends)));

        model.addAttribute("path", path);
        model.addAttribute("asOf", path.get("asOf"));
        List<Document> pathTargets = path.getList("targets", Document.class, List.of());
        List<Map<String, Object>> targetRows = new ArrayList<>();
        for (int i = 0; i < pathTargets.size(); i++) {
            Document t = pathTargets.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", t);
            row.put("stages", messages.getMessage("ui.area.path.stages", new Object[]{
                    ui.stageOf(t, "currentStage"), ui.stageOf(t, "targetStage"), t.get("gap")}, locale));
            row.put("why", rankedBy(locale, t.getString("rankedBy"), i == 0));
            row.put("progress", t.get("progress") instanceof Number ? ui.change(t.get("progress")) : null);
            targetRows.add(row);
        }
        model.addAttribute("targetRows", targetRows);
        List<Map<String, Object>> aboveRows = new ArrayList<>();
        for (Document a : path.getList("aboveTarget", Document.class, List.of())) {
            aboveRows.add(Map.of("dimension", a.getString("dimension"), "text", messages.getMessage(
                    "ui.area.path.above.item", new Object[]{ui.num(a.get("score")), ui.stageOf(a, "currentStage"),
                            ui.stageOf(a, "targetStage")}, locale)));
        }
        model.addAttribute("aboveRows", aboveRows);
        List<Map<String, Object>> milestonesByWave = new ArrayList<>();
        for (Wave w : waves) {
            List<Map<String, Object>> here = new ArrayList<>();
            for (Document m : path.getList("milestones", Document.class)) {
                if (w.waveId().equals(m.getString("waveId"))) {
                    here.add(Map.of("dimension", m.getString("dimension"), "text", ui.dim(m.getString("dimension"))
                            + ": " + ui.stageOf(m, "fromStage") + " → " + ui.stageOf(m, "toStage")));
                }
            }
            milestonesByWave.add(Map.of("wave", w, "milestones", here));
        }
        model.addAttribute("milestonesByWave", milestonesByWave);

        // the findings behind the scores: excerpts and codes are personal data, for researchers and admins only
        boolean mayReadFindings = access.maySeePersonalData(study);
        model.addAttribute("mayReadFindings", mayReadFindings);
        if (mayReadFindings && wave != null) {
            Map<String, List<Map<String, Object>>> byDimension = new LinkedHashMap<>();
            dims.forEach(d -> byDimension.put(d, new ArrayList<>()));
            for (Document interview : studies.interviews(studyId, wave.waveId(), areaId, 0, Integer.MAX_VALUE)
                    .content()) {
                for (Object value : interview.get("findings", new Document()).values()) {
                    Document f = (Document) value;
                    if (!areaId.equals(f.getString("areaId")) || Boolean.TRUE.equals(f.getBoolean("withdrawn"))) {
                        continue;
                    }
                    Object excerpt = personal.excerpt(f.get("excerpt"));
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("stageNumber", f.get("stage"));
                    row.put("codes", f.get("codes"));
                    row.put("excerpt", excerpt instanceof String text ? text : null);
                    row.put("erased", excerpt instanceof Map);
                    row.put("coder", f.getString("coder"));
                    row.put("conductedOn", interview.getString("conductedOn"));
                    byDimension.computeIfAbsent(f.getString("dimension"), k -> new ArrayList<>()).add(row);
                }
            }
            model.addAttribute("findings", byDimension);
        }
        return "ui/area";
    }

    @GetMapping("/ui/studies/{studyId}/situation")
    public String situation(@PathVariable String studyId, @RequestParam(required = false) LocalDate on,
                            HttpServletRequest request, Model model) {
        StudyFacts study = access.read(studyId);
        common(model, request, study, study.framework(frameworks), "situation");
        Document picture = situationalPicture.of(studyId, on == null ? LocalDate.now(clock) : on);
        model.addAttribute("picture", picture);
        model.addAttribute("asOf", maturity.progress().asOf(StudiesCollections.PROCESSOR));
        Document agreements = picture.get("agreements", Document.class).get("byStatus", Document.class);
        Locale locale = Locale.forLanguageTag(((UiText) model.getAttribute("ui")).language());
        model.addAttribute("agreementJson", toJson(Map.of("labels", agreements.keySet().stream()
                        .map(k -> messages.getMessage("ui.agreement." + k, null, k, locale)).toList(),
                "values", new ArrayList<>(agreements.values()))));
        return "ui/situation";
    }

    @GetMapping("/ui/studies/{studyId}/reliability")
    public String reliability(@PathVariable String studyId, HttpServletRequest request, Model model) {
        StudyFacts study = access.read(studyId);
        Framework framework = study.framework(frameworks);
        common(model, request, study, framework, "reliability");
        List<Wave> waves = waves(study);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Wave w : waves) {
            rows.add(Map.of("wave", w, "result", maturity.reliability(framework, studyId, List.of(w.waveId()))));
        }
        model.addAttribute("rows", rows);
        Document whole = maturity.reliability(framework, studyId, waves.stream().map(Wave::waveId).toList());
        model.addAttribute("whole", whole);
        model.addAttribute("asOf", whole.get("asOf"));
        List<Object> alphas = rows.stream().map(r -> ((Document) r.get("result")).get("alpha")).toList();
        model.addAttribute("alphaJson", toJson(Map.of("labels", waves.stream().map(Wave::label).toList(),
                "values", alphas, "label", message(model, "alpha"))));
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
        List<Map<String, Object>> legend = new ArrayList<>();
        // every stage a result can carry, the ranges of merged anchors too ("1–2 cooperation / coordination")
        for (StageRange s : framework.reportedStages()) {
            legend.add(Map.of("mark", ui.stageMark(s), "classes", ui.stageClasses(s), "label", ui.stageName(s)));
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

    private static Map<String, Object> cell(UiText ui, String dimension, Document cell) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dimension", dimension);
        StageRange stage = ui.range(cell, "stage");
        Object score = cell == null ? null : cell.get("score");
        boolean sufficient = cell != null && "sufficient".equals(cell.getString("evidence")) && score != null
                && stage != null;
        out.put("sufficient", sufficient);
        out.put("score", score);
        out.put("scoreText", ui.num(score));
        // a range (power's "own power") is marked "1–2" and named by both stages, never as one of them
        out.put("stageMark", ui.stageMark(stage));
        out.put("stageCode", sufficient ? ui.stageCodeOf(cell, "stage") : "insufficient");
        out.put("stageClasses", sufficient ? ui.stageClasses(stage) : "stage-insufficient");
        out.put("stageName", ui.stageName(stage));
        out.put("stageLabel", ui.stageLabel(stage));
        return out;
    }

    /**
     * A trajectory point's direction with the test that decided it, in words: "flat: change below the threshold
     * 0.25", "flat: intervals overlap", "up: intervals apart". Null without a change (the first wave, or no score).
     */
    private Map<String, Object> change(UiText ui, Locale locale, String threshold, Document point) {
        if (point == null || point.getString("direction") == null) {
            return null;
        }
        String direction = point.getString("direction");
        String decidedBy = point.getString("decidedBy");
        String key = "ui.direction." + direction + (decidedBy == null ? "" : "." + decidedBy);
        String text = messages.getMessage(key, new Object[]{threshold}, null, locale);
        if (text == null) {
            text = messages.getMessage("ui.direction." + direction, null, direction, locale);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("direction", direction);
        out.put("decidedBy", decidedBy);
        out.put("amount", ui.change(point.get("change")));
        out.put("text", text);
        return out;
    }

    /** Why a target of the path comes before the next one ({@code rankedBy}); null for the last. */
    private String rankedBy(Locale locale, String rankedBy, boolean first) {
        if (rankedBy == null) {
            return null;
        }
        String reason = messages.getMessage("ui.area.path.rankedBy." + rankedBy, null, rankedBy, locale);
        return first ? messages.getMessage("ui.area.path.first", new Object[]{reason}, locale) : reason;
    }

    private static List<Document> trajectoryPoints(Document trajectory, String dimension) {
        return trajectory.getList("dimensions", Document.class, List.of()).stream()
                .filter(d -> dimension.equals(d.getString("dimension"))).findFirst()
                .map(d -> d.getList("points", Document.class, List.of())).orElse(List.of());
    }

    private static Document point(List<Document> points, String waveId) {
        return points == null ? null
                : points.stream().filter(p -> waveId.equals(p.getString("waveId"))).findFirst().orElse(null);
    }

    private static Document dimension(Document profile, String code) {
        if (profile == null) {
            return null;
        }
        return profile.getList("dimensions", Document.class).stream()
                .filter(d -> code.equals(d.getString("dimension"))).findFirst().orElse(null);
    }

    private static Map<String, Object> series(String label, List<Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", label);
        out.put("values", values);
        return out;
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
            throw new IllegalStateException("chart data is plain maps and lists", e);
        }
    }
}
