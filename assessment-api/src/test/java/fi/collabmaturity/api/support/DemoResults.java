package fi.collabmaturity.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every result endpoint of the demo study (three waves, four areas), keyed by what it is. */
public final class DemoResults {

    public static final String STUDY = "/api/v1/studies/lapland-demo";

    private DemoResults() {
    }

    /** Profiles, overviews, reliabilities, trajectories, paths and the situational picture, read at {@code position}. */
    public static Map<String, JsonNode> collect(ApiClient api, long position) {
        String s = STUDY;
        Map<String, JsonNode> out = new LinkedHashMap<>();
        List<String> areas = new ArrayList<>();
        ok(api.get(s + "/areas?minPosition=" + position)).path("content").forEach(a -> areas.add(a.path("id").asText()));
        assertThat(areas).hasSize(4);
        for (String wave : List.of("w2023", "w2024", "w2025")) {
            out.put("/overview/" + wave, ok(api.get(s + "/overview?waveId=" + wave + "&minPosition=" + position)));
            out.put("/reliability/" + wave, ok(api.get(s + "/reliability?waveId=" + wave)));
            for (String area : areas) {
                out.put("/profile/" + area + "/" + wave,
                        ok(api.get(s + "/areas/" + area + "/profile?waveId=" + wave)));
            }
        }
        for (String area : areas) {
            out.put("/trajectory/" + area, ok(api.get(s + "/areas/" + area + "/trajectory")));
            out.put("/path/" + area, ok(api.get(s + "/areas/" + area + "/path?lang=en")));
        }
        out.put("/reliability", ok(api.get(s + "/reliability")));
        out.put("/situational-picture", ok(api.get(s + "/situational-picture?on=2025-11-01&minPosition=" + position)));
        return out;
    }

    /** The same results without the event log positions in their {@code asOf} (positions differ between stores). */
    public static Map<String, JsonNode> withoutPositions(Map<String, JsonNode> results) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        results.forEach((key, value) -> out.put(key, stripPositions(value.deepCopy())));
        return out;
    }

    private static JsonNode stripPositions(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("asOf") instanceof ObjectNode asOf) {
                asOf.remove("position");
            }
            object.forEach(DemoResults::stripPositions);
        } else if (node != null && node.isArray()) {
            node.forEach(DemoResults::stripPositions);
        }
        return node;
    }

    public static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
