package fi.collabmaturity.account;

import java.util.List;

/** The account roles: ADMIN runs the installation, RESEARCHER records and reads, VIEWER reads aggregates. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String RESEARCHER = "RESEARCHER";
    public static final String VIEWER = "VIEWER";
    public static final List<String> ALL = List.of(ADMIN, RESEARCHER, VIEWER);

    private Roles() {
    }
}
