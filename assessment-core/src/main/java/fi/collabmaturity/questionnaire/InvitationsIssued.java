package fi.collabmaturity.questionnaire;

import org.axonframework.serialization.Revision;

import java.util.List;

/** Single-use links of an invited questionnaire were issued; only their tokens' sha-256 hashes are kept. */
@Revision("1")
public record InvitationsIssued(String questionnaireId, String studyId, List<String> invitationHashes) {
}
