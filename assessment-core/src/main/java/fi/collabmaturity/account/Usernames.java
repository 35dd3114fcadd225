package fi.collabmaturity.account;

import java.util.Locale;

/**
 * Usernames are compared ignoring case: {@code Maija} and {@code maija} are one person, at sign-in, in study
 * membership and when an account is created. Events keep the spelling they were recorded with; comparisons go
 * through {@link #key}, so events recorded before this rule keep their meaning.
 */
public final class Usernames {

    private Usernames() {
    }

    /** The form two usernames are compared in. */
    public static String key(String username) {
        return username == null ? null : username.toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }
}
