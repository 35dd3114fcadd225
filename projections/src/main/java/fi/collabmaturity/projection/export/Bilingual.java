package fi.collabmaturity.projection.export;

import fi.collabmaturity.framework.Localized;

import java.util.Objects;

/** A text in Finnish and English: the two languages the export's documentation is written in. */
public record Bilingual(String fi, String en) {

    public Bilingual {
        Objects.requireNonNull(fi, "fi");
        Objects.requireNonNull(en, "en");
    }

    public static Bilingual of(Localized text) {
        return new Bilingual(text.fi(), text.en());
    }
}
