package fi.collabmaturity.questionnaire;

import fi.collabmaturity.shared.Normalization;
import fi.collabmaturity.shared.RecordIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Issues invitations: the sha-256 hashes of tokens the caller generated and shows once. {@code pseudonyms}, when
 * given, is the pseudonym each invitation carries (the same order as the hashes; normalised as every pseudonym
 * is); null gives each invitation's respondent a generated pseudonym.
 */
public record IssueInvitations(String questionnaireId, String studyId, List<String> invitationHashes,
                               List<String> pseudonyms) {

    public IssueInvitations {
        pseudonyms = Normalization.normalize(pseudonyms);
    }

    public IssueInvitations(String questionnaireId, String studyId, List<String> invitationHashes) {
        this(questionnaireId, studyId, invitationHashes, null);
    }

    @TargetAggregateIdentifier
    public String questionnaireAggregateId() {
        return RecordIds.questionnaire(studyId, questionnaireId);
    }
}
