package fi.collabmaturity.questionnaire;

import fi.collabmaturity.shared.ConflictException;

/**
 * A questionnaire link's answer or withdrawal refused for a reason the form explains to the respondent:
 * {@code unknown-link}, {@code used-invitation}, {@code closed}, {@code no-consent}, {@code stale-notice},
 * {@code unknown-code}, {@code already-withdrawn}, {@code already-received} or {@code already-answered}.
 */
public class QuestionnaireRefusedException extends ConflictException {

    public static final String UNKNOWN_LINK = "unknown-link";
    public static final String USED_INVITATION = "used-invitation";
    public static final String CLOSED = "closed";
    public static final String NO_CONSENT = "no-consent";
    public static final String STALE_NOTICE = "stale-notice";
    public static final String UNKNOWN_CODE = "unknown-code";
    public static final String ALREADY_WITHDRAWN = "already-withdrawn";
    /** The same form (its submission id, through the same link) was sent before: nothing is stored again. */
    public static final String ALREADY_RECEIVED = "already-received";
    /** The invitation's respondent already has an answer of the area and wave, recorded another way. */
    public static final String ALREADY_ANSWERED = "already-answered";

    private final String reason;

    public QuestionnaireRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
