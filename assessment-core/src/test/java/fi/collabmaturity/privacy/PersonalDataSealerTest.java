package fi.collabmaturity.privacy;

import fi.collabmaturity.interview.Excerpt;
import fi.collabmaturity.interview.InformantDetails;
import fi.collabmaturity.selfassessment.RespondentDetails;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataSealerTest {

    private static final String STUDY = "lapland";
    private static final String QUOTE = "Kukaan ei tiedä, kuka vetää yhteistyötä.";

    private final InMemoryParticipantKeyStore keys = new InMemoryParticipantKeyStore();
    private final PersonalDataSealer sealer = new PersonalDataSealer(keys);

    private static byte[] decoded(Sealed sealed) {
        return Base64.getDecoder().decode(sealed.ciphertext());
    }

    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void opensWhatItSealed() {
        Sealed sealed = sealer.seal(STUDY, "INF-07", new Excerpt(QUOTE));

        assertThat(sealer.open(sealed, Excerpt.class)).contains(new Excerpt(QUOTE));
    }

    @Test
    void roundTripsStructuredPersonalData() {
        RespondentDetails details = new RespondentDetails("R-042", "municipality", "operations",
                Map.of("trust", "Luotamme toisiimme."));
        Sealed sealed = sealer.seal(STUDY, "R-042", details);

        assertThat(sealer.open(sealed, RespondentDetails.class)).contains(details);
    }

    @Test
    void sealsUnderTheParticipantReferenceOfThePseudonym() {
        Sealed sealed = sealer.seal(STUDY, "INF-07", new Excerpt(QUOTE));

        assertThat(sealed.participant()).isEqualTo(keys.participantOf(STUDY, "INF-07").orElseThrow());
        assertThat(sealed.participant()).isEqualTo(sealer.participantOf(STUDY, "INF-07"));
        assertThat(sealed.participant()).doesNotContain("INF-07");
    }

    @Test
    void keepsOneParticipantPerPseudonymWithinAStudyAndSeparatesStudies() {
        String first = sealer.participantOf(STUDY, "INF-07");

        assertThat(sealer.participantOf(STUDY, "INF-07")).isEqualTo(first);
        assertThat(sealer.participantOf(STUDY, "INF-08")).isNotEqualTo(first);
        assertThat(sealer.participantOf("national", "INF-07")).isNotEqualTo(first);
    }

    @Test
    void neverCarriesThePlaintextInTheCiphertext() {
        Sealed sealed = sealer.seal(STUDY, "INF-07", new Excerpt(QUOTE));

        assertThat(sealed.ciphertext()).doesNotContain("Kukaan", "yhteistyötä");
        assertThat(containsBytes(decoded(sealed), QUOTE.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(containsBytes(decoded(sealed), "Kukaan".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(containsBytes(decoded(sealed), "text".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void usesANonceAndATagAroundTheCiphertext() {
        Sealed sealed = sealer.seal(STUDY, "INF-07", new Excerpt(QUOTE));
        int json = ("{\"text\":\"" + QUOTE + "\"}").getBytes(StandardCharsets.UTF_8).length;

        assertThat(decoded(sealed)).hasSize(12 + json + 16);
    }

    @Test
    void givesTheSameValueADifferentCiphertextEachTime() {
        Sealed first = sealer.seal(STUDY, "INF-07", new Excerpt(QUOTE));
        Sealed second = sealer.seal(STUDY, "INF-07", new Excerpt(QUOTE));

        assertThat(second.participant()).isEqualTo(first.participant());
        assertThat(second.ciphertext()).isNotEqualTo(first.ciphertext());
    }

    @Test
    void sealsForAKnownParticipantReference() {
        String participant = sealer.participantOf(STUDY, "INF-07");

        Sealed sealed = sealer.sealFor(participant, new Excerpt(QUOTE)).orElseThrow();

        assertThat(sealed.participant()).isEqualTo(participant);
        assertThat(sealer.open(sealed, Excerpt.class)).contains(new Excerpt(QUOTE));
    }

    @Test
    void cannotSealForAnUnknownParticipantReference() {
        assertThat(sealer.sealFor("no-such-participant", new Excerpt(QUOTE))).isEmpty();
    }

    @Test
    void cannotOpenAnythingOnceTheParticipantsKeyIsDestroyed() {
        Sealed sealed = sealer.seal(STUDY, "INF-07", new InformantDetails("INF-07", "ngo", "leadership"));

        assertThat(keys.destroy(sealed.participant())).isTrue();

        assertThat(sealer.open(sealed, InformantDetails.class)).isEmpty();
        assertThat(sealer.sealFor(sealed.participant(), new Excerpt(QUOTE))).isEmpty();
        assertThat(keys.participantOf(STUDY, "INF-07")).isEmpty();
    }

    @Test
    void destroysOnlyTheErasedParticipantsKey() {
        Sealed erased = sealer.seal(STUDY, "INF-07", new Excerpt("erased"));
        Sealed kept = sealer.seal(STUDY, "INF-08", new Excerpt("kept"));

        keys.destroy(erased.participant());

        assertThat(sealer.open(erased, Excerpt.class)).isEmpty();
        assertThat(sealer.open(kept, Excerpt.class)).contains(new Excerpt("kept"));
    }

    @Test
    void givesAnErasedPseudonymANewParticipantIfItIsUsedAgain() {
        Sealed old = sealer.seal(STUDY, "INF-07", new Excerpt(QUOTE));
        keys.destroy(old.participant());

        Sealed fresh = sealer.seal(STUDY, "INF-07", new Excerpt("new"));

        assertThat(fresh.participant()).isNotEqualTo(old.participant());
        assertThat(sealer.open(old, Excerpt.class)).isEmpty();
        assertThat(sealer.open(fresh, Excerpt.class)).contains(new Excerpt("new"));
    }

    @Test
    void reportsThatThereWasNoKeyToDestroy() {
        assertThat(keys.destroy("no-such-participant")).isFalse();
    }

    @Test
    void refusesToOpenAValueMovedToAnotherParticipant() {
        Sealed forA = sealer.seal(STUDY, "INF-07", new Excerpt(QUOTE));
        String b = sealer.participantOf(STUDY, "INF-08");

        Sealed moved = new Sealed(b, forA.ciphertext());

        assertThatThrownBy(() -> sealer.open(moved, Excerpt.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fails its integrity check");
    }

    @Test
    void bindsTheParticipantReferenceIntoTheIntegrityCheckEvenUnderTheSameKey() {
        Sealed forA = sealer.seal(STUDY, "INF-07", new Excerpt(QUOTE));
        ParticipantKey a = keys.find(forA.participant()).orElseThrow();
        ParticipantKeyStore everyoneHasKeyA = new ParticipantKeyStore() {
            @Override
            public ParticipantKey obtain(String studyId, String pseudonym) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<ParticipantKey> find(String participant) {
                return Optional.of(new ParticipantKey(participant, a.key()));
            }

            @Override
            public Optional<String> participantOf(String studyId, String pseudonym) {
                return Optional.empty();
            }

            @Override
            public boolean destroy(String participant) {
                return false;
            }
        };

        Sealed moved = new Sealed("someone-else", forA.ciphertext());

        assertThatThrownBy(() -> new PersonalDataSealer(everyoneHasKeyA).open(moved, Excerpt.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fails its integrity check");
    }

    @Test
    void refusesToOpenATamperedCiphertext() {
        Sealed sealed = sealer.seal(STUDY, "INF-07", new Excerpt(QUOTE));
        byte[] bytes = decoded(sealed);
        bytes[bytes.length / 2] ^= 0x01;

        Sealed tampered = new Sealed(sealed.participant(), Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> sealer.open(tampered, Excerpt.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fails its integrity check");
    }

    @Test
    void opensNothingFromNothing() {
        assertThat(sealer.open(null, Excerpt.class)).isEmpty();
    }

    @Test
    void makesA256BitAesKey() {
        assertThat(PersonalDataSealer.newKey().getAlgorithm()).isEqualTo("AES");
        assertThat(PersonalDataSealer.newKey().getEncoded()).hasSize(32);
    }
}
