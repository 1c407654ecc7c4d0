package org.bulletinsearch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
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
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.bulletinsearch.platform.Service;
import org.bulletinsearch.platform.client.PlatformClient;
import org.bulletinsearch.platform.client.Upload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real browser: headless Chromium (Debian's {@code chromium}, driven by Debian's
 * {@code chromedriver}, both named explicitly so that Selenium Manager never downloads anything) against the
 * packaged platform of {@link SharedPlatform}, with the samples (and seeds, when present) loaded. A person types a
 * query, picks a suggestion with the keyboard, ticks a facet, pages, opens an article, goes back, uploads files; the
 * same without JavaScript; the first load is measured (bytes and time to render) and screenshots are written to
 * {@code system-tests/target/}. Skipped where chromium or chromedriver is missing ({@code .ci/run} installs them).
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class SearchPageBrowserIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final long FIRST_LOAD_BUDGET_BYTES = 100 * 1024;
    /** Browsers started for the first-load figures (their median is printed). */
    private static final int RUNS = 5;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path TARGET = SharedPlatform.REPOSITORY.resolve("system-tests/target");
    /** A title of samples/border-news-weekly-47.txt. */
    private static final String DAIRY = "Dairy Cooperative Becomes First Farm Group Granted Trusted Trader Status";

    private static PlatformClient api;
    private static String site;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void startBrowser(SharedPlatform.Running running) throws IOException {
        boolean browserHere = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        String why = "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)";
        // CI installs them and sets BROWSER_TESTS_REQUIRED: there a missing browser fails instead of skipping.
        if (Boolean.parseBoolean(System.getenv("BROWSER_TESTS_REQUIRED"))) {
            org.junit.jupiter.api.Assertions.assertTrue(browserHere, why);
        }
        assumeTrue(browserHere, why + "; .ci/run installs them");
        api = running.client();
        site = running.url(Service.SEARCH);
        loadBulletins();
        browser = browser(true, 1280, 900);
        wait = waitFor(browser);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The samples (and seeds): already there after the end-to-end test, uploaded again (nothing changes) if not. */
    private static void loadBulletins() {
        for (Path file : SharedPlatform.bulletins()) {
            Upload upload = api.upload(file);
            assertThat(upload.status()).as("upload of %s: %s", file, upload.refusal()).isEqualTo(202);
            await("%s searchable".formatted(file.getFileName())).atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> api.searchTotal("sourceName=" + encode(upload.source())) >= upload.articleCount());
        }
    }

    /**
     * A new browser with a fresh profile (an empty cache), and its own chromedriver (quitting the browser stops it).
     * Only this machine is reachable from it: every host name but the loopback's resolves to nothing, and the
     * background services that would call out are off.
     */
    private static WebDriver browser(boolean javascript, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--lang=en-US", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-domain-reliability",
                "--disable-sync", "--no-pings", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().withLogFile(TARGET.resolve("chromedriver.log").toFile()).build();
        return new ChromeDriver(driver, options);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static List<String> hitTitles(WebDriver driver) {
        return driver.findElements(By.cssSelector("#results li.hit h3 a")).stream().map(WebElement::getText).toList();
    }

    /** htmx swaps regions in place, so an element found a moment ago may be gone when it is read: look again. */
    private static WebDriverWait waitFor(WebDriver driver) {
        WebDriverWait patient = new WebDriverWait(driver, WAIT);
        patient.ignoring(StaleElementReferenceException.class);
        return patient;
    }

    private static void awaitHeading(WebDriver driver, String start) {
        waitFor(driver).until(d -> d.findElement(By.id("results-heading")).getText().startsWith(start));
    }

    @Test
    @Order(1)
    void theFirstLoadStaysWithinTheBudgetAndRendersQuickly() throws Exception {
        warmUp();
        long articles = api.searchTotal("");
        List<FirstLoad> first = new ArrayList<>();
        List<FirstLoad> next = new ArrayList<>();
        List<FirstLoad> cleared = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            WebDriver fresh = browser(true, 1280, 900);
            try {
                first.add(load(fresh, site + "/"));
                next.add(load(fresh, site + "/?q=customs"));
                // A person's browser is already running when they first open the page: the same first load
                // without the browser's own start-up (its cache emptied).
                ((ChromeDriver) fresh).executeCdpCommand("Network.clearBrowserCache", Map.of());
                fresh.get("about:blank");
                cleared.add(load(fresh, site + "/"));
                System.out.printf("[first-load] run %d of %d, %d articles indexed: new browser, empty cache: %s%n"
                        + "[first-load]   then a search in the same browser: %s%n"
                        + "[first-load]   then the first page again, cache emptied: %s%n", run, RUNS, articles,
                        first.get(run - 1), next.get(run - 1), cleared.get(run - 1));
            } finally {
                fresh.quit();
            }
        }
        for (int run = 0; run < RUNS; run++) {
            FirstLoad load = first.get(run);
            assertThat(load.transferred()).as("bytes transferred by the first load").isLessThanOrEqualTo(FIRST_LOAD_BUDGET_BYTES);
            assertThat(load.resources()).as("everything comes from the search service itself")
                    .allMatch(resource -> resource.name().startsWith(site + "/"));
            assertThat(cleared.get(run).transferred()).as("the cache was emptied: everything transferred again")
                    .isGreaterThanOrEqualTo(load.transferred() * 9 / 10);
        }
        System.out.printf("[first-load] median of %d: first load %s, first contentful paint %.0f ms, load %.0f ms (new"
                + " browser, empty cache); running browser, empty cache: first contentful paint %.0f ms, load %.0f ms;"
                + " a search in the same browser: load %.0f ms%n", RUNS,
                FirstLoad.kb(first.get(0).transferred()), median(first, FirstLoad::firstContentfulPaint),
                median(first, FirstLoad::load), median(cleared, FirstLoad::firstContentfulPaint),
                median(cleared, FirstLoad::load), median(next, FirstLoad::load));
    }

    /** Opens {@code url} and reads the timings once the page has loaded. */
    private static FirstLoad load(WebDriver driver, String url) {
        driver.get(url);
        waitFor(driver).until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd : 0")).doubleValue() > 0);
        return FirstLoad.measure((JavascriptExecutor) driver);
    }

    /** The median of a figure over the loads that reported it (Chrome reports no paint for some navigations). */
    private static double median(List<FirstLoad> loads, ToDoubleFunction<FirstLoad> figure) {
        List<Double> values = loads.stream().map(figure::applyAsDouble).filter(v -> v >= 0).sorted().toList();
        return values.isEmpty() ? -1 : values.get(values.size() / 2);
    }

    /**
     * A few plain requests first, so that the figures are the browser's first load, not the service's first page;
     * prints how long the service takes for the page (a plain HTTP client, the median of the last ten).
     */
    private static void warmUp() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(URI.create(site + "/"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            micros.add((System.nanoTime() - started) / 1000);
            assertThat(page.statusCode()).isEqualTo(200);
        }
        List<Long> last = micros.subList(10, 20).stream().sorted().toList();
        System.out.printf("[first-load] the service answers GET / in %.1f ms (median of 10 requests of a plain HTTP"
                + " client after 10 to warm up)%n", last.get(5) / 1000.0);
    }

    @Test
    @Order(2)
    void aPersonTypesPicksASuggestionWithTheKeyboardAndTicksAFacet() {
        browser.get(site + "/");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("dairy coop");
        wait.until(d -> !d.findElements(By.cssSelector("#suggestions li a")).isEmpty()
                && d.findElements(By.cssSelector("#suggestions li a")).get(0).getText().equals(DAIRY));
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.switchTo().activeElement().getText()).as("Down goes to the first suggestion").isEqualTo(DAIRY);
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("Up from the first goes back to the box")
                .isEqualTo("q");
        box.sendKeys(Keys.ESCAPE);
        wait.until(d -> d.findElements(By.cssSelector("#suggestions li")).isEmpty());
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("Escape closes the list").isEqualTo("q");
        assertThat(box.getAttribute("value")).as("and keeps what was typed").isEqualTo("dairy coop");
        box.sendKeys(Keys.BACK_SPACE, "p");
        wait.until(d -> !d.findElements(By.cssSelector("#suggestions li a")).isEmpty()
                && d.findElements(By.cssSelector("#suggestions li a")).get(0).getText().equals(DAIRY));
        box.sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).as("Tab goes to the first suggestion").isEqualTo(DAIRY);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("q=" + encode(DAIRY)));
        wait.until(d -> !hitTitles(d).isEmpty() && hitTitles(d).get(0).equals(DAIRY));
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(DAIRY);
        assertThat(browser.getTitle()).isEqualTo(DAIRY + " – Search · Bulletin Search");

        WebElement source = browser.findElement(By.cssSelector("#filters input[name=source][value='border-news-weekly-47.txt']"));
        String id = source.getAttribute("id");
        source.sendKeys(Keys.SPACE);
        wait.until(ExpectedConditions.urlContains("source=border-news-weekly-47.txt"));
        wait.until(d -> d.findElement(By.id(id)).isSelected()
                && d.findElements(By.cssSelector("#results li.hit .meta a")).stream()
                        .allMatch(a -> a.getText().equals("border-news-weekly-47.txt")));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus stays on the ticked box").isEqualTo(id);
        assertThat(hitTitles(browser)).first().isEqualTo(DAIRY);
    }

    @Test
    @Order(3)
    void aPersonPagesOpensAnArticleAndGoesBack() throws IOException {
        browser.findElement(By.cssSelector("header nav")).findElement(By.linkText("Search")).click();
        wait.until(ExpectedConditions.urlToBe(site + "/"));
        awaitHeading(browser, "Results 1–10 of ");
        List<String> first = hitTitles(browser);

        browser.findElement(By.cssSelector("a[rel=next]")).click();
        wait.until(ExpectedConditions.urlContains("cursor="));
        awaitHeading(browser, "Results 11–20 of ");
        assertThat(hitTitles(browser)).hasSize(10).doesNotContainAnyElementsOf(first);

        browser.navigate().back();
        wait.until(ExpectedConditions.urlToBe(site + "/"));
        awaitHeading(browser, "Results 1–10 of ");
        assertThat(hitTitles(browser)).isEqualTo(first);

        WebElement link = browser.findElement(By.cssSelector("#results li.hit h3 a"));
        String title = link.getText();
        link.click();
        wait.until(ExpectedConditions.urlMatches("/articles/[0-9a-f]{32}$"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main article h1"), title));
        assertThat(browser.findElements(By.cssSelector("main article table tbody tr"))).as("provenance").isNotEmpty();
        assertThat(text("#related-heading")).isEqualTo("Related articles");
        screenshot(browser, "article-page.png");

        browser.navigate().back();
        wait.until(ExpectedConditions.urlToBe(site + "/"));
        awaitHeading(browser, "Results 1–10 of ");
        assertThat(hitTitles(browser)).isEqualTo(first);
    }

    @Test
    @Order(4)
    void aPersonWithTheKeyUploadsFilesAndSeesTheReportOrWhyTheyWereRefused() throws IOException {
        String token = "browser" + Long.toString(System.nanoTime(), 36);
        Path good = TARGET.resolve(token + ".txt");
        Files.writeString(good, article(token, "Lighthouse keepers log cargo sightings") + "\n"
                + article(token, "Ferry timetable moves to winter hours"));
        Path broken = TARGET.resolve(token + "-broken.txt");
        Files.writeString(broken, "A title with no body at all " + token + "\n");

        browser.findElement(By.cssSelector("header nav")).findElement(By.linkText("Upload")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Upload bulletins"));
        assertThat(browser.getCurrentUrl()).isEqualTo(site + "/upload");
        WebElement report = upload(SharedPlatform.API_KEY, good, "report-heading");
        assertThat(report.getText()).isEqualTo("Uploaded: 2 articles: 2 new, 0 already known");
        assertThat(browser.findElements(By.cssSelector(".report tbody a"))).extracting(WebElement::getText)
                .containsExactly("Lighthouse keepers log cargo sightings " + token, "Ferry timetable moves to winter hours " + token);
        screenshot(browser, "upload-report.png");

        assertThat(upload(SharedPlatform.API_KEY, broken, "refusal-heading").getText()).isEqualTo("Upload refused");
        assertThat(text(".refusal")).contains(token + "-broken.txt, line 1");
        assertThat(upload("not-the-key", good, "refusal-heading").getText()).isEqualTo("Key not accepted");

        await("uploaded articles searchable").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.searchTotal("q=" + token) == 2);
        browser.findElement(By.cssSelector("header nav")).findElement(By.linkText("Search")).click();
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.sendKeys(token + Keys.ENTER);
        awaitHeading(browser, "Results 1–2 of 2");
    }

    private static String article(String token, String title) {
        String line = title + " " + token;
        return line + "\n" + line + "\nThe " + token + " office says: " + title.toLowerCase() + ".\n";
    }

    /** Uploads one file through the form of a freshly loaded upload page; waits for the heading of the answer. */
    private static WebElement upload(String key, Path file, String headingId) {
        browser.get(site + "/upload");
        WebElement keyField = wait.until(ExpectedConditions.elementToBeClickable(By.id("key")));
        keyField.sendKeys(key);
        browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.upload button")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(headingId)));
    }

    @Test
    @Order(5)
    void theSearchWorksWithoutJavaScript() {
        WebDriver plain = browser(false, 1280, 900);
        try {
            plain.get(site + "/");
            plain.findElement(By.id("q")).sendKeys("harbour" + Keys.ENTER);
            waitFor(plain).until(ExpectedConditions.urlContains("/?q=harbour"));
            awaitHeading(plain, "Results 1–");
            assertThat(plain.findElements(By.cssSelector("#suggestions li"))).as("no suggestions without JavaScript").isEmpty();

            WebElement box = plain.findElement(By.cssSelector("#filters input[type=checkbox]"));
            String name = box.getAttribute("name");
            box.click();
            assertThat(plain.getCurrentUrl()).as("nothing happens until the filters are applied").doesNotContain(name + "=");
            plain.findElement(By.cssSelector("#filters button")).click();
            waitFor(plain).until(ExpectedConditions.urlContains(name + "="));
            assertThat(plain.findElement(By.cssSelector("#filters input[name=" + name + "][checked]")).isSelected()).isTrue();

            String title = hitTitles(plain).get(0);
            plain.findElement(By.cssSelector("#results li.hit h3 a")).click();
            waitFor(plain).until(ExpectedConditions.textToBe(By.cssSelector("main article h1"), title));
        } finally {
            plain.quit();
        }
    }

    @Test
    @Order(6)
    void thePageIsReadableOnAPhoneAndScreenshotsAreWritten() throws IOException {
        String search = site + "/?q=customs+border&source=trade-bulletin-2026-11.txt&source=border-news-weekly-47.txt";
        browser.get(search);
        awaitHeading(browser, "Results 1–");
        screenshot(browser, "search-page.png");

        WebDriver phone = browser(true, 390, 844);
        try {
            phone.get(search);
            awaitHeading(phone, "Results 1–");
            Number overflow = (Number) ((JavascriptExecutor) phone).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0);
            screenshot(phone, "search-page-phone.png");
        } finally {
            phone.quit();
        }
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path file = TARGET.resolve(name);
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        System.out.println("[screenshot] " + file);
    }

    @Test
    @Order(7)
    void theBrowserReportedNoContentSecurityPolicyViolation() {
        List<String> messages = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).toList();
        messages.forEach(message -> System.out.println("[browser console] " + message));
        assertThat(messages).noneMatch(message -> message.contains("Content Security Policy")
                || message.contains("Refused to"));
    }

    /** What the browser's Navigation and Resource Timing say about one page load. */
    record FirstLoad(long document, List<Resource> resources, double responseStart, double responseEnd,
            double domContentLoaded, double firstContentfulPaint, double load) {

        /** One file the page loaded: bytes over the wire (headers included) and its body before decoding. */
        record Resource(String name, long transferred, long encodedBody) {
        }

        static FirstLoad measure(JavascriptExecutor page) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) page.executeScript("""
                    const n = performance.getEntriesByType('navigation')[0];
                    const paint = performance.getEntriesByName('first-contentful-paint')[0];
                    return {document: n.transferSize, responseStart: n.responseStart, responseEnd: n.responseEnd,
                            domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd,
                            fcp: paint ? paint.startTime : -1,
                            resources: performance.getEntriesByType('resource')
                                .map(r => ({name: r.name, transferred: r.transferSize, encoded: r.encodedBodySize}))};
                    """);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) m.get("resources");
            List<Resource> resources = entries.stream().map(r -> new Resource((String) r.get("name"),
                    number(r.get("transferred")), number(r.get("encoded")))).toList();
            return new FirstLoad(number(m.get("document")), resources, real(m.get("responseStart")), real(m.get("responseEnd")),
                    real(m.get("domContentLoaded")), real(m.get("fcp")), real(m.get("load")));
        }

        long transferred() {
            return document + resources.stream().mapToLong(Resource::transferred).sum();
        }

        private static long number(Object value) {
            return ((Number) value).longValue();
        }

        private static double real(Object value) {
            return ((Number) value).doubleValue();
        }

        @Override
        public String toString() {
            StringBuilder files = new StringBuilder("page " + kb(document));
            resources.forEach(r -> files.append(", ").append(r.name().replaceAll("^https?://[^/]+", "")).append(' ')
                    .append(kb(r.transferred())));
            return String.format("%s transferred (%s); first byte %.0f ms, response %.0f ms, first contentful paint"
                    + " %.0f ms, DOMContentLoaded %.0f ms, load %.0f ms", kb(transferred()), files, responseStart,
                    responseEnd, firstContentfulPaint, domContentLoaded, load);
        }

        static String kb(long bytes) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
    }

    static {
        try {
            Files.createDirectories(TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
