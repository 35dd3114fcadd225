package fi.collabmaturity.study;

import java.util.List;

/** The roles a study member can have. ADMIN is an account role, not a membership. */
public enum StudyRole {
    RESEARCHER, VIEWER;

    public static boolean isRole(String value) {
        return value != null && List.of("RESEARCHER", "VIEWER").contains(value);
    }
}
