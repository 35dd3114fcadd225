package fi.collabmaturity.projection.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs (RFC 9562 version 5, SHA-1): the same name in the same namespace always gives the same UUID, so a
 * theme code keeps its GUID across exports, studies and installations, and qualitative tools can merge codebooks.
 */
final class NameBasedUuid {

    /** The namespace of this product's codebook GUIDs (itself a version 5 UUID of its URN in the URL namespace). */
    static final UUID NAMESPACE = version5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
            "urn:collab-maturity:codebook");

    private NameBasedUuid() {
    }

    static UUID of(String name) {
        return version5(NAMESPACE, name);
    }

    static UUID version5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
