package fi.collabmaturity.api.security;

import fi.collabmaturity.interview.Excerpt;
import fi.collabmaturity.interview.InformantDetails;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.projection.support.Sealing;
import fi.collabmaturity.selfassessment.RespondentDetails;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens sealed personal data for those who may see it. Read models keep it encrypted; it is decrypted only here,
 * per response. After a participant's erasure their key is gone and the value shows as {@code {"erased": true}}.
 */
@Component
public class PersonalData {

    public static final Map<String, Object> ERASED = Map.of("erased", true);
    private final PersonalDataSealer sealer;

    public PersonalData(PersonalDataSealer sealer) {
        this.sealer = sealer;
    }

    public Object informant(Object sealed) {
        return sealer.open(Sealing.fromDocument(sealed), InformantDetails.class)
                .<Object>map(d -> participant(d.pseudonym(), d.organisationType(), d.actorLevel()))
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
                .map(d -> new RespondentView(respondent(d), d.comments()))
                .orElse(new RespondentView(ERASED, ERASED));
    }

    public record RespondentView(Object respondent, Object comments) {
    }

    private static Map<String, Object> respondent(RespondentDetails d) {
        Map<String, Object> out = participant(d.pseudonym(), d.organisationType(), d.actorLevel());
        out.put("kind", d.kind());
        if (d.groupSize() != null) {
            out.put("groupSize", d.groupSize());
        }
        return out;
    }

    private static Map<String, Object> participant(String pseudonym, String organisationType, String actorLevel) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pseudonym", pseudonym);
        out.put("organisationType", organisationType);
        out.put("actorLevel", actorLevel);
        return out;
    }
}
