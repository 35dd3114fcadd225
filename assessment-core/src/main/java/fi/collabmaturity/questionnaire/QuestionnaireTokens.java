package fi.collabmaturity.questionnaire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The secrets of questionnaires: link tokens and withdrawal codes are 32 random bytes, base64url; only their sha-256
 * hashes are ever stored, so a leaked event log or read model opens no link.
 */
public final class QuestionnaireTokens {

    public static final List<String> LANGUAGES = List.of("fi", "sv", "en");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private QuestionnaireTokens() {
    }

    /** A new token or code: 32 random bytes, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The pseudonym of a questionnaire respondent: random, so each respondent is their own participant. */
    public static String newPseudonym() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "q-" + HexFormat.of().formatHex(bytes);
    }

    /** The sha-256 hex of a token or code. */
    public static String hash(String token) {
        return sha256(token == null ? "" : token);
    }

    public static boolean isHash(String value) {
        return value != null && HASH.matcher(value).matches();
    }

    /**
     * The version of a privacy notice: the sha-256 hex (first 16 characters) of its texts in fi, sv, en order, each
     * preceded by its language, so that any change of any text gives another version.
     */
    public static String noticeVersion(Map<String, String> notice) {
        StringBuilder text = new StringBuilder();
        for (String language : LANGUAGES) {
            String value = notice.get(language);
            if (value != null) {
                text.append(language).append('\u0000').append(value).append('\u0000');
            }
        }
        return sha256(text.toString()).substring(0, 16);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
