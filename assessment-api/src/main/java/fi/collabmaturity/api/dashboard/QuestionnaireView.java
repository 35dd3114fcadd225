package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.study.Wave;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The questionnaires a dashboard page shows for one wave (and, on an area's page, only those that ask about the
 * area), from the documents of the {@code questionnaires} read model: how many current answers each has (not
 * withdrawn, not replaced) and, for an invited questionnaire, its response rate, responses / invitations. An open
 * link has no denominator (nobody knows how many saw it), so it has a count and no rate. Invitations are issued per
 * questionnaire, not per area, so the rate is always the questionnaire's own; an area's page shows the area's
 * responses beside it.
 */
record QuestionnaireView(String questionnaireId, boolean invited, boolean closed, String closesOn,
                         List<String> areaIds, int responses, Integer responsesHere, int invitations, int withdrawn,
                         Double rate) {

    static final String INVITED = "invited";

    /**
     * The questionnaires of {@code wave} among {@code documents}, by id; with {@code areaId} only those that ask
     * about it. A questionnaire is closed when it was closed, its wave is, or its closing day has passed
     * ({@code today}, Helsinki).
     */
    static List<QuestionnaireView> of(List<Document> documents, Wave wave, String areaId,
                                      LocalDate today) {
        List<QuestionnaireView> out = new ArrayList<>();
        if (wave == null) {
            return out;
        }
        for (Document q : documents) {
            List<String> areas = strings(q.get("areaIds"));
            if (!wave.waveId().equals(q.get("waveId")) || areaId != null && !areas.contains(areaId)) {
                continue;
            }
            boolean invited = INVITED.equals(q.get("mode"));
            int responses = integer(q.get("responses"));
            int invitations = integer(q.get("invitations"));
            String closesOn = q.get("closesOn") == null ? null : q.get("closesOn").toString();
            boolean closed = Boolean.TRUE.equals(q.get("closed")) || wave.closed()
                    || closesOn != null && LocalDate.parse(closesOn).isBefore(today);
            Integer here = null;
            if (areaId != null) {
                here = q.get("responsesByArea") instanceof Map<?, ?> byArea ? integer(byArea.get(areaId)) : 0;
            }
            Double rate = invited && invitations > 0 ? (double) responses / invitations : null;
            out.add(new QuestionnaireView((String) q.get("questionnaireId"), invited, closed, closesOn, areas,
                    responses, here, invitations, integer(q.get("withdrawn")), rate));
        }
        out.sort(Comparator.comparing(QuestionnaireView::questionnaireId));
        return out;
    }

    private static int integer(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
