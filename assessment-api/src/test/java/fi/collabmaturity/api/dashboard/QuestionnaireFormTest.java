package fi.collabmaturity.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The public questionnaire form against the running application (real HTTP, the real questionnaires behind
 * QuestionnaireForms, the embedded event log in a data folder of its own), in Debian's headless Chromium where a
 * person would use it: in Finnish, Swedish and English, with and without consent, closed, through an invitation
 * twice (review and replace) and after its withdrawal, and from one address flooding it. Every answer is checked
 * in the area's profile, and nothing without consent anywhere (the event log's head, the data folder's bytes).
 * The HTTP-level checks (flood, honeypot, CSRF, size limit, headers) run without a browser; the browser checks
 * are skipped, by assumption, only where Debian's chromium or chromedriver is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuestionnaireFormTest {

    static final Path dataDir = TestData.freshFolder("questionnaire-form");
    static final String S = "/api/v1/studies/qstudy";
    static final Framework FRAMEWORK = FrameworkCatalog.fromClasspath().get("keast-mandell-2014", "1.1.0");
    static final Map<String, String> NOTICE = Map.of("fi", "Tietosuojaseloste: vastaukset tallennetaan tutkimusta varten.",
            "sv", "Dataskyddsbeskrivning: svaren sparas för forskningen.",
            "en", "Privacy notice: the answers are stored for the research.");
    static final Map<String, String> INTRO = Map.of("fi", "Tervetuloa arvioimaan yhteistyötä.",
            "sv", "Välkommen att bedöma samarbetet.", "en", "Welcome to assess the collaboration.");
    /** Trust 2.5, communication 3, information sharing "cannot say", goals 2, power "own power", resources 1.5,
     *  accountability 1, commitment 3. */
    static final Map<String, String> ANSWERS = answers();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "q-admin");
        // the flood test speaks for clients behind a proxy at 127.0.0.1; the browser, without the header, is 127.0.0.1
        registry.add("assessment.security.trusted-proxies", () -> "127.0.0.1");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;

    ApiClient admin;
    ChromeDriver driver;

    @BeforeEach
    void study() {
        admin = new ApiClient(port, "admin", "q-admin");
        if (admin.get(S).status() == 200) {
            return;
        }
        ok(admin.post("/api/v1/studies", "{\"id\":\"qstudy\",\"title\":\"Questionnaires\","
                + "\"frameworkId\":\"keast-mandell-2014\",\"frameworkVersion\":\"1.1.0\"}"));
        ok(admin.post(S + "/waves", "{\"id\":\"w1\",\"label\":\"2026\",\"opensOn\":\"2026-01-01\",\"closesOn\":\"2027-12-31\"}"));
        for (String area : List.of("north", "spare", "south", "east", "west", "flood", "invited", "closing",
                "resend")) {
            ok(admin.post(S + "/areas", "{\"id\":\"" + area + "\",\"name\":\"Yhteistyö " + area
                    + "\",\"regionCode\":\"19\",\"interfaceTheme\":\"hyte\"}"));
        }
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    // ------------------------------------------------------------------------------------ in the browser

    @Test
    void answersInEachLanguageArriveInTheAreasProfile() {
        browser();
        String token = openQuestionnaire(List.of("north", "spare"), "open", true);
        Map<String, String> codes = new LinkedHashMap<>();
        for (String lang : List.of("fi", "sv", "en")) {
            String comment = "comment-" + lang + "-" + UUID.randomUUID();
            if (lang.equals("fi")) {
                driver.get(base() + "/q/" + token + "?lang=fi");
            } else {
                // the browser asks for English (Accept-Language en-US); Swedish through the switch
                driver.get(base() + "/q/" + token);
                assertThat(lang()).isEqualTo("en");
                if (lang.equals("sv")) {
                    click(By.cssSelector("nav.languages button[value='sv']"));
                }
            }
            assertThat(lang()).isEqualTo(lang);
            assertThat(text("main")).contains(NOTICE.get(lang)).contains(INTRO.get(lang));
            consent(true);
            assertThat(lang()).isEqualTo(lang);
            assertTheDimensionsAreTheFrameworks(lang);
            fill("north", ANSWERS, Map.of("trust", comment), "ngo", "operations");
            click(By.id("continue"));
            // the summary, then back to change one answer, then send
            assertThat(driver.findElement(By.id("summary-trust")).getText())
                    .contains(between("trust", 2, 3, lang)).contains(comment);
            assertThat(driver.findElement(By.id("summary-information_sharing")).getText())
                    .isEqualTo(message(lang, "cannot"));
            assertThat(driver.findElement(By.id("summary-area")).getText()).isEqualTo("Yhteistyö north");
            click(By.id("edit"));
            assertThat(driver.findElement(By.cssSelector("input[name='a_trust'][value='2.5']")).isSelected()).isTrue();
            assertThat(driver.findElement(By.id("c_trust")).getAttribute("value")).isEqualTo(comment);
            driver.findElement(By.cssSelector("input[name='a_commitment'][value='2.5']")).click();
            click(By.id("continue"));
            assertThat(driver.findElement(By.id("summary-commitment")).getText())
                    .isEqualTo(between("commitment", 2, 3, lang));
            long before = positions.head();
            click(By.id("send"));
            assertThat(lang()).isEqualTo(lang);
            String code = driver.findElement(By.id("withdrawal-code")).getText();
            assertThat(code).isNotBlank();
            codes.put(lang, code);
            assertThat(positions.head()).as("the answer was stored").isGreaterThan(before);
        }
        assertThat(codes.values()).doesNotHaveDuplicates();
        JsonNode profile = profile("north");
        // three answers: trust 2.5 each, commitment 2.5, power at own power (2.0), information sharing never
        assertSelfAssessments(profile, "trust", 3, 2.5);
        assertSelfAssessments(profile, "commitment", 3, 2.5);
        assertSelfAssessments(profile, "power", 3, 2.0);
        assertSelfAssessments(profile, "resources", 3, 1.5);
        assertSelfAssessments(profile, "accountability", 3, 1.0);
        assertThat(dimension(profile, "information_sharing").path("sources").path("selfAssessments").path("n").asInt(0))
                .as("cannot say is a missing value, never a zero").isZero();
        assertSelfAssessments(profile("spare"), "trust", 0, null);
    }

    @Test
    void withoutConsentNothingIsStoredAnywhere() throws IOException {
        browser();
        String token = openQuestionnaire(List.of("east"), "open", true);
        String secret = "NOCONSENT-" + UUID.randomUUID();
        long head = positions.head();

        // "no" at the first step
        driver.get(base() + "/q/" + token + "?lang=fi");
        consent(false);
        assertThat(text("h1")).isEqualTo(message("fi", "declined"));

        // yes, the answers and a comment typed, then "do not send" on the summary
        driver.get(base() + "/q/" + token + "?lang=en");
        consent(true);
        assertThat(driver.findElements(By.cssSelector("fieldset#area"))).as("one area: no question").isEmpty();
        fill(null, ANSWERS, Map.of("goals", secret), "municipality", "leadership");
        click(By.id("continue"));
        assertThat(text("main")).contains(secret);
        click(By.id("cancel"));
        assertThat(text("h1")).isEqualTo(message("en", "declined"));

        // a hand-made request that skips the consent is sent back to it
        HttpForm form = HttpForm.open(port, "/q/" + token + "?lang=en", null);
        HttpResponse<String> sneaky = form.post("/q/" + token, fields(Map.of("step", "send", "consent", "no",
                "notice", form.field("notice"), "c_goals", secret, "a_goals", "2", "orgType", "municipality",
                "actorLevel", "leadership")));
        assertThat(sneaky.body()).contains("name=\"consent\"").doesNotContain("withdrawal-code");

        assertThat(positions.head()).as("no event was recorded").isEqualTo(head);
        assertThat(filesContaining(secret)).as("the typed comment is nowhere in the data folder").isEmpty();
        assertSelfAssessments(profile("east"), "goals", 0, null);
    }

    @Test
    void aResentFormIsReceivedOnceAndItsCodeNotShownAgain() {
        browser();
        String token = openQuestionnaire(List.of("resend"), "open", false);
        driver.get(base() + "/q/" + token + "?lang=sv");
        consent(true);
        fill(null, ANSWERS, Map.of(), "ngo", "coordination");
        click(By.id("continue"));
        // the fields the browser posts when send is pressed: a reload of the thank-you page posts them again
        List<List<String>> sent = js("return Array.from(new FormData(document.getElementById('qform')))"
                + ".concat([['step', 'send']]);");
        assertThat(sent).anySatisfy(f -> assertThat(f).first().isEqualTo("sid"));
        click(By.id("send"));
        String code = driver.findElement(By.id("withdrawal-code")).getText();
        assertSelfAssessments(profile("resend"), "trust", 1, 2.5);
        long head = positions.head();

        for (int again = 0; again < 2; again++) {
            WebElement page = driver.findElement(By.tagName("main"));
            ((JavascriptExecutor) driver).executeScript("const f = document.createElement('form');"
                    + "f.method = 'post'; f.action = arguments[0];"
                    + "for (const [k, v] of arguments[1]) { const i = document.createElement('input');"
                    + "i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }"
                    + "document.body.appendChild(f); f.submit();", "/q/" + token, sent);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(Browser.replaced(page));
            assertThat(lang()).isEqualTo("sv");
            assertThat(text("h1")).isEqualTo("Dina svar har redan tagits emot");
            assertThat(driver.findElements(By.id("withdrawal-code"))).isEmpty();
            assertThat(driver.getPageSource()).doesNotContain(code);
            assertThat(positions.head()).as("nothing stored again").isEqualTo(head);
        }
        assertSelfAssessments(profile("resend"), "trust", 1, 2.5);

        // a new visit is a new form: it answers anew
        driver.get(base() + "/q/" + token + "?lang=fi");
        consent(true);
        fill(null, ANSWERS, Map.of(), "ngo", "coordination");
        click(By.id("continue"));
        click(By.id("send"));
        assertThat(driver.findElement(By.id("withdrawal-code")).getText()).isNotBlank().isNotEqualTo(code);
        assertSelfAssessments(profile("resend"), "trust", 2, 2.5);
    }

    @Test
    void aSendWithoutTheServersSubmissionIdStoresNothing() {
        String token = openQuestionnaire(List.of("resend"), "open", false);
        HttpForm form = HttpForm.open(port, "/q/" + token + "?lang=en", "192.0.2.77");
        assertThat(form.field("sid")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        Map<String, String> answer = new LinkedHashMap<>(Map.of("step", "send", "consent", "yes",
                "notice", form.field("notice"), "lang", "en", "orgType", "ngo", "actorLevel", "operations"));
        ANSWERS.forEach((k, v) -> answer.put("a_" + k, v));
        long head = positions.head();
        for (String sid : List.of("", "not-a-uuid", form.field("sid").toUpperCase(), "../../etc",
                UUID.nameUUIDFromBytes(new byte[1]).toString())) {
            answer.put("sid", sid);
            HttpResponse<String> refused = form.post("/q/" + token, fields(answer));
            assertThat(refused.statusCode()).as(sid).isEqualTo(422);
            assertThat(refused.body()).contains("The form was not recognised").doesNotContain("withdrawal-code");
            if (!sid.isEmpty()) {
                assertThat(refused.body()).as("a sent id is not taken up").doesNotContain("value=\"" + sid + "\"");
            }
        }
        assertThat(positions.head()).isEqualTo(head);
    }

    @Test
    void aClosedQuestionnaireTakesNoMoreAnswers() {
        browser();
        String token = openQuestionnaire(List.of("closing"), "open", false);
        String id = lastQuestionnaireId;
        driver.get(base() + "/q/" + token + "?lang=sv");
        consent(true);
        fill(null, ANSWERS, Map.of(), "ngo", "coordination");
        click(By.id("continue"));
        // the researcher closes it while the respondent is looking at the summary
        ApiClient.Response closed = admin.post(S + "/questionnaires/" + id + "/close", "{}");
        ok(closed);
        long head = positions.head();
        click(By.id("send"));
        assertThat(text("h1")).isEqualTo(message("sv", "closed"));
        assertThat(lang()).isEqualTo("sv");
        assertThat(positions.head()).isEqualTo(head);
        // the form reads the questionnaire from the read model: once that has the closing, a new visit says so too
        caughtUp(id);
        driver.get(base() + "/q/" + token + "?lang=fi");
        assertThat(text("h1")).isEqualTo(message("fi", "closed"));
        assertThat(new ApiClient(port, null, null).get("/q/" + token).status()).isEqualTo(410);
        assertSelfAssessments(profile("closing"), "trust", 0, null);
    }

    @Test
    void anInvitationAnswersThenReviewsAndReplacesAndAfterItsWithdrawalTakesNoOther() {
        browser();
        openQuestionnaire(List.of("invited"), "invited", false);
        List<String> links = invitations(lastQuestionnaireId, 2);
        assertThat(links).hasSize(2).doesNotHaveDuplicates();
        String link = links.get(0);

        driver.get(base() + link + "?lang=en");
        assertThat(driver.findElements(By.cssSelector(".notice-box"))).isEmpty();
        consent(true);
        fill(null, ANSWERS, Map.of(), "parish", "coordination");
        click(By.id("continue"));
        click(By.id("send"));
        assertThat(driver.findElements(By.id("replaced"))).isEmpty();
        assertSelfAssessments(profile("invited"), "trust", 1, 2.5);

        // the second visit shows the answer given (from the read model, once it has it), and sending again replaces it
        caughtUp(lastQuestionnaireId);
        driver.get(base() + link + "?lang=en");
        assertThat(text(".notice-box")).isEqualTo(message("en", "previous"));
        consent(true);
        assertThat(driver.findElement(By.cssSelector("input[name='a_trust'][value='2.5']")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("a_information_sharing_none")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("orgType-parish")).isSelected()).isTrue();
        driver.findElement(By.cssSelector("input[name='a_trust'][value='1']")).click();
        click(By.id("continue"));
        click(By.id("send"));
        assertThat(driver.findElements(By.id("replaced"))).hasSize(1);
        String code = driver.findElement(By.id("withdrawal-code")).getText();
        assertSelfAssessments(profile("invited"), "trust", 1, 1.0);

        // the withdrawal page: the code withdraws the answer, once
        driver.get(base() + "/q/withdraw?lang=fi");
        driver.findElement(By.id("code")).sendKeys(code);
        click(By.id("withdraw"));
        assertThat(text("h1")).isEqualTo(message("fi", "withdrawn"));
        assertSelfAssessments(profile("invited"), "trust", 0, null);
        driver.get(base() + "/q/withdraw?lang=fi");
        driver.findElement(By.id("code")).sendKeys(code);
        click(By.id("withdraw"));
        assertThat(text("#code-error")).isEqualTo(message("fi", "alreadyWithdrawn"));
        assertThat(driver.findElement(By.id("code")).getAttribute("aria-invalid")).isEqualTo("true");

        // the invitation whose answer was withdrawn takes no other
        driver.get(base() + link + "?lang=en");
        consent(true);
        fill(null, ANSWERS, Map.of(), "parish", "coordination");
        click(By.id("continue"));
        long head = positions.head();
        click(By.id("send"));
        assertThat(text("h1")).isEqualTo(message("en", "used"));
        assertThat(positions.head()).isEqualTo(head);

        // the other invitation is still its own
        driver.get(base() + links.get(1) + "?lang=en");
        assertThat(driver.findElements(By.cssSelector(".notice-box"))).isEmpty();
    }

    @Test
    void missingAnswersAreNamedInAnErrorSummaryThatLinksToEachField() {
        browser();
        String token = openQuestionnaire(List.of("north", "south"), "open", true);
        driver.get(base() + "/q/" + token + "?lang=fi");
        click(By.id("continue"));
        // no consent chosen
        assertThat(driver.getTitle()).startsWith("Virhe: ");
        assertThat(links(".error-summary a")).containsExactly("#consent-yes");
        consent(true);
        click(By.id("continue"));
        List<String> hrefs = links(".error-summary a");
        List<String> expected = new ArrayList<>(List.of("#area-north"));
        FRAMEWORK.dimensions().forEach(d -> expected.add("#a_" + d.code() + "_0"));
        expected.addAll(List.of("#orgType-wellbeing_services_county", "#actorLevel-leadership"));
        assertThat(hrefs).containsExactlyElementsOf(expected);
        for (String href : hrefs) {
            assertThat(driver.findElements(By.id(href.substring(1)))).as(href).hasSize(1);
        }
        assertThat(driver.findElement(By.id("dim-trust")).getAttribute("aria-describedby")).isEqualTo("err-trust");
        assertThat(text("#err-trust")).contains("Valitse yksi kuvauksista");
        // the link takes the keyboard to the field
        driver.findElement(By.cssSelector(".error-summary a[href='#a_power_0']")).click();
        assertThat(driver.getCurrentUrl()).endsWith("#a_power_0");

        // everything "cannot say" is not an answer
        fill("south", Map.of(), Map.of(), "other", "operations");
        FRAMEWORK.dimensions().forEach(d -> driver.findElement(By.id("a_" + d.code() + "_none")).click());
        click(By.id("continue"));
        assertThat(links(".error-summary a")).containsExactly("#a_trust_0");
        assertThat(text(".error-summary")).contains("Vastaa ainakin yhteen aiheeseen");
        assertThat(driver.findElement(By.id("area-south")).isSelected()).as("what was chosen stays").isTrue();
    }

    /**
     * The WCAG basics the dashboards are checked for ({@link DashboardTest#A11Y}) on every page of the form, a
     * visible focus on every control the keyboard reaches, the form usable from the keyboard alone, a 320 px wide
     * screen without sideways scrolling, and no console errors (a style or script the CSP refused would be one).
     */
    @Test
    void everyPageIsAccessibleFromTheKeyboardAndOnANarrowScreen() {
        browser();
        String token = openQuestionnaire(List.of("west", "south"), "open", true);
        List<String> problems = new ArrayList<>();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 320, "height", 640,
                "deviceScaleFactor", 1, "mobile", true));
        for (String lang : List.of("fi", "sv", "en")) {
            driver.get(base() + "/q/" + token + "?lang=" + lang);
            check("consent " + lang, problems);
            click(By.id("continue"));
            check("consent error " + lang, problems);
            consent(true);
            check("answers " + lang, problems);
            click(By.id("continue"));
            check("answers errors " + lang, problems);
            fill("west", ANSWERS, Map.of("trust", "pitkä kommentti ".repeat(40)), "company", "operations");
            click(By.id("continue"));
            check("summary " + lang, problems);
            click(By.id("cancel"));
            check("declined " + lang, problems);
            driver.get(base() + "/q/withdraw?lang=" + lang);
            check("withdraw " + lang, problems);
            driver.get(base() + "/q/nothing-opens-this-link?lang=" + lang);
            check("unknown " + lang, problems);
        }
        assertThat(problems).isEmpty();
        assertThat(Browser.consoleErrors(driver).stream().filter(e -> !e.contains("404")).toList()).isEmpty();
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

        // from the keyboard alone: consent, every dimension, the background, continue, send
        driver.get(base() + "/q/" + token + "?lang=en");
        Actions keys = new Actions(driver);
        List<String> unfocused = new ArrayList<>();
        tabTo("consent-yes", keys, unfocused);
        keys.sendKeys(Keys.SPACE).perform();
        tabTo("continue", keys, unfocused);
        WebElement cont = driver.findElement(By.id("continue"));
        keys.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.replaced(cont));
        tabTo("area-west", keys, unfocused);
        keys.sendKeys(Keys.SPACE).perform();
        for (Dimension d : FRAMEWORK.dimensions()) {
            // a radio group is one tab stop; the arrow keys move within it
            tabTo("a_" + d.code() + "_0", keys, unfocused);
            keys.sendKeys(Keys.SPACE).perform();
            keys.sendKeys(Keys.ARROW_DOWN).perform();
        }
        tabTo("orgType-wellbeing_services_county", keys, unfocused);
        keys.sendKeys(Keys.SPACE).perform();
        tabTo("actorLevel-leadership", keys, unfocused);
        keys.sendKeys(Keys.SPACE).perform();
        tabTo("continue", keys, unfocused);
        cont = driver.findElement(By.id("continue"));
        keys.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.replaced(cont));
        assertThat(driver.findElements(By.cssSelector(".error-summary"))).isEmpty();
        assertThat(driver.findElement(By.id("summary-trust")).getText()).isEqualTo(between("trust", 1, 2, "en"));
        tabTo("send", keys, unfocused);
        assertThat(unfocused).as("focus must be visible").isEmpty();
        assertThat(driver.findElement(By.id(FORM_HONEYPOT)).getAttribute("tabindex")).isEqualTo("-1");
    }

    // ------------------------------------------------------------------------------------ without a browser

    /**
     * Burst 200, 200 an hour (the defaults): a workshop of 200 behind one NAT all send at once, the 201st answer
     * from that address is refused with 429 and its answers kept on the page, and another address is not affected.
     */
    @Test
    void aFloodFromOneAddressIsHeldAfterTheBurstWhileAWorkshopBehindOneNatPasses() {
        String token = openQuestionnaire(List.of("flood"), "open", false);
        HttpForm workshop = HttpForm.open(port, "/q/" + token + "?lang=fi", "198.51.100.7");
        Map<String, String> answer = new LinkedHashMap<>(Map.of("step", "send", "consent", "yes",
                "notice", workshop.field("notice"), "lang", "fi", "orgType", "ngo", "actorLevel", "operations"));
        ANSWERS.forEach((k, v) -> answer.put("a_" + k, v));
        for (int i = 0; i < 200; i++) {
            answer.put("sid", UUID.randomUUID().toString()); // each person's form has an id of its own
            HttpResponse<String> sent = workshop.post("/q/" + token, fields(answer));
            assertThat(sent.statusCode()).as("answer " + (i + 1)).isEqualTo(200);
            assertThat(sent.body()).contains("withdrawal-code");
        }
        long head = positions.head();
        HttpResponse<String> refused = workshop.post("/q/" + token, fields(answer));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                s -> assertThat(Long.parseLong(s)).isBetween(1L, 18L));
        assertThat(refused.body()).contains("Verkostasi on tullut liikaa vastauksia")
                .contains("name=\"a_trust\" value=\"2.5\"").doesNotContain("withdrawal-code");
        assertThat(positions.head()).isEqualTo(head);

        HttpForm elsewhere = HttpForm.open(port, "/q/" + token + "?lang=fi", "203.0.113.9");
        answer.put("notice", elsewhere.field("notice"));
        answer.put("sid", elsewhere.field("sid"));
        assertThat(elsewhere.post("/q/" + token, fields(answer)).statusCode()).isEqualTo(200);
        assertSelfAssessments(profile("flood"), "trust", 201, 2.5);
    }

    @Test
    void theHoneypotTheCsrfTokenAndTheSizeLimitStoreNothing() {
        String token = openQuestionnaire(List.of("south"), "open", false);
        HttpForm form = HttpForm.open(port, "/q/" + token + "?lang=en", "192.0.2.44");
        Map<String, String> answer = new LinkedHashMap<>(Map.of("step", "send", "consent", "yes",
                "notice", form.field("notice"), "lang", "en", "orgType", "ngo", "actorLevel", "operations",
                FORM_HONEYPOT, "http://spam.example", "sid", form.field("sid")));
        ANSWERS.forEach((k, v) -> answer.put("a_" + k, v));
        long head = positions.head();

        HttpResponse<String> trapped = form.post("/q/" + token, fields(answer));
        assertThat(trapped.statusCode()).isEqualTo(422);
        assertThat(trapped.body()).contains("were not stored").contains("trap-shown").doesNotContain("withdrawal-code");

        answer.remove(FORM_HONEYPOT);
        HttpResponse<String> noToken = form.postWithout("/q/" + token, fields(answer), "_csrf");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("<html lang=\"en\"").contains("cookies");
        HttpResponse<String> noCookie = HttpForm.open(port, "/q/" + token, "192.0.2.45").withoutCookie()
                .post("/q/" + token, fields(answer));
        assertThat(noCookie.statusCode()).isEqualTo(403);

        HttpResponse<String> large = form.post("/q/" + token, fields(answer) + "&c_trust=" + "x".repeat(400_000));
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).as("no Accept-Language: the first language").contains("Vastaukset ovat liian pitkiä");
        assertThat(positions.head()).isEqualTo(head);

        // and the same request without the trap is stored
        assertThat(form.post("/q/" + token, fields(answer)).body()).contains("withdrawal-code");
        assertThat(positions.head()).isGreaterThan(head);
    }

    @Test
    void theFormIsPublicSessionlessAndUnderTheDashboardsHeaders() {
        String token = openQuestionnaire(List.of("south"), "open", false);
        ApiClient anonymous = new ApiClient(port, null, null);
        ApiClient.Response page = anonymous.get("/q/" + token + "?lang=sv");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"sv\"");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("form-action 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.raw().headers().allValues("Set-Cookie")).isNotEmpty().allMatch(c -> c.startsWith("q-xsrf="))
                .allMatch(c -> c.contains("Path=/q") && c.contains("HttpOnly") && c.contains("SameSite=Strict"));
        assertThat(page.body()).doesNotContain("<script");
        assertThat(anonymous.get("/q/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
        assertThat(anonymous.get("/q/x%2F..").status()).isIn(400, 404);
        assertThat(anonymous.get("/q/withdraw").status()).isEqualTo(200);
        // the API and the dashboards keep their own rules
        assertThat(anonymous.get("/api/v1/studies").status()).isEqualTo(401);
        assertThat(anonymous.get("/ui/studies").status()).isEqualTo(302);
    }

    // ------------------------------------------------------------------------------------ helpers

    static final String FORM_HONEYPOT = "website";
    String lastQuestionnaireId;

    private String openQuestionnaire(List<String> areas, String mode, boolean comments) {
        ApiClient.Response created = admin.post(S + "/questionnaires", "{\"areaIds\":"
                + json(areas) + ",\"waveId\":\"w1\",\"languages\":[\"fi\",\"sv\",\"en\"],\"mode\":\"" + mode
                + "\",\"intro\":" + json(INTRO) + ",\"privacyNotice\":" + json(NOTICE) + ",\"askComments\":"
                + comments + ",\"askOrganisationType\":true,\"askActorLevel\":true}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        lastQuestionnaireId = created.json().path("id").asText();
        String url = created.json().path("url").asText();
        return mode.equals("open") ? url.substring(url.indexOf("/q/") + 3) : null;
    }

    /** Waits until the studies read model, which the form reads questionnaires from, has every event so far. */
    private void caughtUp(String questionnaireId) {
        ok(admin.get(S + "/questionnaires/" + questionnaireId + "?minPosition=" + positions.head()));
    }

    private List<String> invitations(String questionnaireId, int count) {
        ApiClient.Response issued = admin.post(S + "/questionnaires/" + questionnaireId + "/invitations",
                "{\"count\":" + count + "}");
        assertThat(issued.status()).as(issued.toString()).isIn(200, 201);
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("(/q/[A-Za-z0-9_-]+)").matcher(issued.body());
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    private JsonNode profile(String area) {
        ApiClient.Response profile = admin.get(S + "/areas/" + area + "/profile?waveId=w1&minPosition=" + positions.head());
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        return profile.json();
    }

    private static JsonNode dimension(JsonNode profile, String code) {
        for (JsonNode d : profile.path("dimensions")) {
            if (code.equals(d.path("dimension").asText())) {
                return d;
            }
        }
        throw new AssertionError("no dimension " + code + " in " + profile);
    }

    private static void assertSelfAssessments(JsonNode profile, String dimension, int n, Double mean) {
        JsonNode source = dimension(profile, dimension).path("sources").path("selfAssessments");
        assertThat(source.path("n").asInt(0)).as(dimension + " n in " + source).isEqualTo(n);
        if (mean != null) {
            assertThat(source.path("mean").asDouble()).as(dimension + " in " + source).isCloseTo(mean, within(1e-9));
        }
    }

    private void assertTheDimensionsAreTheFrameworks(String lang) {
        List<WebElement> fieldsets = driver.findElements(By.cssSelector("fieldset.dimension"));
        assertThat(fieldsets).hasSize(FRAMEWORK.dimensions().size());
        for (int i = 0; i < fieldsets.size(); i++) {
            Dimension d = FRAMEWORK.dimensions().get(i);
            WebElement fieldset = fieldsets.get(i);
            assertThat(fieldset.findElement(By.tagName("legend")).getText()).isEqualTo(d.labels().in(lang));
            List<String> values = fieldset.findElements(By.cssSelector("input[type=radio]")).stream()
                    .map(e -> e.getAttribute("value")).toList();
            List<String> labels = fieldset.findElements(By.cssSelector(".choice label > span:first-child")).stream()
                    .map(WebElement::getText).toList();
            if (d.code().equals("power")) {
                // the framework's anchors: stages 1 and 2 share "power kept by each actor", credited 2
                assertThat(values).containsExactly("2", "2.5", "3", "none");
                assertThat(labels).containsExactly(descriptor(d, 1, lang), between(d.code(), 2, 3, lang),
                        descriptor(d, 3, lang));
                assertThat(fieldset.findElement(By.cssSelector(".stage-name")).getText())
                        .isEqualTo(FRAMEWORK.stage(1).labels().in(lang) + " / " + FRAMEWORK.stage(2).labels().in(lang));
            } else {
                assertThat(values).containsExactly("1", "1.5", "2", "2.5", "3", "none");
                assertThat(labels).containsExactly(descriptor(d, 1, lang), between(d.code(), 1, 2, lang),
                        descriptor(d, 2, lang), between(d.code(), 2, 3, lang), descriptor(d, 3, lang));
            }
            assertThat(fieldset.findElements(By.tagName("textarea"))).hasSize(1);
        }
    }

    private static String descriptor(Dimension d, int stage, String lang) {
        return d.descriptor(stage).texts().in(lang);
    }

    private static String between(String dimension, int from, int to, String lang) {
        Dimension d = FRAMEWORK.dimension(dimension).orElseThrow();
        String a = descriptor(d, from, lang);
        String b = descriptor(d, to, lang);
        return switch (lang) {
            case "fi" -> "Kuvausten ”" + a + "” ja ”" + b + "” väliltä";
            case "sv" -> "Mellan ”" + a + "” och ”" + b + "”";
            default -> "Between “" + a + "” and “" + b + "”";
        };
    }

    /** A few texts of the form as a respondent reads them, written out here so a wrong bundle is caught. */
    private static String message(String lang, String key) {
        Map<String, Map<String, String>> texts = Map.of(
                "cannot", Map.of("fi", "En osaa sanoa", "sv", "Kan inte säga", "en", "Cannot say"),
                "declined", Map.of("fi", "Mitään ei tallennettu", "sv", "Ingenting sparades", "en", "Nothing was stored"),
                "closed", Map.of("fi", "Tämä kysely on suljettu", "sv", "Den här enkäten är stängd",
                        "en", "This questionnaire is closed"),
                "used", Map.of("en", "This link has already been used"),
                "previous", Map.of("en", "You have answered with this link before. You can look at your answer and "
                        + "send a new one, which replaces the earlier one."),
                "withdrawn", Map.of("fi", "Vastauksesi peruttiin"),
                "alreadyWithdrawn", Map.of("fi", "Tämän koodin vastaukset on jo peruttu."));
        return texts.get(key).get(lang);
    }

    private static Map<String, String> answers() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("trust", "2.5");
        a.put("communication", "3");
        a.put("information_sharing", "none");
        a.put("goals", "2");
        a.put("power", "2");
        a.put("resources", "1.5");
        a.put("accountability", "1");
        a.put("commitment", "3");
        return a;
    }

    private void consent(boolean yes) {
        driver.findElement(By.id(yes ? "consent-yes" : "consent-no")).click();
        click(By.id("continue"));
    }

    private void fill(String area, Map<String, String> answers, Map<String, String> comments, String orgType,
                      String actorLevel) {
        if (area != null) {
            driver.findElement(By.id("area-" + area)).click();
        }
        answers.forEach((d, v) -> driver.findElement(By.cssSelector("input[name='a_" + d + "'][value='" + v + "']"))
                .click());
        comments.forEach((d, c) -> {
            WebElement box = driver.findElement(By.id("c_" + d));
            box.clear();
            box.sendKeys(c);
        });
        driver.findElement(By.id("orgType-" + orgType)).click();
        driver.findElement(By.id("actorLevel-" + actorLevel)).click();
    }

    private void click(By by) {
        WebElement element = driver.findElement(by);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(Browser.replaced(element));
    }

    private void check(String page, List<String> problems) {
        List<String> found = js(DashboardTest.A11Y);
        found.forEach(p -> problems.add(page + ": " + p));
        Boolean fits = js("return document.documentElement.scrollWidth <= window.innerWidth;");
        if (!fits) {
            problems.add(page + ": wider than " + js("return window.innerWidth;") + " px ("
                    + js("return document.documentElement.scrollWidth;") + ")");
        }
    }

    /** Tabs until {@code id} has the focus, noting every focused control whose focus is not visible. */
    private void tabTo(String id, Actions keys, List<String> unfocused) {
        for (int i = 0; i < 60; i++) {
            keys.sendKeys(Keys.TAB).perform();
            Map<String, Object> focus = js("var e = document.activeElement, s = getComputedStyle(e);"
                    + "return {id: e.id, tag: e.tagName, outline: s.outlineStyle, width: s.outlineWidth};");
            if (!"BODY".equals(focus.get("tag")) && ("none".equals(focus.get("outline"))
                    || "0px".equals(focus.get("width")))) {
                unfocused.add(focus.get("tag") + "#" + focus.get("id"));
            }
            if (id.equals(focus.get("id"))) {
                return;
            }
        }
        throw new AssertionError("the keyboard never reached " + id);
    }

    private List<String> links(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("href"))
                .map(h -> h.substring(h.indexOf('#'))).toList();
    }

    private String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private List<Path> filesContaining(String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return indexOf(Files.readAllBytes(f), needle) >= 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void browser() {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        driver = Browser.start();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @SuppressWarnings("unchecked")
    private <T> T js(String script) {
        return (T) ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }

    private static String json(List<String> values) {
        return "[" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
    }

    private static String json(Map<String, String> texts) {
        StringBuilder out = new StringBuilder("{");
        texts.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        return out.append('}').toString();
    }

    private static String fields(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() > 0 ? "&" : "").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    /**
     * The form as a script sees it: the page fetched once for its CSRF cookie and hidden token, then posted to as
     * often as wanted, from one client address ({@code X-Forwarded-For} through the trusted proxy 127.0.0.1).
     */
    record HttpForm(int port, String address, String cookie, String csrf, String page) {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        static HttpForm open(int port, String path, String address) {
            HttpResponse<String> page = send(port, address, null, HttpRequest.newBuilder(uri(port, path)).GET());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("q-xsrf="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).isTrue();
            return new HttpForm(port, address, cookie, csrf.group(1), page.body());
        }

        String field(String name) {
            Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
            assertThat(m.find()).as(name).isTrue();
            return m.group(1);
        }

        HttpForm withoutCookie() {
            return new HttpForm(port, address, null, csrf, page);
        }

        HttpResponse<String> post(String path, String body) {
            return send(port, address, cookie, HttpRequest.newBuilder(uri(port, path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                            + "&" + body)));
        }

        HttpResponse<String> postWithout(String path, String body, String omitted) {
            return send(port, address, cookie, HttpRequest.newBuilder(uri(port, path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private static URI uri(int port, String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private static HttpResponse<String> send(int port, String address, String cookie, HttpRequest.Builder builder) {
            if (address != null) {
                builder.header("X-Forwarded-For", address);
            }
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            try {
                return HTTP.send(builder.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
