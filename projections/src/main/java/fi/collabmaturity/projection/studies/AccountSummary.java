package fi.collabmaturity.projection.studies;

import java.util.List;

/** An account as administrators list it; never its password hash. */
public record AccountSummary(String username, List<String> roles, String createdAt) {
}
