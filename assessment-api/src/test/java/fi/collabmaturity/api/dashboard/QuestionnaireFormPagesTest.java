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

/** Development walk-through of the form's pages on questionnaires held in memory (screenshots, basics). */
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
