package fi.collabmaturity.api.questionnaire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the public form ({@code /q/{token}}) needs from the questionnaires: the questionnaire a link opens, the
 * storing of a consented answer, and a respondent's withdrawal by code. The form never sees a study's other data,
 * and nothing is stored before {@link #submit} (so a respondent who does not consent leaves no trace).
 */
public interface QuestionnaireForms {

    /** The questionnaire that {@code token} (an open link's or an invitation's) opens; empty if it opens none. */
    Optional<Form> open(String token);

    /**
     * Stores one consented answer: the consent (with the notice's version, sealed with the respondent's key), the
     * self-assessment (the same {@code SelfAssessmentSubmitted} as the API's) and what the questionnaire must
     * remember (the invitation used, the withdrawal code's hash), all in one transaction. An invitation that has
     * answered before replaces its answer (until the questionnaire closes).
     *
     * @throws Refused when the link is unknown or used up, the questionnaire or wave closed, or the input invalid
     */
    Receipt submit(String token, Submission submission);

    /**
     * Withdraws the answer a withdrawal code was shown for (recorded as a withdrawal; the erasure endpoint still
     * erases the person's data).
     *
     * @throws Refused when the code opens no answer, or the answer is already withdrawn
     */
    void withdraw(String withdrawalCode);

    /** A questionnaire as the form shows it. */
    record Form(String studyId, String questionnaireId, String waveId, List<String> areaIds,
                Map<String, String> areaNames, List<String> languages, boolean open, boolean invitation,
                Map<String, String> intro, Map<String, String> privacyNotice, String noticeVersion,
                boolean askComments, boolean askOrganisationType, boolean askActorLevel,
                String frameworkId, String frameworkVersion, Optional<Previous> previous) {
    }

    /** What an invitation answered before (shown for review; sending again replaces it). */
    record Previous(String areaId, Map<String, BigDecimal> answers, Map<String, String> comments,
                    String organisationType, String actorLevel) {
    }

    /**
     * One respondent's answer as sent by the form. {@code submissionId} is the one-time id the server gave the form
     * when it started (a random UUID, lower case): it becomes the self-assessment's id, so the same form sent again
     * (a reloaded thank-you page, a second press of send) is refused as {@code already-received} and stores nothing.
     * {@code consent} must be true and {@code noticeVersion} the one the respondent was shown; a dimension answered
     * "cannot say" is absent from {@code answers}.
     */
    record Submission(String submissionId, boolean consent, String noticeVersion, String language, String areaId,
                      Map<String, BigDecimal> answers, Map<String, String> comments, String organisationType,
                      String actorLevel) {
    }

    /** What the thank-you page shows: the withdrawal code (shown once; only its hash is stored). */
    record Receipt(String selfAssessmentId, String withdrawalCode, boolean replaced) {
    }

    /**
     * A refusal the form explains to the respondent: {@code reason} is one of {@code unknown-link},
     * {@code used-invitation}, {@code closed}, {@code no-consent}, {@code stale-notice}, {@code invalid} (then
     * {@code fields} names each bad field, as the API's problem details do), {@code unknown-code},
     * {@code already-withdrawn}, {@code already-received} (this form was sent and stored before; nothing is stored
     * again and its withdrawal code is not shown again), {@code already-answered} (an invitation's
     * pseudonym already has an answer of the area and wave, recorded another way).
     */
    class Refused extends RuntimeException {
        private final String reason;
        private final Map<String, String> fields;

        public Refused(String reason, String message, Map<String, String> fields) {
            super(message);
            this.reason = reason;
            this.fields = Map.copyOf(fields);
        }

        public Refused(String reason, String message) {
            this(reason, message, Map.of());
        }

        public String reason() {
            return reason;
        }

        public Map<String, String> fields() {
            return fields;
        }
    }
}
