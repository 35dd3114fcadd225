package fi.collabmaturity.framework;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A framework's version as major.minor.patch, ordered numerically (1.10.0 is newer than 1.9.0). */
record FrameworkVersion(int major, int minor, int patch) implements Comparable<FrameworkVersion> {

    private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})");

    static FrameworkVersion parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalStateException(
                "framework version " + text + " is not of the form major.minor.patch"));
    }

    static Optional<FrameworkVersion> tryParse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new FrameworkVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    @Override
    public int compareTo(FrameworkVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }
}
