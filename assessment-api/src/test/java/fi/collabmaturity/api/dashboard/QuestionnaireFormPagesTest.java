package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.api.questionnaire.InMemoryQuestionnaireForms;
import fi.collabmaturity.api.questionnaire.QuestionnaireForms;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The form's own logic on questionnaires held in memory: a walk-through of every page on a 320 px screen with the
 * accessibility basics (screenshots left in target/screenshots), the refusals the domain can answer that the
 * form's own checks normally forestall (invalid fields, a changed notice), and the language chosen from the
 * questionnaire's own languages. The real questionnaires are QuestionnaireFormTest's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(QuestionnaireFormPagesTest.Fake.class)
class QuestionnaireFormPagesTest {

    static final Path dataDir = TestData.freshFolder("q-pages");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "q-admin");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fake {
        @Bean
        @Primary
        InMemoryQuestionnaireForms inMemoryForms() {
            InMemoryQuestionnaireForms forms = new InMemoryQuestionnaireForms();
            forms.forms.put("open-token-123456", new QuestionnaireForms.Form("s", "q1", "w1", List.of("a1", "a2"),
                    Map.of("a1", "Area one", "a2", "Area two"), List.of("fi", "sv", "en"), true, false,
                    Map.of("fi", "Tervetuloa", "sv", "Välkommen", "en", "Welcome"),
                    Map.of("fi", "Seloste\nToinen rivi", "sv", "Beskrivning", "en", "Notice"), "v1", true, true, true,
                    "keast-mandell-2014", "1.1.0", Optional.empty()));
            forms.forms.put("swedish-or-english", new QuestionnaireForms.Form("s", "q2", "w1", List.of("a1"),
                    Map.of("a1", "Area one"), List.of("sv", "en"), true, false, Map.of(),
                    Map.of("sv", "Beskrivning", "en", "Notice"), "v2", false, false, false,
                    "keast-mandell-2014", "1.1.0", Optional.empty()));
            return forms;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    InMemoryQuestionnaireForms forms;
    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void walkThrough() {
        assumeTrue(Browser.available());
        driver = Browser.start();
        List<String> problems = new ArrayList<>();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 320, "height", 640,
                "deviceScaleFactor", 1, "mobile", true));
        driver.get("http://127.0.0.1:" + port + "/q/open-token-123456?lang=fi");
        shot("consent", problems);
        click(By.id("continue"));
        shot("consent-error", problems);
        driver.findElement(By.id("consent-yes")).click();
        click(By.id("continue"));
        shot("answers", problems);
        click(By.id("continue"));
        shot("answers-errors", problems);
        driver.findElement(By.id("area-a1")).click();
        for (WebElement e : driver.findElements(By.cssSelector("fieldset.dimension"))) {
            e.findElements(By.cssSelector("input[type=radio]")).get(1).click();
        }
        driver.findElement(By.id("c_trust")).sendKeys("Kommentti luottamuksesta");
        driver.findElement(By.id("orgType-ngo")).click();
        driver.findElement(By.id("actorLevel-operations")).click();
        click(By.id("continue"));
        shot("summary", problems);
        click(By.cssSelector("nav.languages button[value='sv']"));
        shot("summary-sv", problems);
        click(By.id("send"));
        shot("thanks", problems);
        assertThat(forms.stored).hasSize(1);
        assertThat(forms.stored.get(0).answers()).containsEntry("power", new java.math.BigDecimal("2.5"));
        String code = driver.findElement(By.id("withdrawal-code")).getText();
        driver.get("http://127.0.0.1:" + port + "/q/withdraw?lang=en");
        shot("withdraw", problems);
        driver.findElement(By.id("code")).sendKeys(code);
        click(By.id("withdraw"));
        shot("withdrawn", problems);
        driver.get("http://127.0.0.1:" + port + "/q/nothing-here-at-all");
        shot("unknown", problems);
        System.out.println("PROBLEMS " + problems);
        System.out.println("CONSOLE " + Browser.consoleErrors(driver));
        assertThat(problems).isEmpty();
    }

    @Test
    void theLanguageIsOneOfTheQuestionnairesOwn() {
        assertThat(get("/q/swedish-or-english", "fi-FI,fi;q=0.9")).contains("<html lang=\"sv\"");
        assertThat(get("/q/swedish-or-english?lang=fi", "fi")).contains("<html lang=\"sv\"")
                .doesNotContain("lang=\"fi\"").contains("value=\"en\"");
        assertThat(get("/q/swedish-or-english", "en-GB,sv;q=0.5")).contains("<html lang=\"en\"");
        assertThat(get("/q/open-token-123456", "sv")).contains("<html lang=\"sv\"");
        assertThat(get("/q/open-token-123456", null)).as("no preference: the first").contains("<html lang=\"fi\"");
        assertThat(get("/q/swedish-or-english", null)).contains("<html lang=\"sv\"");
    }

    @Test
    void theDomainsRefusalsOfFieldsAndOfAChangedNoticeGoBackToTheStepWithTheFieldsNamed() throws Exception {
        forms.refusals.put("open-token-123456", new QuestionnaireForms.Refused("invalid", "bad",
                Map.of("answers.trust", "must be on the scale", "organisationType", "must be one of ...",
                        "comments.goals", "must be at most 4000 characters", "language", "must be one of")));
        int stored = forms.stored.size();
        try {
            String page = send("open-token-123456");
            assertThat(page).contains("href=\"#a_trust_0\"").contains("href=\"#orgType-wellbeing_services_county\"")
                    .contains("href=\"#c_goals\"").contains("href=\"#main\"").contains("Vastauksesi")
                    .contains("value=\"2.5\" checked");
            forms.refusals.put("open-token-123456", new QuestionnaireForms.Refused("stale-notice", "changed"));
            assertThat(send("open-token-123456")).contains("Tietosuojaseloste on muuttunut")
                    .contains("name=\"notice\" value=\"v1\"").doesNotContain("id=\"consent-yes\" name=\"consent\" value=\"yes\" checked");
            forms.refusals.put("open-token-123456", new QuestionnaireForms.Refused("used-invitation", "used"));
            assertThat(send("open-token-123456")).contains("Tätä linkkiä on jo käytetty");
            forms.refusals.put("open-token-123456", new QuestionnaireForms.Refused("already-received", "again"));
            assertThat(send("open-token-123456")).contains("Vastauksesi on jo vastaanotettu")
                    .doesNotContain("withdrawal-code");
            forms.refusals.put("open-token-123456", new QuestionnaireForms.Refused("already-answered", "typed in"));
            assertThat(send("open-token-123456")).contains("Vastauksesi on jo kirjattu");
        } finally {
            forms.refusals.clear();
        }
        assertThat(forms.stored).hasSize(stored);
    }

    /** The whole form sent in one post, with the CSRF cookie and token a first visit gave. */
    private String send(String token) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var first = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/q/" + token + "?lang=fi")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(first.body());
        assertThat(m.find()).isTrue();
        var sid = java.util.regex.Pattern.compile("name=\"sid\" value=\"([^\"]+)\"").matcher(first.body());
        assertThat(sid.find()).as("the form starts with a submission id").isTrue();
        StringBuilder body = new StringBuilder("_csrf=" + m.group(1) + "&sid=" + sid.group(1)
                + "&lang=fi&step=send&consent=yes&notice=v1&area=a1&orgType=ngo&actorLevel=operations");
        for (String d : List.of("trust", "communication", "information_sharing", "goals", "power", "resources",
                "accountability", "commitment")) {
            body.append("&a_").append(d).append("=2.5");
        }
        var sent = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + "/q/" + token)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isIn(200, 404, 409, 410, 422);
        return sent.body();
    }

    private String get(String path, String acceptLanguage) {
        try {
            var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path));
            if (acceptLanguage != null) {
                builder.header("Accept-Language", acceptLanguage);
            }
            var response = java.net.http.HttpClient.newHttpClient().send(builder.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void click(By by) {
        WebElement element = driver.findElement(by);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(Browser.replaced(element));
    }

    private void shot(String name, List<String> problems) {
        Number height = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 320, "height",
                Math.min(1000, height.intValue()), "deviceScaleFactor", 1, "mobile", true));
        Browser.screenshot(driver, "q-" + name);
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) ((JavascriptExecutor) driver).executeScript(DashboardTest.A11Y);
        found.forEach(p -> problems.add(name + ": " + p));
        Boolean fits = (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        if (!fits) {
            problems.add(name + ": too wide");
        }
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 320, "height", 640,
                "deviceScaleFactor", 1, "mobile", true));
    }
}
