package fi.collabmaturity.projection.support;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Makes free text (a user name) safe as a MongoDB field name, where '.' would split the path and a leading '$'
 * would be an operator.
 */
public final class Keys {

    private Keys() {
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace(".", "%2E").replace("*", "%2A");
    }

    public static String decode(String key) {
        return URLDecoder.decode(key, StandardCharsets.UTF_8);
    }
}
