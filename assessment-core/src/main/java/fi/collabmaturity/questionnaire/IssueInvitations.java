package fi.collabmaturity.questionnaire;

import fi.collabmaturity.shared.RecordIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Issues invitations: the sha-256 hashes of tokens the caller generated and shows once. */
public record IssueInvitations(String questionnaireId, String studyId, List<String> invitationHashes) {

    @TargetAggregateIdentifier
    public String questionnaireAggregateId() {
        return RecordIds.questionnaire(studyId, questionnaireId);
    }
}
