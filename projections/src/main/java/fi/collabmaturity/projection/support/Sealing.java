package fi.collabmaturity.projection.support;

import fi.collabmaturity.privacy.Sealed;
import org.bson.Document;

/** Sealed personal data as the read models keep it: still encrypted, opened only when a query may show it. */
public final class Sealing {

    private Sealing() {
    }

    public static Document toDocument(Sealed sealed) {
        return sealed == null ? null
                : new Document("participant", sealed.participant()).append("ciphertext", sealed.ciphertext());
    }

    public static Sealed fromDocument(Object value) {
        if (!(value instanceof Document doc)) {
            return null;
        }
        return new Sealed(doc.getString("participant"), doc.getString("ciphertext"));
    }
}
