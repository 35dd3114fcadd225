package fi.collabmaturity.projection.support;

import com.mongodb.client.model.Updates;
import fi.collabmaturity.area.AreaRegistered;
import fi.collabmaturity.area.TargetProfileHistory;
import fi.collabmaturity.area.TargetProfileSet;
import fi.collabmaturity.area.TargetProfileSetting;
import fi.collabmaturity.framework.Framework;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An area document's target profiles, as the studies and maturity projections both keep them:
 * {@code targetProfiles: {<sequence number>: {fromWaveId, targetProfile, rationale, atRegistration}}}, keyed by the
 * event's sequence number in the area so that handling an event again sets the same entry, and read back in the
 * order they were set. {@code targetProfile} beside it stays the latest set.
 */
public final class TargetProfiles {

    public static final String FIELD = "targetProfiles";

    private TargetProfiles() {
    }

    /** The registration's target: applies from the first wave. */
    public static Bson registered(AreaRegistered e, long sequence) {
        return entry(sequence, null, e.targetProfile(), null, true);
    }

    public static Bson set(TargetProfileSet e, long sequence) {
        return entry(sequence, e.fromWaveId(), e.targetProfile(), e.rationale(), false);
    }

    private static Bson entry(long sequence, String fromWaveId, Map<String, Integer> target, String rationale,
                              boolean atRegistration) {
        return Updates.set(FIELD + "." + sequence, new Document("fromWaveId", fromWaveId)
                .append("targetProfile", new Document(new LinkedHashMap<>(target)))
                .append("rationale", rationale)
                .append("atRegistration", atRegistration));
    }

    /**
     * The settings as the API shows them, in the order they were set; of a read-model document, or of an area as
     * the studies queries return it (the list already).
     */
    public static List<Document> list(Document area) {
        if (area.get(FIELD) instanceof List<?> shown) {
            return shown.stream().map(d -> new Document((Document) d)).toList();
        }
        Document keyed = area.get(FIELD, new Document());
        List<Map.Entry<String, Object>> entries = new ArrayList<>(keyed.entrySet());
        entries.sort(Comparator.comparingLong(e -> Long.parseLong(e.getKey())));
        List<Document> list = new ArrayList<>();
        for (Map.Entry<String, Object> e : entries) {
            list.add(new Document((Document) e.getValue()));
        }
        return list;
    }

    /** The area's history, for the target of each wave ({@link TargetProfileHistory#forWave}). */
    public static TargetProfileHistory history(Document area, Framework framework) {
        List<TargetProfileSetting> settings = new ArrayList<>();
        for (Document d : list(area)) {
            Map<String, Integer> target = new LinkedHashMap<>();
            d.get("targetProfile", new Document()).forEach((k, v) -> target.put(k, ((Number) v).intValue()));
            settings.add(new TargetProfileSetting(d.getString("fromWaveId"), target, d.getString("rationale"),
                    Boolean.TRUE.equals(d.getBoolean("atRegistration"))));
        }
        return TargetProfileHistory.of(framework, settings);
    }
}
