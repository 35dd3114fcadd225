package fi.collabmaturity.questionnaire;

import fi.collabmaturity.shared.ConflictException;

/**
 * A questionnaire link's answer or withdrawal refused for a reason the form explains to the respondent:
 * {@code unknown-link}, {@code used-invitation}, {@code closed}, {@code no-consent}, {@code stale-notice},
 * {@code unknown-code} or {@code already-withdrawn}.
 */
public class QuestionnaireRefusedException extends ConflictException {

    public static final String UNKNOWN_LINK = "unknown-link";
    public static final String USED_INVITATION = "used-invitation";
    public static final String CLOSED = "closed";
    public static final String NO_CONSENT = "no-consent";
    public static final String STALE_NOTICE = "stale-notice";
    public static final String UNKNOWN_CODE = "unknown-code";
    public static final String ALREADY_WITHDRAWN = "already-withdrawn";

    private final String reason;

    public QuestionnaireRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
