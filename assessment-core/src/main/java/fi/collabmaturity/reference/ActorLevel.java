package fi.collabmaturity.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The level an actor works at: the seeds' observation is that these levels do not see each other's work. */
public enum ActorLevel {
    LEADERSHIP, COORDINATION, OPERATIONS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static boolean isCode(String code) {
        return codes().contains(code);
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ActorLevel::code).toList();
    }
}
