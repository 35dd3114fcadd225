package fi.collabmaturity.projection.studies;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import fi.collabmaturity.area.BuildingBlocks;
import fi.collabmaturity.area.StatutoryPeriods;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The study's shared situational picture from the areas' structural evidence: strategic agreements by status,
 * regional council participation, statutory negotiations held within their period, the six building blocks, and
 * compliance flags per area. Judged on a given date (today by default) so that a picture can be reproduced.
 */
public final class SituationalPicture {

    public static final String NO_STRATEGIC_AGREEMENT = "no_ready_strategic_agreement";
    public static final String REGIONAL_COUNCIL_NOT_PARTY = "regional_council_not_party";
    public static final String NO_S14_THIS_TERM = "no_s14_negotiation_this_council_term";
    public static final String NO_HYTE_12_MONTHS = "no_hyte_negotiation_within_12_months";
    public static final String BUILDING_BLOCKS_MISSING = "building_blocks_missing";
    public static final String BUILDING_BLOCKS_NOT_ASSESSED = "building_blocks_not_assessed";
    private static final List<String> AGREEMENT_STATUSES = List.of("none", "in_preparation", "ready", "not_recorded");

    private final MongoDatabase database;

    public SituationalPicture(MongoDatabase database) {
        this.database = database;
    }

    public Document of(String studyId, LocalDate on) {
        StatutoryPeriods.Period term = StatutoryPeriods.councilTerm(on);
        StatutoryPeriods.Period year = StatutoryPeriods.lastTwelveMonths(on);
        Map<String, Integer> agreements = counter(AGREEMENT_STATUSES);
        int councilParty = 0;
        int s14Held = 0;
        int hyteHeld = 0;
        Map<String, Map<String, Integer>> blocks = new LinkedHashMap<>();
        List<String> states = new ArrayList<>(BuildingBlocks.STATES);
        states.add("not_assessed");
        List<Document> perArea = new ArrayList<>();
        List<Document> areas = database.getCollection(StudiesCollections.AREAS).find(Filters.eq("studyId", studyId))
                .sort(Sorts.ascending("_id")).into(new ArrayList<>());
        for (Document area : areas) {
            List<String> flags = new ArrayList<>();
            Document strategic = latest(area.get("agreements", new Document()), "strategic", on);
            String status = strategic == null ? "not_recorded" : strategic.getString("status");
            agreements.merge(status, 1, Integer::sum);
            boolean council = strategic != null && Boolean.TRUE.equals(strategic.getBoolean("regionalCouncilParty"));
            if (council) {
                councilParty++;
            }
            if (!"ready".equals(status)) {
                flags.add(NO_STRATEGIC_AGREEMENT);
            }
            if (strategic != null && !council) {
                flags.add(REGIONAL_COUNCIL_NOT_PARTY);
            }
            LocalDate lastS14 = lastNegotiation(area, "s14", on);
            LocalDate lastHyte = lastNegotiation(area, "hyte", on);
            if (term.contains(lastS14)) {
                s14Held++;
            } else {
                flags.add(NO_S14_THIS_TERM);
            }
            if (year.contains(lastHyte)) {
                hyteHeld++;
            } else {
                flags.add(NO_HYTE_12_MONTHS);
            }
            Document bb = area.get("buildingBlocks", Document.class);
            for (String block : new BuildingBlocks(null, null, null, null, null, null).asMap().keySet()) {
                String state = bb == null ? "not_assessed" : bb.getString(block);
                blocks.computeIfAbsent(block, b -> counter(states)).merge(state, 1, Integer::sum);
            }
            if (bb == null) {
                flags.add(BUILDING_BLOCKS_NOT_ASSESSED);
            } else if (bb.containsValue("missing")) {
                flags.add(BUILDING_BLOCKS_MISSING);
            }
            perArea.add(new Document("areaId", area.getString("id")).append("name", area.getString("name"))
                    .append("regionCode", area.getString("regionCode"))
                    .append("interfaceTheme", area.getString("interfaceTheme"))
                    .append("strategicAgreement", status)
                    .append("regionalCouncilParty", council)
                    .append("lastS14Negotiation", lastS14 == null ? null : lastS14.toString())
                    .append("lastHyteNegotiation", lastHyte == null ? null : lastHyte.toString())
                    .append("buildingBlocks", bb)
                    .append("forums", area.get("forums", new Document()).size())
                    .append("flags", flags));
        }
        Map<String, Integer> flagCounts = new LinkedHashMap<>();
        perArea.forEach(a -> a.getList("flags", String.class).forEach(f -> flagCounts.merge(f, 1, Integer::sum)));
        return new Document("on", on.toString())
                .append("areaCount", areas.size())
                .append("agreements", new Document("byStatus", new Document(agreements))
                        .append("regionalCouncilParty", councilParty))
                .append("negotiations", new Document(
                        "s14", new Document("period", period(term)).append("areasWithin", s14Held)
                                .append("areasWithout", areas.size() - s14Held))
                        .append("hyte", new Document("period", period(year)).append("areasWithin", hyteHeld)
                                .append("areasWithout", areas.size() - hyteHeld)))
                .append("buildingBlocks", new Document(new LinkedHashMap<>(blocks)))
                .append("flags", new Document(flagCounts))
                .append("areas", perArea);
    }

    private static Document period(StatutoryPeriods.Period p) {
        return new Document("from", p.from().toString()).append("to", p.to().toString());
    }

    private static Map<String, Integer> counter(List<String> keys) {
        Map<String, Integer> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k, 0));
        return map;
    }

    /** The most recently recorded agreement of a kind, as known on the date (decided or recorded by then). */
    private static Document latest(Document agreements, String kind, LocalDate on) {
        return agreements.values().stream().map(v -> (Document) v)
                .filter(a -> kind.equals(a.getString("kind")))
                .filter(a -> a.getString("decidedOn") == null || !LocalDate.parse(a.getString("decidedOn")).isAfter(on))
                .max(Comparator.comparingLong(a -> ((Number) a.get("sequence")).longValue()))
                .orElse(null);
    }

    private static LocalDate lastNegotiation(Document area, String kind, LocalDate on) {
        return area.get("negotiations", new Document()).values().stream().map(v -> (Document) v)
                .filter(n -> kind.equals(n.getString("kind")))
                .map(n -> LocalDate.parse(n.getString("heldOn")))
                .filter(d -> !d.isAfter(on))
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
