package fi.collabmaturity.api.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.reference.ActorLevel;
import fi.collabmaturity.reference.InterfaceTheme;
import fi.collabmaturity.reference.InterfaceThemeCatalog;
import fi.collabmaturity.reference.OrganisationType;
import fi.collabmaturity.reference.Region;
import fi.collabmaturity.reference.RegionCatalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A national-scale monitoring study as the HTTP requests that record it, generated deterministically from a seed:
 * every county of the reference classification (21 wellbeing services counties and Helsinki) × every seeded
 * interface theme (16) = 352 areas, 3 waves, 40 self-assessments per area and wave with all eight answers, and for
 * 30 of the areas 18 theme interviews per wave with 30 coded segments each, a fifth of them coded by a second coder.
 *
 * <p>The numbers are not uniform noise: each area has its own level per dimension that drifts upwards over the
 * waves, respondents scatter around it and interview codings follow it, so that profiles, paths and milestones
 * have something to show and the scoring does real work. Each area draws from its own random stream (seed and
 * area index), so an area's requests are the same at every scale and in every order they are sent.
 *
 * <p>{@code scale} keeps the shape: {@code round(352 × scale)} areas and {@code round(30 × scale)} interview areas
 * (at least one of each), the waves, respondents, interviews and segments per area as at national scale, so the
 * events grow with the scale. Up to 1 the areas are a stride through the county × theme grid (a fraction still spans
 * every county). Above 1 there are more areas than county × theme pairs, so the grid is repeated: replica {@code k}
 * (from 1) has the same counties and themes with the ids suffixed {@code -x<k>} and random streams of their own
 * (area index 352·k + i), as if a study had several collaboration areas per county and theme. At 10: 3,520 areas, 300
 * interview areas, 1,025,324 events.
 */
public final class NationalStudy {

    public static final String STUDY = "national";
    public static final List<String> DIMENSIONS = List.of("trust", "communication", "information_sharing", "goals",
            "power", "resources", "accountability", "commitment");
    static final List<String> CODES = List.of("unclear responsibilities", "resource gap", "unknown partners",
            "reactive", "depends on individuals", "levels disconnected", "shared situational picture",
            "agreed goals", "regular forum");

    public static final int FULL_AREAS = 352;
    /**
     * The harness keeps every request of a run in memory (about 1 GB at 10, with the floors' copies), so a scale far
     * beyond the ten times the issue asks for would need its heap raised first.
     */
    public static final double MAX_SCALE = 20;
    public static final int WAVES = 3;
    public static final int RESPONDENTS = 40;
    public static final int FULL_INTERVIEW_AREAS = 30;
    public static final int INTERVIEWS_PER_AREA_AND_WAVE = 18;
    public static final int SEGMENTS_PER_INTERVIEW = 30;
    /** Every fifth segment gets a second coder: a fifth of the segments double-coded. */
    public static final int DOUBLE_CODED_EVERY = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One HTTP POST: the path below the API root and its JSON body. */
    public record Write(String path, String body) {
    }

    /** An interview and its findings: sent in this order by one client, since they are one aggregate. */
    public record InterviewScript(Write interview, List<Write> findings) {
    }

    public record Area(String id, String regionCode, String themeCode, int index) {
    }

    private final long seed;
    private final List<Area> areas;
    private final List<Area> interviewAreas;
    private final List<String> waves;

