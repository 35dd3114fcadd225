package fi.collabmaturity.reference;

import fi.collabmaturity.framework.Localized;
import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.testsupport.TestWorld;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static fi.collabmaturity.testsupport.Expect.invalidFields;

class InterfaceThemeCatalogueTest {

    private static final Localized SPORTS = new Localized("Liikunta", "Idrott", "Sports");
    private static final Localized CULTURE = new Localized("Kulttuuri", "Kultur", "Culture");

    private TestWorld world;
    private AggregateTestFixture<InterfaceThemeCatalogue> fixture;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        fixture = world.fixture(InterfaceThemeCatalogue.class);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void addsTheFirstThemeToAnEmptyCatalogue() {
        fixture.givenNoPriorActivity()
                .when(new AddInterfaceTheme("sports", SPORTS))
                .expectEvents(new InterfaceThemeAdded("sports", SPORTS));
    }

    @Test
    void addsAThemeNextToThoseAlreadyAdded() {
        fixture.given(new InterfaceThemeAdded("sports", SPORTS))
                .when(new AddInterfaceTheme("culture", CULTURE))
                .expectEvents(new InterfaceThemeAdded("culture", CULTURE));
    }

    @Test
    void acceptsACodeOfExactly50Characters() {
        String code = "a" + "b".repeat(49);
        fixture.givenNoPriorActivity()
                .when(new AddInterfaceTheme(code, SPORTS))
                .expectEvents(new InterfaceThemeAdded(code, SPORTS));
    }

    @Test
    void refusesAThemeTheCatalogueAlreadyHas() {
        fixture.given(new InterfaceThemeAdded("sports", SPORTS))
                .when(new AddInterfaceTheme("sports", SPORTS))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hyte", "employment", "leadership_structures"})
    void refusesASeededTheme(String code) {
        fixture.givenNoPriorActivity()
                .when(new AddInterfaceTheme(code, SPORTS))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAThemeTheEventLogAlreadyHasEvenIfTheAggregateWasNotLoadedWithIt() {
        world.theme("sports");

        fixture.givenNoPriorActivity()
                .when(new AddInterfaceTheme("sports", SPORTS))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"s", "Sports", "1sports", "_sports", "sports-2", "urheilu ja liikunta",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxy"})
    void refusesACodeThatIsNotTwoToFiftyLowerCaseLettersDigitsOrUnderscores(String code) {
        fixture.givenNoPriorActivity()
                .when(new AddInterfaceTheme(code, SPORTS))
                .expectException(invalidFields("code"))
                .expectNoEvents();
    }

    @Test
    void refusesMissingNames() {
        fixture.givenNoPriorActivity()
                .when(new AddInterfaceTheme("sports", null))
                .expectException(invalidFields("names"))
                .expectNoEvents();
    }

    @Test
    void namesEachBlankLanguage() {
        fixture.givenNoPriorActivity()
                .when(new AddInterfaceTheme("sports", new Localized("Liikunta", " ", "")))
                .expectException(invalidFields("names.sv", "names.en"))
                .expectNoEvents();
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new AddInterfaceTheme("X", new Localized("", "", "")))
                .expectException(invalidFields("code", "names.fi", "names.sv", "names.en"))
                .expectNoEvents();
    }
}
