package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.Localized;
import fi.collabmaturity.framework.StageRange;
import fi.collabmaturity.reference.InterfaceTheme;
import fi.collabmaturity.reference.InterfaceThemeCatalog;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.projection.maturity.ResultParts.StageSpan;
import org.bson.Document;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The texts and number and date formats of one page in one language, handed to the templates as {@code ui}.
 * The framework's own labels and descriptors come from the framework definition (data, in fi/sv/en), never from
 * the message bundles, so a new framework needs no translation work in the UI. Finnish and Swedish (as written
 * in Finland) use a decimal comma and d.M.yyyy dates; English keeps ISO dates and a decimal point.
 */
public final class UiText {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private final String language;
    private final Framework framework;
    private final RegionCatalog regions;
    private final Map<String, Localized> themes;
    private final DateTimeFormatter dates;
    private final DecimalFormatSymbols symbols;

    UiText(String language, Framework framework, RegionCatalog regions, List<Document> addedThemes) {
        this.language = language;
        this.framework = framework;
        this.regions = regions;
        this.themes = new LinkedHashMap<>();
        for (InterfaceTheme theme : InterfaceThemeCatalog.seeded()) {
            themes.put(theme.code(), theme.names());
        }
        for (Document added : addedThemes) {
            Document names = added.get("names", new Document());
            String fallback = added.getString("_id");
            themes.put(fallback, new Localized(names.get("fi", fallback), names.get("sv", fallback),
                    names.get("en", fallback)));
        }
        this.dates = "en".equals(language) ? DateTimeFormatter.ISO_LOCAL_DATE : DateTimeFormatter.ofPattern("d.M.yyyy");
        this.symbols = DecimalFormatSymbols.getInstance("en".equals(language) ? Locale.ENGLISH
                : Locale.forLanguageTag(language + "-FI"));
    }

    public String language() {
        return language;
    }

    /** The BCP 47 tag the charts format numbers with, so a chart's tooltip matches the page's tables. */
    public String numberLocale() {
        return "en".equals(language) ? "en-GB" : language + "-FI";
    }

    public Framework framework() {
        return framework;
    }

    public String dim(String code) {
        return framework.dimension(code).map(d -> d.labels().in(language)).orElse(code);
    }

    public String stage(Integer number) {
        return number == null ? null : framework.stage(number).labels().in(language);
    }

    public String stageCode(Integer number) {
        return number == null ? null : framework.stage(number).code();
    }

    /** The reported stage of a result: its range, else its number, or null without a stage. */
    public StageRange range(StageSpan span, Integer number) {
        if (span != null) {
            return new StageRange(span.from(), span.to());
        }
        return number == null ? null : StageRange.of(number);
    }

    /** The stage's name: "coordination", or for a range its stages' names, "cooperation / coordination". */
    public String stageName(StageRange range) {
        return range == null ? null : framework.stageLabels(range).in(language);
    }

    /** The stage's number, or for a range "1–2": never one number for stages the instrument cannot tell apart. */
    public String stageMark(StageRange range) {
        if (range == null) {
            return null;
        }
        return range.single() ? String.valueOf(range.from()) : range.from() + "–" + range.to();
    }

    /** The stage in running text: "coordination", and a range with its numbers, "cooperation / coordination (1–2)". */
    public String stageLabel(StageRange range) {
        if (range == null) {
            return null;
        }
        return range.single() ? stageName(range) : stageName(range) + " (" + stageMark(range) + ")";
    }

    /**
     * The heatmap's CSS classes of a stage: {@code stage-<code>}, and for a range also {@code stage-range} and
     * {@code stage-<from>-<to>}, which has a tint and pattern of its own.
     */
    public String stageClasses(StageRange range) {
        if (range == null) {
            return "stage-insufficient";
        }
        String code = "stage-" + framework.stageCode(range);
        return range.single() ? code : code + " stage-range stage-" + range.from() + "-" + range.to();
    }

    /** What a target stage number means on a dimension: power's 1 or 2 is "own power", the range 1–2. */
    public StageRange targetRange(String dimension, Integer stage) {
        if (stage == null) {
            return null;
        }
        return framework.dimension(dimension).map(d -> d.reported(stage)).orElse(StageRange.of(stage));
    }

    /** The framework's descriptor of a reported stage on a dimension (one descriptor covers a whole range). */
    public String descriptorOf(String dimension, StageRange range) {
        return range == null ? null : descriptor(dimension, range.from());
    }

    public String descriptor(String dimension, Integer stage) {
        if (stage == null) {
            return null;
        }
        return framework.dimension(dimension).map(d -> d.descriptor(stage).texts().in(language)).orElse(null);
    }

    public String region(String code) {
        return code == null ? null : regions.find(code).map(r -> r.names().in(language)).orElse(code);
    }

    public String theme(String code) {
        return code == null ? null : themes.containsKey(code) ? themes.get(code).in(language) : code;
    }

    /** A score as shown to people: three decimals like the API, in the language's decimal separator. */
    public String num(Object value) {
        if (!(value instanceof Number n)) {
            return "–";
        }
        return new DecimalFormat("0.000", symbols).format(n.doubleValue());
    }

    /** A number as short as it is exact ("0.25", "0,25"), for thresholds and settings rather than scores. */
    public String plain(Object value) {
        if (!(value instanceof Number n)) {
            return "–";
        }
        return new DecimalFormat("0.###", symbols).format(n.doubleValue());
    }

    /** A change between waves with its sign ("+0.167", "−0.300"), three decimals like the scores. */
    public String change(Object value) {
        if (!(value instanceof Number n)) {
            return "–";
        }
        double d = n.doubleValue();
        return (d > 0 ? "+" : d < 0 ? "−" : "±") + num(Math.abs(d));
    }

    /**
     * A share as a whole percentage, rounded half up, as the language writes it: "40 %" (with a no-break space) in
     * Finnish and Swedish, "40%" in English; "–" without a share.
     */
    public String percent(Double share) {
        if (share == null) {
            return "–";
        }
        long whole = Math.round(share * 100);
        return whole + ("en".equals(language) ? "%" : "\u00a0%");
    }

    /** An ISO date (or the date part of an ISO instant) in the language's format. */
    public String date(Object iso) {
        if (iso == null) {
            return "–";
        }
        String text = iso.toString();
        if (text.contains("T")) {
            // an instant is stored in UTC and shown in Helsinki time, as the domain brief asks
            try {
                ZonedDateTime local = Instant.parse(text).atZone(HELSINKI);
                return local.format(dates) + " " + local.format(DateTimeFormatter.ofPattern("HH:mm"));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).format(dates);
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