    public NationalStudy(long seed, double scale) {
        if (!(scale > 0 && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("scale must be in (0, " + MAX_SCALE + "]: " + scale);
        }
        this.seed = seed;
        List<Region> regions = RegionCatalog.fromClasspath().all();
        List<InterfaceTheme> themes = InterfaceThemeCatalog.seeded();
        int gridSize = regions.size() * themes.size();
        int areaCount = Math.max(1, (int) Math.round(gridSize * scale));
        int replicas = (areaCount + gridSize - 1) / gridSize;
        List<Area> all = new ArrayList<>(replicas * gridSize);
        for (int replica = 0; replica < replicas; replica++) {
            String suffix = replica == 0 ? "" : "-x" + replica;
            for (Region region : regions) {
                for (InterfaceTheme theme : themes) {
                    all.add(new Area(region.code() + "-" + theme.code() + suffix, region.code(), theme.code(),
                            all.size()));
                }
            }
        }
        // spread the chosen areas over the whole list (a stride), so that a fraction still spans every county
        this.areas = pick(all, areaCount);
        int interviewCount = Math.max(1, (int) Math.round(FULL_INTERVIEW_AREAS * scale));
        this.interviewAreas = pick(areas, Math.min(interviewCount, areas.size()));
        this.waves = new ArrayList<>();
        for (int w = 0; w < WAVES; w++) {
            waves.add("w" + (2023 + w));
        }
    }

    private static List<Area> pick(List<Area> from, int count) {
        List<Area> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(from.get((int) ((long) i * from.size() / count)));
        }
        return out;
    }

    public List<Area> areas() {
        return areas;
    }

    public List<Area> interviewAreas() {
        return interviewAreas;
    }

    public List<String> waves() {
        return waves;
    }

    /** The study, its waves and its areas, in the order they must be recorded. */
    public List<Write> setup() {
        List<Write> out = new ArrayList<>();
        out.add(new Write("/api/v1/studies", json(map("id", STUDY, "title", "National monitoring (benchmark)",
                "frameworkId", "keast-mandell-2014"))));
        for (int w = 0; w < waves.size(); w++) {
            int year = 2023 + w;
            out.add(new Write("/api/v1/studies/" + STUDY + "/waves", json(map("id", waves.get(w),
                    "label", year + " national round", "opensOn", year + "-09-01", "closesOn", year + "-12-15"))));
        }
        for (Area area : areas) {
            out.add(new Write("/api/v1/studies/" + STUDY + "/areas", json(map("id", area.id(),
                    "name", area.regionCode() + " · " + area.themeCode()
                            + (area.index() < FULL_AREAS ? "" : " · " + (1 + area.index() / FULL_AREAS)),
                    "regionCode", area.regionCode(),
                    "interfaceTheme", area.themeCode(), "parties", List.of(
                            map("type", "wellbeing_services_county", "name", "County " + area.regionCode()),
                            map("type", "municipality", "name", "Municipalities of " + area.regionCode()))))));
        }
        return out;
    }

    /** Every self-assessment of the study, area by area and wave by wave. */
    public List<Write> selfAssessments() {
        List<Write> out = new ArrayList<>(areas.size() * waves.size() * RESPONDENTS);
        for (Area area : areas) {
            SplittableRandom random = random(area, 1);
            double[] level = levels(area);
            for (int w = 0; w < waves.size(); w++) {
                for (int r = 0; r < RESPONDENTS; r++) {
                    Map<String, Object> answers = new LinkedHashMap<>();
                    for (int d = 0; d < DIMENSIONS.size(); d++) {
                        double value = level[d] + 0.2 * w + 0.45 * gaussian(random);
                        answers.put(DIMENSIONS.get(d), Math.max(1.0, Math.min(3.0, Math.round(value * 2) / 2.0)));
                    }
                    Map<String, Object> body = map("id", area.id() + "-" + waves.get(w) + "-r" + r,
                            "areaId", area.id(), "waveId", waves.get(w),
                            "respondent", map("pseudonym", area.id() + "-R" + r,
                                    "organisationType", OrganisationType.values()[r % 3].code(),
                                    "actorLevel", ActorLevel.values()[r % 3].code()),
                            "answers", answers);
                    if (r % 8 == 0) {
                        body.put("comments", map("goals", "Goals are discussed in the forum (" + r + ")."));
                    }
                    out.add(new Write("/api/v1/studies/" + STUDY + "/self-assessments", json(body)));
                }
            }
        }
        return out;
    }

