package fi.collabmaturity.api.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import fi.collabmaturity.interview.Excerpt;
import fi.collabmaturity.interview.InformantDetails;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.projection.support.Sealing;
import fi.collabmaturity.selfassessment.RespondentDetails;
import org.springframework.stereotype.Component;

/**
 * Opens sealed personal data for those who may see it. Read models keep it encrypted; it is decrypted only here,
 * per response. After a participant's erasure their key is gone and the value shows as {@code {"erased": true}}.
 * The values are typed {@code Object} because each is either what was recorded or that marker.
 */
@Component
public class PersonalData {

    public static final Erased ERASED = new Erased(true);
    private final PersonalDataSealer sealer;

    public PersonalData(PersonalDataSealer sealer) {
        this.sealer = sealer;
    }

    /** What stands in for personal data whose participant was erased. */
    public record Erased(boolean erased) {
    }

    /** An interview's informant. */
    public record Informant(String pseudonym, String organisationType, String actorLevel) {
    }

    /** A self-assessment's respondent; {@code groupSize} only for a group. */
    public record Respondent(String pseudonym, String organisationType, String actorLevel, String kind,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer groupSize) {
    }

    /** An {@link Informant} or {@link #ERASED}. */
    public Object informant(Object sealed) {
        return sealer.open(Sealing.fromDocument(sealed), InformantDetails.class)
                .<Object>map(d -> new Informant(d.pseudonym(), d.organisationType(), d.actorLevel()))
                .orElse(ERASED);
    }

    /** The excerpt's text; null when none was recorded; the erased marker when its informant was erased. */
    public Object excerpt(Object sealed) {
        if (sealed == null) {
            return null;
        }
        return sealer.open(Sealing.fromDocument(sealed), Excerpt.class).<Object>map(Excerpt::text).orElse(ERASED);
    }

    /**
     * The respondent (with their kind, and a group's size) and their comments, or the erased marker for both.
     */
    public RespondentView respondent(Object sealed) {
        return sealer.open(Sealing.fromDocument(sealed), RespondentDetails.class)
                .map(d -> new RespondentView(new Respondent(d.pseudonym(), d.organisationType(), d.actorLevel(),
                        d.kind(), d.groupSize()), d.comments()))
                .orElse(new RespondentView(ERASED, ERASED));
    }

    /** {@code respondent}: a {@link Respondent} or {@link #ERASED}; {@code comments}: a map or {@link #ERASED}. */
    public record RespondentView(Object respondent, Object comments) {
    }
}
