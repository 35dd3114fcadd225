package fi.collabmaturity.api.questionnaire;

import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import jakarta.servlet.http.HttpServletRequest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the respondent has chosen so far, carried from step to step in the form's fields (hidden ones on the
 * steps that do not show them): nothing is kept on the server between the steps. {@code answers} holds a
 * dimension's chosen value as sent ("2.5"), or {@value #CANNOT_SAY}; a dimension not chosen yet is absent.
 */
record FormState(String consent, String notice, String area, Map<String, String> answers,
                 Map<String, String> comments, String organisationType, String actorLevel) {

    static final String CANNOT_SAY = "none";
    static final int MAX_FIELD = 20_000;

    static FormState from(HttpServletRequest request, Framework framework) {
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> comments = new LinkedHashMap<>();
        for (Dimension d : framework.dimensions()) {
            String a = param(request, "a_" + d.code());
            if (a != null) {
                answers.put(d.code(), a);
            }
            String c = request.getParameter("c_" + d.code());
            if (c != null && !c.isBlank()) {
                // a browser sends a textarea's line breaks as CRLF: counted as one character, as the respondent sees it
                comments.put(d.code(), c.replace("\r\n", "\n").strip());
            }
        }
        return new FormState(param(request, "consent"), param(request, "notice"), param(request, "area"), answers,
                comments, param(request, "orgType"), param(request, "actorLevel"));
    }

    /** The state of an invitation's earlier answer, for review: every dimension it did not answer is "cannot say". */
    static FormState previous(FormState current, QuestionnaireForms.Previous previous, Framework framework) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Dimension d : framework.dimensions()) {
            BigDecimal value = previous.answers() == null ? null : previous.answers().get(d.code());
            ScaleOptions.Option option = ScaleOptions.find(ScaleOptions.of(framework, d), d, value);
            answers.put(d.code(), option == null ? CANNOT_SAY : option.code());
        }
        Map<String, String> comments = new LinkedHashMap<>();
        if (previous.comments() != null) {
            previous.comments().forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    comments.put(k, v);
                }
            });
        }
        return new FormState(current.consent(), current.notice(), previous.areaId(), answers, comments,
                previous.organisationType(), previous.actorLevel());
    }

    boolean consented() {
        return "yes".equals(consent);
    }

    boolean nothingAnswered() {
        return answers.isEmpty() && comments.isEmpty() && area == null && organisationType == null
                && actorLevel == null;
    }

    /** The fields that carry this state through a step that does not show them. */
    Map<String, String> hidden() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "consent", consent);
        put(out, "notice", notice);
        put(out, "area", area);
        answers.forEach((k, v) -> out.put("a_" + k, v));
        comments.forEach((k, v) -> out.put("c_" + k, v));
        put(out, "orgType", organisationType);
        put(out, "actorLevel", actorLevel);
        return out;
    }

    private static void put(Map<String, String> out, String name, String value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value;
    }
}
