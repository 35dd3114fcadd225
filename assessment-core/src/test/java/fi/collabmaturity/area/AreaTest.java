package fi.collabmaturity.area;

import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.testsupport.TestWorld;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.collabmaturity.testsupport.Expect.invalidFields;
import static fi.collabmaturity.testsupport.Expect.onlyEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class AreaTest {

    private static final String STUDY = "lapland";
    private static final String AREA = "lapland-hyte";
    private static final List<String> DIMENSIONS = List.of("trust", "communication", "information_sharing", "goals",
            "power", "resources", "accountability", "commitment");
    private static final Party COUNTY = new Party("wellbeing_services_county", "Lapin hyvinvointialue", "21");
    private static final Party ROVANIEMI = new Party("municipality", "Rovaniemi", "698");
    private static final Party COUNCIL = new Party("regional_council", "Lapin liitto", null);
    private static final LocalDate MAY_2 = LocalDate.of(2024, 5, 2);

    private TestWorld world;
    private AggregateTestFixture<Area> fixture;

    @BeforeEach
    void setUp() {
        world = new TestWorld().study(STUDY);
        fixture = world.fixture(Area.class);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private static Map<String, Integer> allAt(int stage) {
        Map<String, Integer> profile = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> profile.put(d, stage));
        return profile;
    }

    private static AreaRegistered registered() {
        return new AreaRegistered(STUDY, AREA, "Lapland · HYTE", "21", "hyte", List.of(COUNTY, ROVANIEMI),
                allAt(3));
    }

    private static RegisterArea register(String regionCode, String theme, List<Party> parties,
                                         Map<String, Integer> target) {
        return new RegisterArea(STUDY, AREA, "Lapland · HYTE", regionCode, theme, parties, target);
    }

    private static RegisterArea register() {
        return register("21", "hyte", List.of(COUNTY, ROVANIEMI), null);
    }

    @Nested
    class RegisterAreaCommand {

        @Test
        void registersAnAreaWithTheDefaultTargetOfStageThreeOnEveryDimension() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterArea(STUDY, AREA, "  Lapland · HYTE  ", "21", "hyte",
                            List.of(COUNTY, ROVANIEMI), null))
                    .expectEvents(registered());
        }

        @Test
        void completesAPartialTargetProfileInFrameworkOrder() {
            Map<String, Integer> given = new HashMap<>(Map.of("power", 2, "goals", 2, "trust", 1));

            fixture.givenNoPriorActivity()
                    .when(register("21", "hyte", List.of(COUNTY), given))
                    .expectEventsMatching(onlyEvent(AreaRegistered.class, e -> {
                        assertThat(e.targetProfile().keySet()).containsExactlyElementsOf(DIMENSIONS);
                        assertThat(e.targetProfile()).containsExactly(entry("trust", 1), entry("communication", 3),
                                entry("information_sharing", 3), entry("goals", 2), entry("power", 2),
                                entry("resources", 3), entry("accountability", 3), entry("commitment", 3));
                    }));
        }

        @Test
        void recordsNoPartiesAsAnEmptyList() {
            fixture.givenNoPriorActivity()
                    .when(register("21", "hyte", null, null))
                    .expectEvents(new AreaRegistered(STUDY, AREA, "Lapland · HYTE", "21", "hyte", List.of(),
                            allAt(3)));
        }

        @Test
        void acceptsHelsinkiAsRegion() {
            fixture.givenNoPriorActivity()
                    .when(register("90", "hyte", List.of(), null))
                    .expectEventsMatching(onlyEvent(AreaRegistered.class,
                            e -> assertThat(e.regionCode()).isEqualTo("90")));
        }

        @Test
        void acceptsAThemeAnAdministratorAddedToTheCatalogue() {
            world.theme("sports");

            fixture.givenNoPriorActivity()
                    .when(register("21", "sports", List.of(), null))
                    .expectEventsMatching(onlyEvent(AreaRegistered.class,
                            e -> assertThat(e.interfaceTheme()).isEqualTo("sports")));
        }

        @Test
        void refusesAnAreaOfAStudyThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterArea("ghost", AREA, "Name", "21", "hyte", List.of(), null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"a/b", "with space", "_x"})
        void refusesAnAreaIdThatIsNotAnIdentifier(String areaId) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterArea(STUDY, areaId, "Name", "21", "hyte", List.of(), null))
                    .expectException(invalidFields("id"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void refusesABlankName(String name) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterArea(STUDY, AREA, name, "21", "hyte", List.of(), null))
                    .expectException(invalidFields("name"))
                    .expectNoEvents();
        }

        @Test
        void refusesANameLongerThan300Characters() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterArea(STUDY, AREA, "n".repeat(301), "21", "hyte", List.of(), null))
                    .expectException(invalidFields("name"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"22", "1", "00", "Lappi"})
        void refusesARegionCodeThatIsNotACountyCode(String regionCode) {
            fixture.givenNoPriorActivity()
                    .when(register(regionCode, "hyte", List.of(), null))
                    .expectException(invalidFields("regionCode"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"HYTE", "sports"})
        void refusesAThemeOutsideTheCatalogue(String theme) {
            fixture.givenNoPriorActivity()
                    .when(register("21", theme, List.of(), null))
                    .expectException(invalidFields("interfaceTheme"))
                    .expectNoEvents();
        }

        @Test
        void refusesAPartyOfAnUnknownOrganisationType() {
            fixture.givenNoPriorActivity()
                    .when(register("21", "hyte", List.of(new Party("university", "Lapin yliopisto", null)), null))
                    .expectException(invalidFields("parties[0].type"))
                    .expectNoEvents();
        }

        @Test
        void namesTheIndexOfEachBadParty() {
            fixture.givenNoPriorActivity()
                    .when(register("21", "hyte", Arrays.asList(COUNTY, new Party("municipality", " ", "c".repeat(51)),
                            null, new Party(null, "n".repeat(301), null)), null))
                    .expectException(invalidFields("parties[1].name", "parties[1].code", "parties[2]",
                            "parties[3].type", "parties[3].name"))
                    .expectNoEvents();
        }

        @Test
        void refusesMoreThan500Parties() {
            List<Party> parties = new ArrayList<>();
            for (int i = 0; i < 501; i++) {
                parties.add(new Party("ngo", "NGO " + i, null));
            }
            fixture.givenNoPriorActivity()
                    .when(register("21", "hyte", parties, null))
                    .expectException(invalidFields("parties"))
                    .expectNoEvents();
        }

        @Test
        void refusesATargetForADimensionTheFrameworkDoesNotHave() {
            fixture.givenNoPriorActivity()
                    .when(register("21", "hyte", List.of(), Map.of("leadership", 2)))
                    .expectException(invalidFields("targetProfile.leadership"))
                    .expectNoEvents();
        }

        @Test
        void refusesTargetStagesOutsideTheFramework() {
            Map<String, Integer> target = new HashMap<>();
            target.put("trust", 0);
            target.put("goals", 4);
            target.put("power", null);
            fixture.givenNoPriorActivity()
                    .when(register("21", "hyte", List.of(), target))
                    .expectException(invalidFields("targetProfile.trust", "targetProfile.goals",
                            "targetProfile.power"))
                    .expectNoEvents();
        }

        @Test
        void namesEveryBadFieldAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterArea(STUDY, "a/b", "", "99", "nope",
                            List.of(new Party("x", "y", null)), Map.of("trust", 5)))
                    .expectException(invalidFields("id", "name", "regionCode", "interfaceTheme", "parties[0].type",
                            "targetProfile.trust"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAreaIdTheStudyAlreadyHas() {
            world.area(STUDY, AREA);

            fixture.givenNoPriorActivity()
                    .when(register())
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsTheSameAreaIdInAnotherStudy() {
            world.study("national").area("national", AREA);

            fixture.givenNoPriorActivity()
                    .when(register())
                    .expectEvents(registered());
        }
    }

    @Nested
    class SetTargetProfileCommand {

        @Test
        void setsACompleteTargetProfile() {
            Map<String, Integer> expected = allAt(3);
            expected.put("power", 2);
            expected.put("resources", 1);

            fixture.given(registered())
                    .when(new SetTargetProfile(STUDY, AREA, Map.of("power", 2, "resources", 1)))
                    .expectEventsMatching(onlyEvent(TargetProfileSet.class, e -> {
                        assertThat(e.studyId()).isEqualTo(STUDY);
                        assertThat(e.areaId()).isEqualTo(AREA);
                        assertThat(e.targetProfile()).containsExactlyEntriesOf(expected);
                    }));
        }

        @Test
        void appliesFromTheFirstWaveWhileTheStudyHasNoWaves() {
            fixture.given(registered())
                    .when(new SetTargetProfile(STUDY, AREA, Map.of("power", 2)))
                    .expectEventsMatching(onlyEvent(TargetProfileSet.class, e -> {
                        assertThat(e.fromWaveId()).isNull();
                        assertThat(e.rationale()).isNull();
                    }));
        }

        @Test
        void appliesFromTheLatestWaveInWaveOrderWhenNoWaveIsNamed() {
            world.wave(STUDY, "w2025").wave(STUDY, "w2023");
            fixture.given(registered())
                    .when(new SetTargetProfile(STUDY, AREA, Map.of("power", 2)))
                    .expectEventsMatching(onlyEvent(TargetProfileSet.class,
                            e -> assertThat(e.fromWaveId()).isEqualTo("w2025")));
        }

        @Test
        void appliesFromTheNamedWaveWithItsRationaleNormalised() {
            world.wave(STUDY, "w2023").wave(STUDY, "w2025");
            fixture.given(registered())
                    .when(new SetTargetProfile(STUDY, AREA, Map.of("power", 2), "w2023",
                            " Valta ja\u0308rjesto\u0308ille\u00A0", null))
                    .expectEventsMatching(onlyEvent(TargetProfileSet.class, e -> {
                        assertThat(e.fromWaveId()).isEqualTo("w2023");
                        assertThat(e.rationale()).isEqualTo("Valta j\u00E4rjest\u00F6ille");
                    }));
        }

        @Test
        void refusesAnUnknownWaveAndAnOverlongRationaleNamingEach() {
            world.wave(STUDY, "w2023");
            fixture.given(registered())
                    .when(new SetTargetProfile(STUDY, AREA, Map.of("power", 2), "w1999", "x".repeat(2001), null))
                    .expectException(invalidFields("waveId", "rationale"))
                    .expectNoEvents();
        }

        @Test
        void acceptsARationaleOfTwoThousandCharacters() {
            fixture.given(registered())
                    .when(new SetTargetProfile(STUDY, AREA, Map.of("power", 2), null, "x".repeat(2000), null))
                    .expectEventsMatching(onlyEvent(TargetProfileSet.class,
                            e -> assertThat(e.rationale()).hasSize(2000)));
        }

        @Test
        void refusesAnEmptyTargetProfile() {
            fixture.given(registered())
                    .when(new SetTargetProfile(STUDY, AREA, Map.of()))
                    .expectException(invalidFields("targetProfile"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingTargetProfile() {
            fixture.given(registered())
                    .when(new SetTargetProfile(STUDY, AREA, null))
                    .expectException(invalidFields("targetProfile"))
                    .expectNoEvents();
        }

        @Test
        void refusesUnknownDimensionsAndStagesOutsideTheFramework() {
            fixture.given(registered())
                    .when(new SetTargetProfile(STUDY, AREA, Map.of("leadership", 2, "trust", 4)))
                    .expectException(invalidFields("targetProfile.leadership", "targetProfile.trust"))
                    .expectNoEvents();
        }

        @Test
        void refusesATargetForAnAreaThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new SetTargetProfile(STUDY, "ghost", Map.of("trust", 2)))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class AssessBuildingBlocksCommand {

        @Test
        void recordsTheStateOfAllSixBuildingBlocks() {
            BuildingBlocks blocks = new BuildingBlocks("in_place", "partial", "missing", "partial", "missing",
                    "in_place");
            fixture.given(registered())
                    .when(new AssessBuildingBlocks(STUDY, AREA, blocks))
                    .expectEvents(new BuildingBlocksAssessed(STUDY, AREA, blocks));
        }

        @Test
        void refusesMissingBuildingBlocks() {
            fixture.given(registered())
                    .when(new AssessBuildingBlocks(STUDY, AREA, null))
                    .expectException(invalidFields("buildingBlocks"))
                    .expectNoEvents();
        }

        @Test
        void namesEveryBlockWithAStateOutsideMissingPartialInPlace() {
            BuildingBlocks blocks = new BuildingBlocks("done", "partial", null, "partial", "missing", "IN_PLACE");
            fixture.given(registered())
                    .when(new AssessBuildingBlocks(STUDY, AREA, blocks))
                    .expectException(invalidFields("legalFrame", "sharedGoals", "forums"))
                    .expectNoEvents();
        }

        @Test
        void namesEachOfTheSixBlocksByItsApiField() {
            BuildingBlocks blocks = new BuildingBlocks("x", "x", "x", "x", "x", "x");
            fixture.given(registered())
                    .when(new AssessBuildingBlocks(STUDY, AREA, blocks))
                    .expectException(invalidFields("legalFrame", "sharedSituationalPicture", "sharedGoals",
                            "responsibilities", "operatingModels", "forums"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordAgreementCommand {

        @Test
        void recordsAnAgreementWithTheGivenId() {
            fixture.given(registered())
                    .when(new RecordAgreement(STUDY, AREA, "sca-2024", "strategic", "ready",
                            List.of(COUNTY, ROVANIEMI, COUNCIL), true, MAY_2))
                    .expectEvents(new AgreementRecorded(STUDY, AREA, "sca-2024", "strategic", "ready",
                            List.of(COUNTY, ROVANIEMI, COUNCIL), true, MAY_2));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void givesAnAgreementWithoutIdARandomUuid(String agreementId) {
            fixture.given(registered())
                    .when(new RecordAgreement(STUDY, AREA, agreementId, "sub_agreement", "in_preparation", null,
                            false, null))
                    .expectEventsMatching(onlyEvent(AgreementRecorded.class, e -> {
                        assertThat(UUID.fromString(e.agreementId()).version()).isEqualTo(4);
                        assertThat(e).usingRecursiveComparison().ignoringFields("agreementId")
                                .isEqualTo(new AgreementRecorded(STUDY, AREA, null, "sub_agreement",
                                        "in_preparation", List.of(), false, null));
                    }));
        }

        @Test
        void recordsThatThereIsNoAgreement() {
            fixture.given(registered())
                    .when(new RecordAgreement(STUDY, AREA, "none-yet", "strategic", "none", List.of(), false, null))
                    .expectEvents(new AgreementRecorded(STUDY, AREA, "none-yet", "strategic", "none", List.of(),
                            false, null));
        }

        @Test
        void refusesAnUnknownKindAndStatus() {
            fixture.given(registered())
                    .when(new RecordAgreement(STUDY, AREA, "a1", "contract", "signed", List.of(), false, null))
                    .expectException(invalidFields("kind", "status"))
                    .expectNoEvents();
        }

        @Test
        void refusesMissingKindAndStatus() {
            fixture.given(registered())
                    .when(new RecordAgreement(STUDY, AREA, "a1", null, null, List.of(), false, null))
                    .expectException(invalidFields("kind", "status"))
                    .expectNoEvents();
        }

        @Test
        void refusesABadParty() {
            fixture.given(registered())
                    .when(new RecordAgreement(STUDY, AREA, "a1", "strategic", "ready",
                            List.of(COUNTY, new Party("church", "Seurakunta", null)), false, null))
                    .expectException(invalidFields("parties[1].type"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAgreementForAnAreaThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new RecordAgreement(STUDY, "ghost", "a1", "strategic", "ready", List.of(), false, null))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordNegotiationCommand {

        @Test
        void recordsANegotiation() {
            fixture.given(registered())
                    .when(new RecordNegotiation(STUDY, AREA, "hyte-2024", "hyte", MAY_2, "whole_region",
                            List.of(COUNTY, ROVANIEMI)))
                    .expectEvents(new NegotiationHeld(STUDY, AREA, "hyte-2024", "hyte", MAY_2, "whole_region",
                            List.of(COUNTY, ROVANIEMI)));
        }

        @Test
        void givesANegotiationWithoutIdARandomUuidAndNoParticipantsAnEmptyList() {
            fixture.given(registered())
                    .when(new RecordNegotiation(STUDY, AREA, null, "s14", MAY_2, "per_municipality", null))
                    .expectEventsMatching(onlyEvent(NegotiationHeld.class, e -> {
                        assertThat(UUID.fromString(e.negotiationId())).isNotNull();
                        assertThat(e).usingRecursiveComparison().ignoringFields("negotiationId")
                                .isEqualTo(new NegotiationHeld(STUDY, AREA, null, "s14", MAY_2, "per_municipality",
                                        List.of()));
                    }));
        }

        @Test
        void refusesAnUnknownKindAMissingDateAndAnUnknownModel() {
            fixture.given(registered())
                    .when(new RecordNegotiation(STUDY, AREA, "n1", "s15", null, "bilateral", List.of()))
                    .expectException(invalidFields("kind", "heldOn", "model"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingKindAndModel() {
            fixture.given(registered())
                    .when(new RecordNegotiation(STUDY, AREA, "n1", null, MAY_2, null, List.of()))
                    .expectException(invalidFields("kind", "model"))
                    .expectNoEvents();
        }

        @Test
        void namesABadParticipantUnderParticipants() {
            fixture.given(registered())
                    .when(new RecordNegotiation(STUDY, AREA, "n1", "hyte", MAY_2, "thematic",
                            List.of(new Party("municipality", "", null))))
                    .expectException(invalidFields("participants[0].name"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordForumCommand {

        @Test
        void recordsAForumWithStrippedName() {
            fixture.given(registered())
                    .when(new RecordForum(STUDY, AREA, "hyte-group", " HYTE-työryhmä ", "operational", MAY_2))
                    .expectEvents(new ForumRecorded(STUDY, AREA, "hyte-group", "HYTE-työryhmä", "operational",
                            MAY_2));
        }

        @Test
        void givesAForumWithoutIdARandomUuid() {
            fixture.given(registered())
                    .when(new RecordForum(STUDY, AREA, null, "Johtoryhmä", "strategic", null))
                    .expectEventsMatching(onlyEvent(ForumRecorded.class, e -> {
                        assertThat(UUID.fromString(e.forumId())).isNotNull();
                        assertThat(e).usingRecursiveComparison().ignoringFields("forumId")
                                .isEqualTo(new ForumRecorded(STUDY, AREA, null, "Johtoryhmä", "strategic", null));
                    }));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void refusesABlankName(String name) {
            fixture.given(registered())
                    .when(new RecordForum(STUDY, AREA, "f1", name, "strategic", null))
                    .expectException(invalidFields("name"))
                    .expectNoEvents();
        }

        @Test
        void refusesANameLongerThan300Characters() {
            fixture.given(registered())
                    .when(new RecordForum(STUDY, AREA, "f1", "n".repeat(301), "strategic", null))
                    .expectException(invalidFields("name"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"tactical", "Strategic"})
        void refusesALevelOtherThanStrategicOrOperational(String level) {
            fixture.given(registered())
                    .when(new RecordForum(STUDY, AREA, "f1", "Forum", level, null))
                    .expectException(invalidFields("level"))
                    .expectNoEvents();
        }
    }
}
