package dev.resilient.backend.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.Stubs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs): an admin logs in, breaks chroma with the page's button, sees its
 * breaker {@code open} within 2 s of opening, heals it and sees it {@code closed} again.
 * Screenshots go to {@code target/dashboard-*.png}.
 */
@QuarkusTest
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver"));
    static final Duration SEEN_WITHIN = Duration.ofSeconds(2);

    @TestHTTPResource("/dashboard/")
    URL page;

    @Inject
    CircuitBreakerMaintenance breakers;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (.ci/run does)");
        Stubs.heal("chroma-stub");
        breakers.resetAll();
        profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        Stubs.heal("chroma-stub");
        breakers.resetAll();
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void adminBreaksChromaWithTheButtonSeesTheBreakerOpenThenHealsItAndSeesItClosed() throws IOException {
        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.textToBe(By.id("state-chroma"), "closed"));
        assertEquals("NORMAL", browser.findElement(By.id("mode")).getText());

        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(Stubs.password("admin"));
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("break-chroma")));

        browser.findElement(By.id("break-chroma")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "chroma: error injected"));
        Stubs.get("chroma-stub", "/_chaos").body("fault.mode", equalTo("error"));

        String project = Backend.freshProject();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Backend.search("alice", project, "kiwi birds");
            return "open".equals(breakers.currentState("chroma").name().toLowerCase());
        });
        new WebDriverWait(browser, SEEN_WITHIN).until(ExpectedConditions.textToBe(By.id("state-chroma"), "open"));
        wait.until(ExpectedConditions.textToBe(By.id("mode"), "DEGRADED"));
        wait.until(ExpectedConditions.textMatches(By.cssSelector("#transitions tbody tr:first-child"),
                java.util.regex.Pattern.compile("chroma\\s+open")));
        screenshot("dashboard-open.png");

        browser.findElement(By.id("heal-chroma")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "chroma healed"));
        // after the test profile's 2 s open delay, the next call is the half-open probe and closes it
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Backend.search("alice", project, "kiwi birds");
            return "closed".equals(breakers.currentState("chroma").name().toLowerCase());
        });
        new WebDriverWait(browser, SEEN_WITHIN).until(ExpectedConditions.textToBe(By.id("state-chroma"), "closed"));
        wait.until(ExpectedConditions.textToBe(By.id("mode"), "NORMAL"));
        screenshot("dashboard-closed.png");
    }

    @Test
    void nonAdminSeesTheStateButNoFaultButtons() {
        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys(Stubs.password("alice"));
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who"), "alice"));
        wait.until(ExpectedConditions.textToBe(By.id("state-chroma"), "closed"));
        assertTrue(!browser.findElement(By.id("break-chroma")).isDisplayed(), "a non-admin must not see fault buttons");
        browser.findElement(By.id("logout")).click();
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "login failed: invalid credentials"));
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