    /** Every theme interview with its findings. */
    public List<InterviewScript> interviews() {
        List<InterviewScript> out = new ArrayList<>();
        for (Area area : interviewAreas) {
            SplittableRandom random = random(area, 2);
            double[] level = levels(area);
            for (int w = 0; w < waves.size(); w++) {
                for (int i = 0; i < INTERVIEWS_PER_AREA_AND_WAVE; i++) {
                    String interviewId = area.id() + "-" + waves.get(w) + "-i" + i;
                    Write interview = new Write("/api/v1/studies/" + STUDY + "/interviews", json(map(
                            "id", interviewId, "waveId", waves.get(w),
                            "conductedOn", LocalDate.of(2023 + w, 10, 1).plusDays(i).toString(),
                            "informant", map("pseudonym", area.id() + "-H" + i,
                                    "organisationType", OrganisationType.values()[i % OrganisationType.values().length]
                                            .code(),
                                    "actorLevel", ActorLevel.values()[i % 3].code()),
                            "areaIds", List.of(area.id()), "interviewer", "researcher-" + (i % 3))));
                    String findings = "/api/v1/studies/" + STUDY + "/interviews/" + interviewId + "/findings";
                    List<Write> coded = new ArrayList<>();
                    for (int s = 0; s < SEGMENTS_PER_INTERVIEW; s++) {
                        int d = random.nextInt(DIMENSIONS.size());
                        int stage = stage(level[d] + 0.2 * w + 0.5 * gaussian(random));
                        List<String> codes = stage < 3 ? List.of(CODES.get(random.nextInt(6)))
                                : List.of(CODES.get(6 + random.nextInt(3)));
                        String segment = "s" + s;
                        coded.add(new Write(findings, json(map("id", "f" + s, "segmentId", segment,
                                "areaId", area.id(), "dimension", DIMENSIONS.get(d), "stage", stage, "codes", codes,
                                "excerpt", "Segment " + s + " of interview " + i + ": how " + DIMENSIONS.get(d)
                                        + " works here.", "coder", "coder-a"))));
                        if (s % DOUBLE_CODED_EVERY == 0) {
                            // the second coder mostly agrees; one in four reads the segment a stage apart
                            int second = random.nextInt(4) == 0 ? Math.max(1, Math.min(3, stage
                                    + (random.nextBoolean() ? 1 : -1))) : stage;
                            coded.add(new Write(findings, json(map("id", "f" + s + "b", "segmentId", segment,
                                    "areaId", area.id(), "dimension", DIMENSIONS.get(d), "stage", second,
                                    "codes", codes, "coder", "coder-b"))));
                        }
                    }
                    out.add(new InterviewScript(interview, coded));
                }
            }
        }
        return out;
    }

    /**
     * Events the generated requests record: one per request, and two per self-assessment (the respondent's slot in
     * the area and wave is taken, then the answers submitted); the account events of a first start not counted.
     */
    public long events() {
        long findings = 0;
        for (InterviewScript script : interviews()) {
            findings += 1 + script.findings().size();
        }
        return setup().size() + 2L * areas.size() * waves.size() * RESPONDENTS + findings;
    }

    /** The area's starting level per dimension, in [1.2, 2.4]: most areas start between cooperation and coordination. */
    private double[] levels(Area area) {
        SplittableRandom random = random(area, 0);
        double[] level = new double[DIMENSIONS.size()];
        for (int d = 0; d < level.length; d++) {
            level[d] = 1.2 + 1.2 * random.nextDouble();
        }
        return level;
    }

    private SplittableRandom random(Area area, int stream) {
        return new SplittableRandom(seed * 1_000_003L + area.index() * 31L + stream);
    }

    private static int stage(double value) {
        return value < 1.5 ? 1 : value < 2.5 ? 2 : 3;
    }

    /** A standard normal deviate (Box-Muller), from the area's own stream. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
