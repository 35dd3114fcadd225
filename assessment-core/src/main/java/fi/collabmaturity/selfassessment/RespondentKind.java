package fi.collabmaturity.selfassessment;

import fi.collabmaturity.shared.Validation;

import java.util.List;

/**
 * What one respondent of a self-assessment is: a {@code person}, or a workshop {@code group} that answers together
 * with its {@code groupSize} members. A group is still one respondent (one answer per area and wave); the kind says
 * so, so that a reader of the data knows an answer may stand for a discussion rather than one person's view.
 * A kind not given means a person. Personal data: sealed with the respondent's other attributes.
 */
public record RespondentKind(String kind, Integer groupSize) {

    public static final String PERSON = "person";
    public static final String GROUP = "group";
    /** A workshop larger than this is not a group answering together. */
    public static final int MAX_GROUP_SIZE = 500;
    public static final RespondentKind ONE_PERSON = new RespondentKind(PERSON, null);

    public static List<String> codes() {
        return List.of(PERSON, GROUP);
    }

    /** The kind as sent: null (not sent) is a person. */
    public static RespondentKind of(String kind, Integer groupSize) {
        return new RespondentKind(kind == null ? PERSON : kind, groupSize);
    }

    public boolean group() {
        return GROUP.equals(kind);
    }

    /** The rules, named under {@code field} ({@code respondent}): a group gives its size, a person none. */
    static void check(Validation v, RespondentKind given, String field) {
        RespondentKind k = given == null ? ONE_PERSON : given;
        if (!codes().contains(k.kind())) {
            v.add(field + ".kind", "must be one of " + codes());
            return;
        }
        if (k.group() && k.groupSize() == null) {
            v.add(field + ".groupSize", "must be given for a group (how many took part, 2 to " + MAX_GROUP_SIZE + ")");
        } else if (k.group() && (k.groupSize() < 2 || k.groupSize() > MAX_GROUP_SIZE)) {
            v.add(field + ".groupSize", "must be a whole number from 2 to " + MAX_GROUP_SIZE);
        } else if (!k.group() && k.groupSize() != null) {
            v.add(field + ".groupSize", "is given only for a group (respondent.kind group)");
        }
    }
}
