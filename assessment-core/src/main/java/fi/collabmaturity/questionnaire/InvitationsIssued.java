package fi.collabmaturity.questionnaire;

import fi.collabmaturity.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/**
 * Single-use links of an invited questionnaire were issued; only their tokens' sha-256 hashes are kept.
 * {@code pseudonyms}: for invitations that carry the pseudonym of a known respondent (a panel), that pseudonym
 * ({@link InvitedPseudonym}) by invitation hash, sealed with that participant's key, so that erasing them makes it
 * unreadable; an invitation not in it (and every invitation of an event without it) gets a generated pseudonym.
 */
@Revision("1")
public record InvitationsIssued(String questionnaireId, String studyId, List<String> invitationHashes,
                                Map<String, Sealed> pseudonyms) {

    /** Invitations whose respondents each get a generated pseudonym. */
    public InvitationsIssued(String questionnaireId, String studyId, List<String> invitationHashes) {
        this(questionnaireId, studyId, invitationHashes, null);
    }

    /** The sealed pseudonym an invitation carries; null if it carries none. */
    public Sealed pseudonymOf(String invitationHash) {
        return pseudonyms == null ? null : pseudonyms.get(invitationHash);
    }
}
