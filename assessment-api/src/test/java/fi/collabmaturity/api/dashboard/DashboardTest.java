package fi.collabmaturity.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.questionnaire.IssueInvitations;
import fi.collabmaturity.questionnaire.OpenQuestionnaire;
import fi.collabmaturity.questionnaire.QuestionnaireTokens;
import fi.collabmaturity.questionnaire.SubmitQuestionnaireAnswer;
import fi.collabmaturity.questionnaire.WithdrawQuestionnaireAnswer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboards on the demo study, in a real browser (Debian's headless Chromium) against the running
 * application: sign-in, the heatmap, an area's charts and tables against the numbers of the API, the
 * questionnaires' responses and response rates on the overview and an area's page, the language
 * switch, what a viewer may see, 404 for a non-member, keyboard reach and visible focus, and no console errors on
 * any page in any language. Screenshots are left under target/screenshots/ for a person to look at.
 * The HTTP-level checks (redirects, CSRF, 404, the API chain unchanged) run without a browser; the browser checks
 * are skipped, by assumption, only where /usr/bin/chromium or /usr/bin/chromedriver is missing.
 */
@org.springframework.context.annotation.Import(fi.collabmaturity.api.support.SlowClock.Configuration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardTest {

    static final Path dataDir = TestData.freshFolder("dashboards");
    static final String STUDY = "lapland-demo";
    /** The demo's four areas and one registered here without any evidence, so that "insufficient" is seen. */
    static final List<String> AREAS = List.of("employment", "hyte", "integration", "preparedness", "tornio-rdi");
    static final List<String> DIMENSIONS = List.of("trust", "communication", "information_sharing", "goals",
            "power", "resources", "accountability", "commitment");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "dash-admin");
        registry.add("assessment.demo", () -> "true");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    @Autowired
    CommandGateway commands;
    @Autowired
    ReadYourWrites readYourWrites;

    ApiClient admin;
    ChromeDriver driver;

    @BeforeEach
    void accountsAndProjections() {
        admin = new ApiClient(port, "admin", "dash-admin");
        // a viewer who is a member of the demo study, and a researcher who is not
        if (admin.get("/api/v1/accounts?size=500").body().contains("\"vera\"")) {
            return;
        }
        assertThat(admin.post("/api/v1/accounts",
                "{\"username\":\"vera\",\"password\":\"vera-pass-123\",\"roles\":[\"VIEWER\"]}").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/accounts",
                "{\"username\":\"otto\",\"password\":\"otto-pass-123\",\"roles\":[\"RESEARCHER\"]}").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/accounts",
                "{\"username\":\"lotta\",\"password\":\"lotta-pass-123\",\"roles\":[\"VIEWER\"]}").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/studies/" + STUDY + "/members",
                "{\"username\":\"vera\",\"role\":\"VIEWER\"}").status()).isIn(200, 201);
        assertThat(admin.post("/api/v1/studies/" + STUDY + "/areas", "{\"id\":\"tornio-rdi\",\"name\":\"Tornio · TKI\","
                + "\"regionCode\":\"21\",\"interfaceTheme\":\"rdi\","
                + "\"parties\":[{\"type\":\"municipality\",\"name\":\"Tornion kaupunki\"}]}").status()).isEqualTo(201);
        questionnaires();
        // the pages read the read models: wait until they have every event of the demo study and the accounts
        assertThat(admin.get("/api/v1/studies/" + STUDY + "/overview?waveId=w2025&minPosition=" + positions.head())
                .status()).isEqualTo(200);
        readYourWrites.await(positions.head(), List.of("studies"));
    }

    /**
     * Two questionnaires of wave 2025, sent as the public form sends them: one by invitation over hyte and employment
     * (5 invitations, answered twice, once per area: a rate of 40 %), one by an open link over hyte (answered once:
     * a count, no rate; a second answer there is withdrawn by its respondent).
     */
    private void questionnaires() {
        Map<String, String> notice = Map.of("fi", "Tietosuojaseloste.");
        String version = QuestionnaireTokens.noticeVersion(notice);
        commands.sendAndWait(new OpenQuestionnaire("q-invited", STUDY, List.of("hyte", "employment"), "w2025",
                List.of("fi"), "invited", null, Map.of(), notice, false, false, false, null));
        List<String> invitations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            invitations.add(QuestionnaireTokens.newToken());
        }
        commands.sendAndWait(new IssueInvitations("q-invited", STUDY,
                invitations.stream().map(QuestionnaireTokens::hash).toList()));
        answer("q-invited", invitations.get(0), "hyte", version);
        answer("q-invited", invitations.get(1), "employment", version);
        String link = QuestionnaireTokens.newToken();
        commands.sendAndWait(new OpenQuestionnaire("q-open", STUDY, List.of("hyte"), "w2025", List.of("fi"), "open",
                null, Map.of(), notice, false, false, false, QuestionnaireTokens.hash(link)));
        answer("q-open", link, "hyte", version);
        // a second answer on the open link, withdrawn by its respondent: no longer a response, counted as withdrawn
        String code = answer("q-open", link, "hyte", version);
        commands.sendAndWait(new WithdrawQuestionnaireAnswer(STUDY, "q-open", QuestionnaireTokens.hash(code)));
    }

    private int answersSent;

    /** Sends one answer through a link; returns its withdrawal code. */
    private String answer(String questionnaireId, String token, String areaId, String noticeVersion) {
        String code = QuestionnaireTokens.newToken();
        commands.sendAndWait(new SubmitQuestionnaireAnswer(STUDY, questionnaireId, QuestionnaireTokens.hash(token),
                "sa-" + questionnaireId + "-" + areaId + "-" + (++answersSent), QuestionnaireTokens.hash(code),
                true, noticeVersion, "fi", areaId, Map.of("trust", new BigDecimal("2.0")), Map.of(), null, null));
        return code;
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    // ---------------------------------------------------------------- without a browser

    @Test
    void aBrowserWithoutSessionIsSentToTheLoginFormWhileTheApiStillAnswers401() {
        ApiClient anonymous = new ApiClient(port, null, null);
        ApiClient.Response page = anonymous.get("/ui/studies/" + STUDY);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(anonymous.get("/").header("Location")).endsWith("/login");
        ApiClient.Response api = anonymous.get("/api/v1/studies");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.header("Set-Cookie")).as("the API stays stateless").isNull();
        assertThat(anonymous.get("/login").status()).isEqualTo(200);
        assertThat(anonymous.get("/ui/assets/dashboard.css").status()).isEqualTo(200);
        assertThat(anonymous.get("/webjars/chart.js/4.4.9/dist/chart.umd.js").status()).isEqualTo(200);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        ApiClient anonymous = new ApiClient(port, null, null);
        ApiClient.Response post = anonymous.send("POST", "/login", "application/x-www-form-urlencoded",
                "username=admin&password=dash-admin");
        assertThat(post.status()).isEqualTo(403);
    }

    @Test
    void basicCredentialsAreAcceptedOnThePagesAndANonMemberGets404() {
        assertThat(admin.get("/").header("Location")).as("one visible study: / is its overview")
                .endsWith("/ui/studies/" + STUDY);
        assertThat(admin.get("/ui/studies/" + STUDY).status()).isEqualTo(200);
        ApiClient otto = admin.as("otto", "otto-pass-123");
        for (String path : List.of("", "/areas/hyte", "/situation", "/reliability")) {
            ApiClient.Response page = otto.get("/ui/studies/" + STUDY + path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).doesNotContain("Lapland").doesNotContain("Lappi");
        }
        assertThat(otto.get("/api/v1/studies/" + STUDY).status()).as("the same rule as the API").isEqualTo(404);
        assertThat(admin.get("/ui/studies/" + STUDY + "/areas/nowhere").status()).isEqualTo(404);
        assertThat(admin.get("/ui/studies/" + STUDY + "?waveId=w1999").status()).isEqualTo(404);
    }

    @Test
    void theHeatmapCarriesTheApiNumbersAndStageNamesInEveryCell() {
        JsonNode overview = admin.get("/api/v1/studies/" + STUDY + "/overview?waveId=w2024").json();
        String html = admin.get("/ui/studies/" + STUDY + "?waveId=w2024&lang=en").body();
        for (JsonNode area : overview.path("areas")) {
            for (String dimension : DIMENSIONS) {
                JsonNode cell = area.path("dimensions").path(dimension);
                String marker = "data-dimension=\"" + dimension + "\"";
                assertThat(html).contains(marker);
                if (cell.path("score").isNumber()) {
                    assertThat(html).contains("data-score=\"" + cell.path("score").asText() + "\"");
                }
            }
        }
    }

    @Test
    void theOverviewShowsEachQuestionnairesResponsesAndTheRateOfInvitedOnes() {
        String html = admin.get("/ui/studies/" + STUDY + "?waveId=w2025").body();
        assertThat(row(html, "q-invited")).contains("data-mode=\"invited\"", "data-responses=\"2\"",
                "data-invitations=\"5\"", "data-rate=\"0.4\"", "<td class=\"rate\">40\u00a0%</td>",
                "<td class=\"responses\">2</td>", "<td class=\"invitations\">5</td>",
                "<td class=\"withdrawn\">0</td>", "avoinna",
                "Lappi · HYTE, Lappi · työllisyys");
        // an open link has no denominator: its count, and no rate
        assertThat(row(html, "q-open")).contains("data-mode=\"open\"", "data-responses=\"1\"",
                "<td class=\"rate\">ei prosenttia (avoin linkki)</td>", "<td class=\"invitations\">–</td>",
                "<td class=\"withdrawn\">1</td>")
                .doesNotContain("data-invitations").doesNotContain("data-rate");
        assertThat(html).contains("<caption id=\"questionnaires-caption\">Kyselyt, mittauskierros 2025 syksy: vastaukset ja "
                + "vastausprosentit</caption>");
        assertThat(row(admin.get("/ui/studies/" + STUDY + "?waveId=w2025&lang=en").body(), "q-invited"))
                .contains("<td class=\"rate\">40%</td>", "invitations");
        assertThat(admin.get("/ui/studies/" + STUDY + "?waveId=w2025&lang=sv").body())
                .contains("Svarsfrekvens", "40\u00a0%");
        // another wave has none of them
        String w2024 = admin.get("/ui/studies/" + STUDY + "?waveId=w2024").body();
        assertThat(w2024).contains("id=\"questionnaires-none\"").doesNotContain("data-questionnaire=");
    }

    @Test
    void anAreasPageShowsItsQuestionnairesWithItsOwnResponsesBesideTheQuestionnairesRate() {
        String hyte = admin.get("/ui/studies/" + STUDY + "/areas/hyte?waveId=w2025").body();
        assertThat(row(hyte, "q-invited")).contains("data-responses-here=\"1\"", "data-responses=\"2\"",
                "<td class=\"responses-here\">1</td>", "<td class=\"rate\">40\u00a0%</td>");
        assertThat(row(hyte, "q-open")).contains("data-responses-here=\"1\"", "data-responses=\"1\"");
        String employment = admin.get("/ui/studies/" + STUDY + "/areas/employment?waveId=w2025").body();
        assertThat(row(employment, "q-invited")).contains("data-responses-here=\"1\"");
        assertThat(employment).doesNotContain("data-questionnaire=\"q-open\"");
        assertThat(admin.get("/ui/studies/" + STUDY + "/areas/integration?waveId=w2025").body())
                .contains("id=\"questionnaires-none\"");
        // a viewer sees the counts: they are aggregates, not personal data
        assertThat(admin.as("vera", "vera-pass-123").get("/ui/studies/" + STUDY + "/areas/hyte?waveId=w2025")
                .body()).contains("data-questionnaire=\"q-invited\"");
    }

    @Test
    void theQuestionnairesTableIsReadableInTheBrowserAndReachableByKeyboard() {
        browser();
        signInAt("/ui/studies/" + STUDY + "?lang=en", "admin", "dash-admin");
        WebElement invited = driver.findElement(By.cssSelector("#questionnaire-table tr[data-questionnaire='q-invited']"));
        assertThat(invited.getText()).contains("q-invited", "Lappi · HYTE, Lappi · työllisyys", "invitations", "open",
                "2", "5", "40%");
        assertThat(driver.findElement(By.cssSelector("#questionnaire-table tr[data-questionnaire='q-open'] td.rate"))
                .getText()).isEqualTo("no rate (open link)");
        // the scrolling region around the table takes the focus, so a keyboard can scroll a narrow screen
        WebElement region = driver.findElement(By.cssSelector("#questionnaires .table-scroll"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", region);
        assertThat(driver.switchTo().activeElement()).isEqualTo(region);
        assertThat(region.getAttribute("aria-labelledby")).isEqualTo("questionnaires-caption");
        assertThat((List<String>) js(A11Y)).isEmpty();
        fullPageScreenshot("overview-questionnaires-en");
    }

    /** The table row of one questionnaire in a page. */
    private static String row(String html, String questionnaireId) {
        int start = html.indexOf("data-questionnaire=\"" + questionnaireId + "\"");
        assertThat(start).as("a row for " + questionnaireId).isNotNegative();
        int open = html.lastIndexOf("<tr", start);
        return html.substring(open, html.indexOf("</tr>", start));
    }

    // ---------------------------------------------------------------- in the browser

    @Test
    void signInAndTheOverviewHeatmapMatchesTheApi() {
        browser();
        driver.get(base() + "/");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        signIn("admin", "dash-admin");
        assertThat(driver.getCurrentUrl()).endsWith("/ui/studies/" + STUDY);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fi");

        JsonNode overview = admin.get("/api/v1/studies/" + STUDY + "/overview?waveId=w2025").json();
        JsonNode framework = admin.get("/api/v1/frameworks/keast-mandell-2014").json();
        List<String> finnishStages = new ArrayList<>();
        framework.path("stages").forEach(s -> finnishStages.add(s.path("labels").path("fi").asText()));
        List<WebElement> rows = driver.findElements(By.cssSelector("#heatmap tbody tr"));
        assertThat(rows).hasSize(overview.path("areas").size()).hasSize(AREAS.size());
        for (JsonNode area : overview.path("areas")) {
            WebElement row = driver.findElement(By.cssSelector("#heatmap tr[data-area='" + area.path("areaId").asText() + "']"));
            assertThat(row.findElement(By.cssSelector("a.area-link")).getText()).isEqualTo(area.path("name").asText());
            for (String dimension : DIMENSIONS) {
                JsonNode expected = area.path("dimensions").path(dimension);
                WebElement cell = row.findElement(By.cssSelector("td[data-dimension='" + dimension + "']"));
                String stageName = cell.findElement(By.className("stage-name")).getText();
                if (expected.path("score").isNumber()) {
                    assertThat(Double.parseDouble(cell.getAttribute("data-score")))
                            .isCloseTo(expected.path("score").asDouble(), within(1e-9));
                    assertThat(cell.getAttribute("data-stage")).isEqualTo(expected.path("stage").asText());
                    // the stage the API reports, a range (power's own power) named by all of its stages
                    JsonNode range = expected.path("stageRange");
                    assertThat(stageName).isEqualTo(String.join(" / ", finnishStages.subList(
                            range.path("from").asInt() - 1, range.path("to").asInt())));
                    assertThat(cell.findElement(By.className("stage-mark")).getText()).isEqualTo(
                            range.path("from").asInt() == range.path("to").asInt() ? range.path("from").asText()
                                    : range.path("from").asText() + "–" + range.path("to").asText());
                    // the score on hover, with a decimal comma in Finnish
                    assertThat(cell.getAttribute("title")).contains(stageName)
                            .contains(String.format("%.3f", expected.path("score").asDouble()).replace('.', ','));
                } else {
                    assertThat(cell.getAttribute("data-stage")).isEqualTo("insufficient");
                    assertThat(stageName).isEqualTo("riittämätön näyttö");
                }
            }
        }
        // the area without evidence: insufficient in every cell, in words, and no number
        WebElement empty = driver.findElement(By.cssSelector("#heatmap tr[data-area='tornio-rdi']"));
        assertThat(empty.findElements(By.cssSelector("td[data-stage='insufficient']"))).hasSize(9);
        assertThat(empty.findElements(By.cssSelector(".score"))).isEmpty();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
        screenshot("overview-fi");

        // the filters: an interface theme narrows the heatmap to its areas
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("theme"))).selectByValue("hyte");
        WebElement before = driver.findElement(By.id("heatmap"));
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        // the filtered page replaces this one: wait for the old table to go before counting rows
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.replaced(before));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("heatmap")));
        assertThat(driver.findElements(By.cssSelector("#heatmap tbody tr"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("#heatmap tbody tr")).getAttribute("data-area")).isEqualTo("hyte");

        // signing out ends the session: the pages ask for a sign-in again
        driver.findElement(By.cssSelector("form.logout button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(driver.getCurrentUrl()).endsWith("/login?logout");
        driver.get(base() + "/ui/studies/" + STUDY);
        assertThat(driver.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void anAreaWithoutEvidenceSaysSoInsteadOfShowingNumbers() {
        browser();
        signInAt("/ui/studies/" + STUDY + "/areas/tornio-rdi?lang=en", "admin", "dash-admin");
        waitForCharts();
        List<Object> radarNow = js("return Chart.getChart('radar-chart').data.datasets[0].data;");
        assertThat(radarNow).hasSize(8).containsOnlyNulls();
        assertThat(driver.findElement(By.id("overall")).getText()).isEqualTo("insufficient evidence");
        assertThat(driver.findElement(By.id("radar-table")).getText()).contains("insufficient evidence");
        assertThat(driver.findElements(By.cssSelector("#path-steps li"))).isEmpty();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    /**
     * WCAG 2.1 AA basics on every page, checked in the rendered page (axe-core is not on Maven Central in a
     * version that resolves here, so the checks that matter most are written out): the language, one h1, a
     * skip link, a label for every control, captions and header scopes in every table, a text alternative for
     * every chart, unique ids, and text contrast of at least 4.5:1 (3:1 for large text) against the background
     * actually behind it.
     */
    @Test
    void everyPageMeetsTheAccessibilityBasics() {
        browser();
        driver.get(base() + "/login");
        List<String> problems = new ArrayList<>(js(A11Y));
        signIn("admin", "dash-admin");
        for (String page : List.of("/ui/studies", "/ui/studies/" + STUDY, "/ui/studies/" + STUDY + "/areas/hyte",
                "/ui/studies/" + STUDY + "/areas/tornio-rdi", "/ui/studies/" + STUDY + "/situation",
                "/ui/studies/" + STUDY + "/reliability")) {
            driver.get(base() + page);
            driver.findElements(By.cssSelector("details:not([open]) > summary")).forEach(WebElement::click);
            if (page.endsWith(STUDY) || page.endsWith("/areas/hyte")) {
                // the questionnaires' table is among what is checked
                assertThat(driver.findElements(By.cssSelector("#questionnaire-table tbody tr"))).as(page).hasSize(2);
            }
            List<String> found = js(A11Y);
            found.forEach(p -> problems.add(page + ": " + p));
        }
        assertThat(problems).isEmpty();

        // the checker itself finds what it should: pale grey text on white, an unlabelled control
        ((JavascriptExecutor) driver).executeScript("var p = document.createElement('p'); p.style.color = '#bbb';"
                + "p.textContent = 'pale'; document.querySelector('main').appendChild(p);"
                + "var i = document.createElement('input'); i.id = 'unlabelled'; document.querySelector('main').appendChild(i);");
        List<String> control = js(A11Y);
        assertThat(control).anyMatch(p -> p.startsWith("contrast") && p.contains("pale"))
                .anyMatch(p -> p.equals("no label for unlabelled"));
    }

    static final String A11Y = """
            var problems = [];
            var html = document.documentElement;
            if (!/^(fi|sv|en)$/.test(html.lang)) problems.push('html lang ' + html.lang);
            if (document.querySelectorAll('h1').length !== 1) problems.push('h1 count');
            if (!document.title.trim()) problems.push('no title');
            document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(function (c) {
              var label = c.id && document.querySelector('label[for="' + c.id + '"]');
              if (!label && !c.getAttribute('aria-label')) problems.push('no label for ' + (c.id || c.name));
            });
            document.querySelectorAll('table').forEach(function (t) {
              if (!t.querySelector('caption')) problems.push('table without caption ' + t.id);
              t.querySelectorAll('th').forEach(function (th) {
                if (!th.getAttribute('scope')) problems.push('th without scope in ' + t.id + ': ' + th.textContent.trim());
              });
            });
            document.querySelectorAll('canvas').forEach(function (c) {
              if (c.getAttribute('role') !== 'img' || !c.getAttribute('aria-label')) problems.push('chart without text ' + c.id);
            });
            var ids = {};
            document.querySelectorAll('[id]').forEach(function (e) {
              if (ids[e.id]) problems.push('duplicate id ' + e.id);
              ids[e.id] = true;
            });
            document.querySelectorAll('a, button').forEach(function (e) {
              if (!e.textContent.trim() && !e.getAttribute('aria-label')) problems.push('unnamed ' + e.outerHTML);
            });
            function rgb(s) { var m = s.match(/[\\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; }
            function lum(c) {
              var a = c.slice(0, 3).map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2];
            }
            function background(e) {
              for (; e; e = e.parentElement) {
                var c = rgb(getComputedStyle(e).backgroundColor);
                if (c.length < 4 || c[3] > 0) return c;
              }
              return [255, 255, 255];
            }
            document.querySelectorAll('body *').forEach(function (e) {
              var own = Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
              if (!own || e.closest('script, style, .skip-link') || !e.getClientRects().length) return;
              var s = getComputedStyle(e);
              var l1 = lum(rgb(s.color)), l2 = lum(background(e));
              var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              var size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
              var needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
              if (ratio < needed) problems.push('contrast ' + ratio.toFixed(2) + ' of ' + e.tagName + ' "' + e.textContent.trim().slice(0, 30) + '"');
            });
            return problems;
            """;

    @Test
    void theAreaPageChartsAndTablesShowTheNumbersOfTheApi() {
        browser();
        signInAt("/ui/studies/" + STUDY + "/areas/hyte?waveId=w2025", "admin", "dash-admin");
        JsonNode profile = admin.get("/api/v1/studies/" + STUDY + "/areas/hyte/profile?waveId=w2025").json();
        JsonNode previous = admin.get("/api/v1/studies/" + STUDY + "/areas/hyte/profile?waveId=w2024").json();
        JsonNode path = admin.get("/api/v1/studies/" + STUDY + "/areas/hyte/path?waveId=w2025&lang=fi").json();
        JsonNode trajectory = admin.get("/api/v1/studies/" + STUDY + "/areas/hyte/trajectory").json();

        waitForCharts();
        List<Object> radarNow = js("return Chart.getChart('radar-chart').data.datasets[0].data;");
        List<Object> radarBefore = js("return Chart.getChart('radar-chart').data.datasets[1].data;");
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            assertNumber(radarNow.get(i), profile.path("dimensions").get(i).path("score"));
            assertNumber(radarBefore.get(i), previous.path("dimensions").get(i).path("score"));
        }
        // text alternatives: a data table for the radar and one for the trend lines
        assertThat(driver.findElements(By.cssSelector("#radar-table tbody tr"))).hasSize(8);
        assertThat(driver.findElements(By.cssSelector("#trend-table tbody tr"))).hasSize(8);
        for (WebElement canvas : driver.findElements(By.cssSelector("canvas[data-chart]"))) {
            assertThat(canvas.getAttribute("role")).isEqualTo("img");
            assertThat(canvas.getAttribute("aria-label")).isNotBlank();
        }
        // the trend lines: one chart per dimension, its points the trajectory's scores wave by wave
        for (int d = 0; d < DIMENSIONS.size(); d++) {
            List<Object> line = js("return Chart.getChart('trend-" + DIMENSIONS.get(d) + "').data.datasets[2].data;");
            JsonNode points = trajectory.path("dimensions").get(d).path("points");
            assertThat(line).hasSize(points.size());
            for (int w = 0; w < points.size(); w++) {
                assertNumber(line.get(w), points.get(w).path("score"));
            }
        }
        // the maturity path: the API's steps in order, with the framework's Finnish descriptors
        List<WebElement> steps = driver.findElements(By.cssSelector("#path-steps > li"));
        assertThat(steps).hasSize(path.path("targets").size());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode target = path.path("targets").get(i);
            assertThat(steps.get(i).getAttribute("data-dimension")).isEqualTo(target.path("dimension").asText());
            assertThat(steps.get(i).getText()).contains(target.path("step").path("from").path("descriptor").asText())
                    .contains(target.path("step").path("to").path("descriptor").asText());
        }
        // triangulation: every dimension, divergent ones marked in words
        for (JsonNode dimension : profile.path("dimensions")) {
            WebElement row = driver.findElement(By.cssSelector("#triangulation tr[data-dimension='"
                    + dimension.path("dimension").asText() + "']"));
            assertThat(row.getAttribute("data-divergent")).isEqualTo(dimension.path("divergent").asText());
            assertThat(row.getText().contains("poikkeava")).isEqualTo(dimension.path("divergent").asBoolean());
            assertThat(row.getText()).contains("n = " + dimension.path("sources").path("selfAssessments").path("n").asInt());
        }
        // an admin sees the findings behind the scores, excerpts included
        assertThat(driver.findElements(By.cssSelector(".finding"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".excerpt"))).isNotEmpty();
        // no target has been chosen for the demo's areas: the page says the target is the default
        WebElement target = driver.findElement(By.id("target-profile"));
        assertThat(target.getAttribute("data-default")).isEqualTo("true");
        assertThat(target.getText()).startsWith("Oletustavoite: Strateginen yhteistyö ja kumppanuus");
        // dates in Finnish format
        assertThat(driver.findElement(By.id("milestones")).getText()).contains("1.9.2023");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
        fullPageScreenshot("area-hyte-fi");
    }

    @Test
    void switchingToSwedishShowsTheFrameworkDescriptorsInSwedish() {
        browser();
        signInAt("/ui/studies/" + STUDY + "/areas/hyte?waveId=w2025", "admin", "dash-admin");
        driver.findElement(By.cssSelector("nav.languages a[lang='sv']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "sv".equals(
                d.findElement(By.tagName("html")).getAttribute("lang")));
        waitForCharts();
        JsonNode path = admin.get("/api/v1/studies/" + STUDY + "/areas/hyte/path?waveId=w2025&lang=sv").json();
        JsonNode finnish = admin.get("/api/v1/studies/" + STUDY + "/areas/hyte/path?waveId=w2025&lang=fi").json();
        String steps = driver.findElement(By.id("path-steps")).getText();
        for (JsonNode target : path.path("targets")) {
            assertThat(steps).contains(target.path("step").path("to").path("descriptor").asText());
        }
        assertThat(steps).doesNotContain(finnish.path("targets").get(0).path("step").path("to").path("descriptor").asText());
        // the profile table names what each current stage means, in Swedish: the path's "from" descriptors
        String profileTable = driver.findElement(By.id("radar-table")).getText();
        for (JsonNode target : path.path("targets")) {
            assertThat(profileTable).contains(target.path("step").path("from").path("descriptor").asText());
        }
        assertThat(driver.findElement(By.id("findings-h")).getText()).isEqualTo("Iakttagelser");
        waitForCharts();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
        fullPageScreenshot("area-hyte-sv");

        // the choice is remembered by a cookie: the next page is in Swedish without ?lang
        driver.get(base() + "/ui/studies/" + STUDY);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).startsWith("Översikt");

        // English keeps ISO dates
        driver.get(base() + "/ui/studies/" + STUDY + "/areas/hyte?lang=en");
        assertThat(driver.findElement(By.id("milestones")).getText()).contains("2023-09-01");
    }

    @Test
    void aViewerSeesTheScoresButNoExcerptsOrCodes() {
        browser();
        signInAt("/ui/studies/" + STUDY + "/areas/hyte?waveId=w2025", "vera", "vera-pass-123");
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).isNotBlank();
        assertThat(driver.findElements(By.id("findings-restricted"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector(".excerpt"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".finding"))).isEmpty();
        // nothing of the excerpts is in the page source either
        String adminPage = admin.get("/ui/studies/" + STUDY + "/areas/hyte?waveId=w2025").body();
        String excerpt = adminPage.substring(adminPage.indexOf("class=\"excerpt\">") + 16);
        excerpt = excerpt.substring(0, excerpt.indexOf('<'));
        assertThat(excerpt).isNotBlank();
        assertThat(driver.getPageSource()).doesNotContain(excerpt);
        waitForCharts();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
        fullPageScreenshot("area-hyte-viewer");
    }

    @Test
    void repeatedFailedFormSignInsLockTheAccountLikeBasicOnes() {
        browser();
        driver.get(base() + "/login");
        for (int i = 0; i < 5; i++) {
            signInAttempt("lotta", "wrong-" + i);
            assertThat(driver.getCurrentUrl()).endsWith("/login?error");
            assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText()).isEqualTo("Väärä käyttäjätunnus tai salasana.");
        }
        // now even the right password waits: the same throttle as HTTP Basic, before any password is checked
        signInAttempt("lotta", "lotta-pass-123");
        assertThat(driver.getCurrentUrl()).endsWith("/login?locked");
        assertThat(new ApiClient(port, "lotta", "lotta-pass-123").get("/api/v1/studies").status()).isEqualTo(429);
    }

    @Test
    void aNonMemberSeesANotFoundPage() {
        browser();
        signInAt("/ui/studies/" + STUDY, "otto", "otto-pass-123");
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("Sivua ei löydy");
        assertThat(driver.getPageSource()).doesNotContain("Lappi");
        screenshot("not-found");
    }

    @Test
    void theKeyboardReachesEveryLinkAndControlWithAVisibleFocus() {
        browser();
        signInAt("/ui/studies/" + STUDY, "admin", "dash-admin");
        Set<String> reached = new HashSet<>();
        List<String> focusWithoutOutline = new ArrayList<>();
        Actions keys = new Actions(driver);
        for (int i = 0; i < 120; i++) {
            keys.sendKeys(Keys.TAB).perform();
            Map<String, Object> focus = js("var e = document.activeElement, s = getComputedStyle(e);"
                    + "return {id: e.id, area: e.closest('tr') ? e.closest('tr').dataset.area || '' : '',"
                    + " tag: e.tagName, text: e.textContent.trim(), lang: e.getAttribute('lang') || '',"
                    + " outline: s.outlineStyle, width: s.outlineWidth};");
            String key = focus.get("tag") + ":" + focus.get("id") + ":" + focus.get("area") + ":" + focus.get("lang")
                    + ":" + focus.get("text");
            reached.add(key);
            if (!"BODY".equals(focus.get("tag")) && ("none".equals(focus.get("outline"))
                    || "0px".equals(focus.get("width")))) {
                focusWithoutOutline.add(key);
            }
        }
        String all = String.join("\n", reached);
        for (String area : AREAS) {
            assertThat(all).as("the link to " + area).contains("A::" + area + ":");
        }
        for (String lang : List.of("fi", "sv", "en")) {
            assertThat(all).as("the language link " + lang).contains(":" + lang + ":");
        }
        assertThat(all).contains("SELECT:wave:", "SELECT:region:", "SELECT:theme:", "BUTTON:");
        assertThat(focusWithoutOutline).as("focus must be visible").isEmpty();

        // and an area link works from the keyboard
        WebElement link = driver.findElement(By.cssSelector("tr[data-area='hyte'] a.area-link"));
        link.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/areas/hyte"));

        // on the area page every control is reachable too: the wave, the data tables, the findings
        int controls = driver.findElements(By.cssSelector("a[href], button, select, input:not([type=hidden]), summary, [tabindex='0']")).size();
        Set<Object> focused = new HashSet<>();
        for (int i = 0; i < controls + 5; i++) {
            keys.sendKeys(Keys.TAB).perform();
            focused.add(((JavascriptExecutor) driver).executeScript("return document.activeElement;"));
        }
        List<String> missed = driver.findElements(By.cssSelector("a[href], button, select, input:not([type=hidden]), summary, [tabindex='0']"))
                .stream().filter(e -> !focused.contains(e)).map(e -> e.getAttribute("outerHTML")).toList();
        assertThat(missed).as("controls the keyboard did not reach").isEmpty();
        assertThat(driver.findElements(By.cssSelector("summary"))).hasSizeGreaterThan(2);
    }

    @Test
    void everyPageRendersWithoutConsoleErrorsInEveryLanguage() {
        browser();
        signInAt("/ui/studies/" + STUDY, "admin", "dash-admin");
        List<String> pages = List.of("", "/areas/employment", "/areas/integration", "/situation", "/reliability");
        for (String lang : List.of("fi", "sv", "en")) {
            for (String page : pages) {
                driver.get(base() + "/ui/studies/" + STUDY + page + "?lang=" + lang);
                waitForCharts();
                assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
                assertThat(Browser.consoleErrors(driver)).as(page + " in " + lang).isEmpty();
                assertThat(driver.getPageSource()).as(page + " in " + lang).doesNotContain("??ui.");
            }
        }
        driver.get(base() + "/ui/studies/" + STUDY + "?waveId=w2023&lang=en");
        fullPageScreenshot("overview-w2023-en");
        driver.get(base() + "/ui/studies/" + STUDY + "/situation?lang=fi&on=2025-11-01");
        fullPageScreenshot("situation-fi");
        driver.get(base() + "/ui/studies/" + STUDY + "/reliability?lang=en");
        waitForCharts();
        fullPageScreenshot("reliability-en");
    }

    @Test
    void theSituationalPictureAndReliabilityPagesShowTheApiNumbers() {
        browser();
        signInAt("/ui/studies/" + STUDY + "/situation?on=2025-11-01", "admin", "dash-admin");
        JsonNode picture = admin.get("/api/v1/studies/" + STUDY + "/situational-picture?on=2025-11-01").json();
        picture.path("agreements").path("byStatus").fields().forEachRemaining(e -> assertThat(
                driver.findElement(By.cssSelector("#agreements tr[data-status='" + e.getKey() + "'] td")).getText())
                .isEqualTo(e.getValue().asText()));
        assertThat(driver.findElements(By.cssSelector("#areas tbody tr"))).hasSize(picture.path("areas").size());
        picture.path("buildingBlocks").fields().forEachRemaining(block -> block.getValue().fields().forEachRemaining(
                state -> assertThat(driver.findElement(By.cssSelector("#building-blocks tr[data-block='"
                        + block.getKey() + "'] td[data-state='" + state.getKey() + "']")).getText())
                        .as(block.getKey() + " " + state.getKey()).isEqualTo(state.getValue().asText())));
        for (JsonNode area : picture.path("areas")) {
            WebElement row = driver.findElement(By.cssSelector("#areas tr[data-area='" + area.path("areaId").asText() + "']"));
            assertThat(row.findElements(By.cssSelector("ul.flags li"))).hasSize(area.path("flags").size());
        }
        waitForCharts();
        List<Object> bars = js("return Chart.getChart('agreement-chart').data.datasets[0].data;");
        assertThat(bars).hasSize(picture.path("agreements").path("byStatus").size());

        driver.get(base() + "/ui/studies/" + STUDY + "/reliability");
        waitForCharts();
        List<Object> alphas = js("return Chart.getChart('alpha-chart').data.datasets[0].data;");
        List<String> waves = List.of("w2023", "w2024", "w2025");
        for (int i = 0; i < waves.size(); i++) {
            JsonNode reliability = admin.get("/api/v1/studies/" + STUDY + "/reliability?waveId=" + waves.get(i)).json();
            assertNumber(alphas.get(i), reliability.path("alpha"));
            String cell = driver.findElement(By.cssSelector("#reliability tr[data-wave='" + waves.get(i) + "'] td"))
                    .getAttribute("data-alpha");
            if (reliability.path("alpha").isNumber()) {
                assertThat(Double.parseDouble(cell)).isCloseTo(reliability.path("alpha").asDouble(), within(1e-9));
            }
        }
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    /**
     * A study whose results carry what the numbers alone would misstate (framework 1.1.0): power answered 1.0 to
     * 2.0 is "own power", the range 1–2, not coordination; trust moving 2.000 → 2.167 is below the change threshold
     * 0.25, so flat; goals at 3 against a target of 2 is above its target; and the path ranks communication (gap 2)
     * before power and trust (gap 1, power's score lower).
     */
    @Test
    void theRangeTheFlatChangeTheTargetAboveAndTheRankingAreShownInWords() {
        String s = "/api/v1/studies/honest";
        List<ApiClient.Response> writes = new ArrayList<>();
        writes.add(admin.post("/api/v1/studies", fi.collabmaturity.api.support.Slice.study("honest")));
        writes.add(admin.post(s + "/waves", "{\"id\":\"w1\",\"label\":\"2023\",\"opensOn\":\"2023-09-01\","
                + "\"closesOn\":\"2023-12-31\"}"));
        writes.add(admin.post(s + "/waves", "{\"id\":\"w2\",\"label\":\"2024\",\"opensOn\":\"2024-09-01\","
                + "\"closesOn\":\"2024-12-31\"}"));
        writes.add(admin.post(s + "/areas", "{\"id\":\"a1\",\"name\":\"Honest area\",\"regionCode\":\"21\","
                + "\"interfaceTheme\":\"hyte\",\"targetProfile\":{\"goals\":2}}"));
        String[][] answers = {
                {"w1", "R1", "2.0", "1.0", "3.0", "1.0"}, {"w1", "R2", "2.0", "1.0", "3.0", "1.5"},
                {"w1", "R3", "2.0", "1.0", "3.0", "2.0"},
                {"w2", "R1", "2.0", "1.0", "3.0", "1.0"}, {"w2", "R2", "2.0", "1.0", "3.0", "2.0"},
                {"w2", "R3", "2.5", "1.0", "3.0", "2.0"}};
        for (String[] a : answers) {
            writes.add(admin.post(s + "/self-assessments", fi.collabmaturity.api.support.Slice.selfAssessment("a1",
                    a[0], a[1], "{\"trust\":" + a[2] + ",\"communication\":" + a[3] + ",\"goals\":" + a[4]
                            + ",\"power\":" + a[5] + "}")));
        }
        long last = 0;
        for (ApiClient.Response w : writes) {
            assertThat(w.status()).as(w.toString()).isIn(200, 201);
            last = Math.max(last, w.position());
        }
        JsonNode profile = admin.get(s + "/areas/a1/profile?waveId=w2&minPosition=" + last).json();
        assertThat(profile.path("framework").path("version").asText()).isEqualTo("1.1.0");
        JsonNode path = admin.get(s + "/areas/a1/path?waveId=w2&lang=en").json();
        assertThat(path.path("targets").findValuesAsText("rankedBy")).containsExactly("gap", "score", "null");

        browser();
        signInAt("/ui/studies/honest?waveId=w2&lang=en", "admin", "dash-admin");
        // the heatmap: power at own power is the range 1–2 by mark, name and class, not coordination
        WebElement power = driver.findElement(By.cssSelector("#heatmap tr[data-area='a1'] td[data-dimension='power']"));
        assertThat(power.getAttribute("data-stage")).isEqualTo("cooperation_or_coordination");
        assertThat(power.findElement(By.className("stage-mark")).getText()).isEqualTo("1–2");
        assertThat(power.findElement(By.className("stage-name")).getText()).isEqualTo("Cooperation / Coordination");
        assertThat(power.getAttribute("class")).contains("stage-1-2");
        assertThat(driver.findElement(By.className("legend")).getText()).contains("1–2");
        assertThat((List<String>) js(A11Y)).as("accessibility of the ranges").isEmpty();
        screenshot("overview-ranges-en");

        driver.get(base() + "/ui/studies/honest/areas/a1?waveId=w2&lang=en");
        WebElement powerRow = driver.findElement(By.cssSelector("#radar-table tr[data-dimension='power']"));
        assertThat(powerRow.getText()).contains("2.000 (Cooperation / Coordination (1–2))");
        // the flat change with the test that decided it, and the threshold of the study's policy
        WebElement trust = driver.findElement(By.cssSelector("#radar-table tr[data-dimension='trust'] td.direction"));
        assertThat(trust.getAttribute("data-direction")).isEqualTo("flat");
        assertThat(trust.getText()).isEqualTo("+0.167 · flat: change below the threshold 0.25");
        // the path in the API's order, each target saying why it is before the next
        List<WebElement> steps = driver.findElements(By.cssSelector("#path-steps > li"));
        assertThat(steps).extracting(e -> e.getAttribute("data-dimension"))
                .containsExactly("communication", "power", "trust");
        assertThat(steps.get(0).getText()).contains("Why here: first: larger gap than the next target");
        assertThat(steps.get(1).getText()).contains("Why here: same gap as the next target, lower score")
                .contains("now Cooperation / Coordination (1–2), target Collaboration, gap 1");
        assertThat(steps.get(2).findElements(By.className("why"))).isEmpty();
        // goals is above its target, and said to be, not dropped
        WebElement above = driver.findElement(By.cssSelector("#above-target li[data-dimension='goals']"));
        assertThat(above.getText()).isEqualTo("Goals: score 3.000 (Collaboration), target Coordination");
        assertThat(driver.findElement(By.id("path-h")).findElement(By.xpath("..")).getText())
                .contains("a less demanding form of working together may serve");
        // a target was set for this area: the page does not call it the default
        assertThat(driver.findElement(By.id("target-profile")).getAttribute("data-default")).isEqualTo("false");
        assertThat(driver.findElement(By.id("target-profile")).getText()).doesNotContain("Default target");
        driver.findElements(By.cssSelector("details:not([open]) > summary")).forEach(WebElement::click);
        assertThat((List<String>) js(A11Y)).as("accessibility of the area page").isEmpty();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
        fullPageScreenshot("area-honest-en");
    }

    // ---------------------------------------------------------------- helpers

    private void browser() {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        driver = Browser.start();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void signIn(String user, String password) {
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    private void signInAttempt(String user, String password) {
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement button = driver.findElement(By.id("sign-in"));
        button.click();
        // after the first failure the address already ends in /login?error: wait for the new page itself
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.replaced(button));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login?"));
    }

    private void signInAt(String path, String user, String password) {
        driver.get(base() + path);
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        signIn(user, password);
        assertThat(driver.getCurrentUrl()).endsWith(path);
    }

    private void waitForCharts() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('canvas[data-chart]'))"
                        + ".every(function (c) { return window.Chart && Chart.getChart(c); });"));
    }

    @SuppressWarnings("unchecked")
    private <T> T js(String script) {
        return (T) ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void assertNumber(Object shown, JsonNode expected) {
        if (expected.isNumber()) {
            assertThat(shown).as("expected " + expected).isInstanceOf(Number.class);
            assertThat(((Number) shown).doubleValue()).isCloseTo(expected.asDouble(), within(1e-9));
        } else {
            assertThat(shown).isNull();
        }
    }

    private void screenshot(String name) {
        assertThat(Files.exists(Browser.screenshot(driver, name))).isTrue();
    }

    /** The whole page, not only the window: the window is made as tall as the page first. */
    private void fullPageScreenshot(String name) {
        Number height = js("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(1400, Math.min(8000, height.intValue() + 100)));
        screenshot(name);
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }
}
