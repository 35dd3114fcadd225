package fi.collabmaturity.questionnaire;

import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.RecordIds;
import fi.collabmaturity.testsupport.TestWorld;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fi.collabmaturity.testsupport.Expect.invalidFields;
import static fi.collabmaturity.testsupport.Expect.onlyEvent;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionnaireTest {

    static final String STUDY = "lapland";
    static final String WAVE = "w2024";
    static final String AREA = "lapland-hyte";
    static final String OTHER_AREA = "lapland-child";
    static final String ID = "q1";
    static final Map<String, String> NOTICE = Map.of("fi", "Tietosuojaseloste", "en", "Privacy notice");
    /** 2024-06-01 noon in Helsinki. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T09:00:00Z"), Questionnaire.HELSINKI);

    private TestWorld world;
    private AggregateTestFixture<Questionnaire> fixture;

    @BeforeEach
    void setUp() {
        world = new TestWorld().study(STUDY).wave(STUDY, WAVE).area(STUDY, AREA).area(STUDY, OTHER_AREA);
        fixture = world.fixture(Questionnaire.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    static OpenQuestionnaire open(String mode, String linkHash) {
        return new OpenQuestionnaire(ID, STUDY, List.of(AREA, OTHER_AREA), WAVE, List.of("fi", "en"), mode, null,
                Map.of(), NOTICE, true, true, true, linkHash);
    }

    static QuestionnaireOpened opened(String mode, String linkHash) {
        return new QuestionnaireOpened(ID, STUDY, List.of(AREA, OTHER_AREA), WAVE, List.of("fi", "en"), mode, null,
                Map.of(), NOTICE, QuestionnaireTokens.noticeVersion(NOTICE), true, true, true, linkHash);
    }

    @Test
    void opensWithTheNoticeVersionOfItsTexts() {
        String hash = QuestionnaireTokens.hash("token");
        fixture.givenNoPriorActivity()
                .when(open(Questionnaire.OPEN, hash))
                .expectEventsMatching(onlyEvent(QuestionnaireOpened.class, e -> {
                    assertThat(e.openLinkHash()).isEqualTo(hash).hasSize(64);
                    assertThat(e.noticeVersion()).hasSize(16).isEqualTo(QuestionnaireTokens.noticeVersion(NOTICE));
                    assertThat(e.areaIds()).containsExactly(AREA, OTHER_AREA);
                }));
    }

    @Test
    void anotherNoticeTextIsAnotherVersion() {
        assertThat(QuestionnaireTokens.noticeVersion(Map.of("fi", "Tietosuojaseloste", "en", "Privacy notice!")))
                .isNotEqualTo(QuestionnaireTokens.noticeVersion(NOTICE));
    }

    @Test
    void refusesBadInputNamingEveryField() {
        fixture.givenNoPriorActivity()
                .when(new OpenQuestionnaire(ID, STUDY, List.of(), WAVE, List.of("fi", "de"), "sometimes",
                        LocalDate.of(2024, 5, 31), Map.of("sv", "Hej"), Map.of("fi", " "), false, false, false,
                        null))
                .expectException(invalidFields("areaIds", "languages[1]", "mode", "privacyNotice.fi",
                        "intro.sv", "closesOn"));
    }

    @Test
    void namesAMissingAreaOrLanguageInItsList() {
        fixture.givenNoPriorActivity()
                .when(new OpenQuestionnaire(ID, STUDY, java.util.Arrays.asList(AREA, null), WAVE,
                        java.util.Arrays.asList("fi", null), Questionnaire.INVITED, null, Map.of(), Map.of("fi", "x"), false,
                        false, false, null))
                .expectException(invalidFields("areaIds[1]", "languages[1]"));
    }

    @Test
    void anOpenQuestionnaireNeedsTheHashOfItsLinkAndAnInvitedOneHasNone() {
        fixture.givenNoPriorActivity().when(open(Questionnaire.OPEN, "token"))
                .expectException(invalidFields("openLinkHash"));
        fixture.givenNoPriorActivity().when(open(Questionnaire.INVITED, QuestionnaireTokens.hash("t")))
                .expectException(invalidFields("openLinkHash"));
    }

    @Test
    void refusesAnUnknownAreaAndAClosedWave() {
        fixture.givenNoPriorActivity()
                .when(new OpenQuestionnaire(ID, STUDY, List.of("nowhere"), WAVE, List.of("fi"), Questionnaire.INVITED,
                        null, Map.of(), Map.of("fi", "x"), false, false, false, null))
                .expectException(NotFoundException.class);
        world.closeWave(STUDY, WAVE);
        fixture.givenNoPriorActivity().when(open(Questionnaire.INVITED, null)).expectException(ConflictException.class);
    }

    @Test
    void issuesInvitationsOnlyWhenInvited() {
        List<String> hashes = List.of(QuestionnaireTokens.hash("a"), QuestionnaireTokens.hash("b"));
        fixture.given(opened(Questionnaire.INVITED, null))
                .when(new IssueInvitations(ID, STUDY, hashes))
                .expectEvents(new InvitationsIssued(ID, STUDY, hashes));
        fixture.given(opened(Questionnaire.OPEN, QuestionnaireTokens.hash("o")))
                .when(new IssueInvitations(ID, STUDY, hashes))
                .expectException(ConflictException.class);
        fixture.given(opened(Questionnaire.INVITED, null), new InvitationsIssued(ID, STUDY, hashes))
                .when(new IssueInvitations(ID, STUDY, List.of(hashes.get(0))))
                .expectException(invalidFields("invitationHashes"));
    }

    @Test
    void invitationsCarryTheirPseudonymsSealedWithEachParticipantsKey() {
        List<String> hashes = List.of(QuestionnaireTokens.hash("a"), QuestionnaireTokens.hash("b"));
        fixture.given(opened(Questionnaire.INVITED, null))
                .when(new IssueInvitations(ID, STUDY, hashes, List.of(" R-17\u00a0", "Ra\u0308-18")))
                .expectEventsMatching(onlyEvent(InvitationsIssued.class, e -> {
                    assertThat(e.invitationHashes()).isEqualTo(hashes);
                    assertThat(e.pseudonyms()).containsOnlyKeys(hashes);
                    Sealed first = e.pseudonymOf(hashes.get(0));
                    assertThat(first.participant()).isEqualTo(world.sealer.participantOf(STUDY, "R-17"));
                    assertThat(world.sealer.open(first, InvitedPseudonym.class)).contains(new InvitedPseudonym("R-17"));
                    assertThat(world.sealer.open(e.pseudonymOf(hashes.get(1)), InvitedPseudonym.class))
                            .contains(new InvitedPseudonym("R\u00e4-18"));
                    // as the event log keeps it: no pseudonym in the clear
                    String json = json(e);
                    assertThat(json).doesNotContain("R-17").doesNotContain("R\u00e4-18").contains(first.participant());
                }));
    }

    @Test
    void refusesPseudonymsThatRepeatAreBlankOrAreInvitedAlready() {
        List<String> hashes = List.of(QuestionnaireTokens.hash("a"), QuestionnaireTokens.hash("b"),
                QuestionnaireTokens.hash("c"));
        fixture.given(opened(Questionnaire.INVITED, null))
                .when(new IssueInvitations(ID, STUDY, hashes, List.of("R-1", " ", "R-1\u200b")))
                .expectException(invalidFields("pseudonyms[1]", "pseudonyms[2]"));
        fixture.given(opened(Questionnaire.INVITED, null))
                .when(new IssueInvitations(ID, STUDY, List.of(), List.of()))
                .expectException(invalidFields("pseudonyms"));
        Sealed invited = world.sealer.seal(STUDY, "R-1", new InvitedPseudonym("R-1"));
        fixture.given(opened(Questionnaire.INVITED, null),
                        new InvitationsIssued(ID, STUDY, List.of(QuestionnaireTokens.hash("z")),
                                Map.of(QuestionnaireTokens.hash("z"), invited)))
                .when(new IssueInvitations(ID, STUDY, hashes.subList(0, 2), List.of("R-2", "R-1")))
                .expectException(invalidFields("pseudonyms[1]"));
    }

    @Test
    void anInvitationsEventOfTheFirstShapeReadsAsGeneratedPseudonyms() throws Exception {
        InvitationsIssued old = mapper().readValue("{\"questionnaireId\":\"q1\",\"studyId\":\"lapland\","
                + "\"invitationHashes\":[\"" + QuestionnaireTokens.hash("a") + "\"]}", InvitationsIssued.class);
        assertThat(old).isEqualTo(new InvitationsIssued(ID, STUDY, List.of(QuestionnaireTokens.hash("a"))));
        assertThat(old.pseudonymOf(QuestionnaireTokens.hash("a"))).isNull();
        Sealed sealed = world.sealer.seal(STUDY, "R-1", new InvitedPseudonym("R-1"));
        InvitationsIssued carrying = new InvitationsIssued(ID, STUDY, List.of(QuestionnaireTokens.hash("a")),
                Map.of(QuestionnaireTokens.hash("a"), sealed));
        assertThat(mapper().readValue(json(carrying), InvitationsIssued.class)).isEqualTo(carrying);
    }

    /** As the event store's serializer is configured (AxonConfiguration.eventMapper). */
    private static com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static String json(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noInvitationsOnceClosedByTheResearcherOrTheWave() {
        List<String> hashes = List.of(QuestionnaireTokens.hash("a"));
        fixture.given(opened(Questionnaire.INVITED, null), new QuestionnaireClosed(ID, STUDY))
                .when(new IssueInvitations(ID, STUDY, hashes))
                .expectException(ConflictException.class);
        world.closeWave(STUDY, WAVE);
        fixture.given(opened(Questionnaire.INVITED, null))
                .when(new IssueInvitations(ID, STUDY, hashes))
                .expectException(ConflictException.class);
    }

    @Test
    void closesOnce() {
        fixture.given(opened(Questionnaire.INVITED, null))
                .when(new CloseQuestionnaire(ID, STUDY))
                .expectEvents(new QuestionnaireClosed(ID, STUDY));
        fixture.given(opened(Questionnaire.INVITED, null), new QuestionnaireClosed(ID, STUDY))
                .when(new CloseQuestionnaire(ID, STUDY))
                .expectException(ConflictException.class);
    }

    @Test
    void isKeyedByStudyAndId() {
        assertThat(RecordIds.questionnaire(STUDY, ID)).isEqualTo("lapland/questionnaire/q1");
    }
}
