package dev.autobench.renderer.chromium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autobench.common.checks.Check;
import dev.autobench.renderer.chromium.PageRender.Outcome;
import dev.autobench.renderer.config.RendererConfig;
import dev.autobench.renderer.render.ArtifactHtmlHardener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renders one page in a throwaway headless Chromium driven over the DevTools protocol: fresh profile, no
 * network, fixed viewport, a settle time for animations, and a hard deadline after which the browser's whole
 * session is killed. At most {@code autobench.renderer.concurrency} browsers run at once.
 */
@Singleton
public class ChromiumRenderer {

    /** The page's own policy, plus what only a header can say: an opaque origin, as in the arena's iframe. */
    static final String RESPONSE_POLICY = ArtifactHtmlHardener.CONTENT_SECURITY_POLICY + "; sandbox allow-scripts";
    private static final Logger LOG = Logger.getLogger(ChromiumRenderer.class);

    /** Retry reason: the browser did not start, or did not answer DevTools, before the page was sent to it. */
    public static final String RETRY_LAUNCH = "launch";
    /** Retry reason: the browser died or stalled after the page was sent, before the page's load event. */
    public static final String RETRY_BEFORE_LOAD = "before_load";

    private final ChromiumInstallation installation;
    private final RenderSettings settings;
    private final ObjectMapper json;
    private final Semaphore browsers;
    private final AtomicBoolean launchedOnce = new AtomicBoolean();
    private final HttpClient devTools = CdpConnection.newClient();

    @Inject
    public ChromiumRenderer(ChromiumLocator locator, RendererConfig config, ObjectMapper json) {
        this(locator.installation(), RenderSettings.from(config), json);
    }

    public ChromiumRenderer(ChromiumInstallation installation, RenderSettings settings, ObjectMapper json) {
        this.installation = installation;
        this.settings = settings;
        this.json = json;
        this.browsers = new Semaphore(settings.concurrency(), true);
    }

    public boolean available() {
        return installation.available();
    }

    /** Whether a browser has started and answered DevTools at least once in this process. */
    public boolean launchedOnce() {
        return launchedOnce.get();
    }

    /**
     * Starts a browser, opens DevTools and asks its version, then kills it: proof that this machine can render,
     * before the service says it is ready. Throws with Chromium's last log lines when it cannot.
     */
    public String probeLaunch() throws IOException, InterruptedException, TimeoutException {
        var binary = installation.binary()
                .orElseThrow(() -> new IllegalStateException("Chromium is not available"));
        browsers.acquire();
        try (ChromiumProcess chromium = ChromiumProcess.start(binary, settings.width(), settings.height())) {
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            try (CdpConnection cdp = CdpConnection.open(devTools, chromium.awaitDevTools(deadline), json, remaining(deadline))) {
                String product = cdp.call(null, "Browser.getVersion", null, deadline).path("product").asText();
                launchedOnce.set(true);
                return product;
            } catch (IOException e) {
                throw new IOException(e.getMessage() + " " + chromium.logTail(), e);
            }
        } finally {
            browsers.release();
        }
    }

    /**
     * Renders {@code html}; never throws for anything the page does, and never runs past the timeout per attempt.
     * A browser that failed before the page loaded (it did not start, did not answer, died) is not the page's
     * doing: the page is rendered again in a fresh browser, up to {@code max-attempts} runs in all.
     */
    public PageRender render(String html) throws InterruptedException {
        return render(html, List.of());
    }

    /**
     * Renders {@code html}, then runs the task's acceptance {@code checks} in the same browser after the
     * screenshot, within {@code checks-timeout}. A page that was not captured gets every check marked not run.
     */
    public PageRender render(String html, List<Check> checks) throws InterruptedException {
        var binary = installation.binary()
                .orElseThrow(() -> new IllegalStateException("Chromium is not available"));
        List<String> retries = new ArrayList<>();
        while (true) {
            Attempt attempt;
            browsers.acquire();
            try {
                attempt = renderInFreshBrowser(binary, html, checks);
            } finally {
                browsers.release();
            }
            if (attempt.retryReason() == null || retries.size() + 1 >= settings.maxAttempts()) {
                PageRender result = attempt.result().after(retries);
                if (result.outcome() != Outcome.RENDERED && !checks.isEmpty()) {
                    result = result.withChecks(PageRender.notRun(checks,
                            "not run: the page was not rendered (" + result.outcome().name().toLowerCase(java.util.Locale.ROOT) + ")"));
                }
                return result;
            }
            LOG.infof("render attempt %d failed before the page loaded (%s: %s); retrying in a fresh browser",
                    retries.size() + 1, attempt.retryReason(), attempt.result().detail());
            retries.add(attempt.retryReason());
        }
    }

    /** One browser run; a non-null retry reason says the browser, not the page, failed. */
    private record Attempt(PageRender result, String retryReason) {

        static Attempt of(PageRender result) {
            return new Attempt(result, null);
        }

        static Attempt retryable(PageRender result, String reason) {
            return new Attempt(result, reason);
        }
    }

    private Attempt renderInFreshBrowser(Path binary, String html, List<Check> checks) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + settings.timeout().toNanos();
        int width = settings.width();
        int height = settings.height();
        ChromiumProcess chromium;
        try {
            chromium = ChromiumProcess.start(binary, width, height);
        } catch (IOException e) {
            return Attempt.retryable(failed(Outcome.CHROMIUM_ERROR, start, null, "cannot start Chromium: " + e.getMessage()),
                    RETRY_LAUNCH);
        }
        PageEvents page = null;
        boolean navigated = false;
        try {
            URI endpoint = chromium.awaitDevTools(deadline);
            try (CdpConnection cdp = CdpConnection.open(devTools, endpoint, json, remaining(deadline))) {
                page = new PageEvents(cdp, html, RESPONSE_POLICY);
                cdp.addListener(page);
                String targetId = blankTab(cdp, deadline);
                String session = cdp.call(null, "Target.attachToTarget",
                        cdp.params().put("targetId", targetId).put("flatten", true), deadline).path("sessionId").asText();
                page.attach(session);
                prepare(cdp, session, width, height, deadline);
                launchedOnce.set(true);

                navigated = true;
                JsonNode navigation = cdp.call(session, "Page.navigate",
                        cdp.params().put("url", PageEvents.ARTIFACT_URL), deadline);
                if (navigation.hasNonNull("errorText")) {
                    return Attempt.retryable(failed(Outcome.CHROMIUM_ERROR, start, page,
                            "navigation failed: " + navigation.get("errorText").asText()), RETRY_BEFORE_LOAD);
                }
                String loaderId = navigation.path("loaderId").asText();
                try {
                    // the page is served in-browser, so only a stalled browser keeps it from committing
                    await(page.committed(loaderId), page, deadline);
                } catch (TimeoutException notCommitted) {
                    return Attempt.retryable(failed(Outcome.CHROMIUM_ERROR, start, page,
                            "the page was not committed within the timeout " + chromium.logTail()), RETRY_BEFORE_LOAD);
                }
                awaitLoad(page, loaderId, deadline);
                settle(page, deadline);
                ObjectNode capture = cdp.params().put("format", "png").put("captureBeyondViewport", false);
                JsonNode shot = await(cdp.send(session, "Page.captureScreenshot", capture), page, deadline);
                byte[] png = Base64.getDecoder().decode(shot.path("data").asText());
                PageRender captured = captured(png, start, page);
                if (checks.isEmpty()) {
                    return Attempt.of(captured);
                }
                // the screenshot is taken: the checks have their own budget, and what they find never undoes it
                long checksDeadline = System.nanoTime() + settings.checksTimeout().toNanos();
                PageChecker checker = new PageChecker(cdp, session, page, width, height,
                        settings.checkStepTimeout().toNanos());
                return Attempt.of(captured.withChecks(checker.run(checks, checksDeadline)));
            }
        } catch (TimeoutException e) {
            if (!navigated) {
                // the page never ran: a browser too slow to start is not the answer's fault
                return Attempt.retryable(failed(Outcome.CHROMIUM_ERROR, start, page,
                        "Chromium not ready within the timeout " + chromium.logTail()), RETRY_LAUNCH);
            }
            return Attempt.of(failed(Outcome.TIMEOUT, start, page, "no screenshot within " + settings.timeout().toMillis() + " ms"));
        } catch (PageCrashedException e) {
            return Attempt.of(failed(Outcome.CRASHED, start, page, e.getMessage()));
        } catch (IOException e) {
            String detail = e.getMessage() + " " + chromium.logTail();
            if (!navigated) {
                return Attempt.retryable(failed(Outcome.CHROMIUM_ERROR, start, page, detail), RETRY_LAUNCH);
            }
            // once the page runs, a browser that goes away took the page with it; before its load event that
            // says more about the browser than about the page, so it gets a fresh one
            PageRender crashed = failed(Outcome.CRASHED, start, page, detail);
            return page.anyLoaded() ? Attempt.of(crashed) : Attempt.retryable(crashed, RETRY_BEFORE_LOAD);
        } finally {
            chromium.close();
        }
    }

    /** The about:blank tab Chromium opened at start: reusing it spares a second renderer process. */
    private static String blankTab(CdpConnection cdp, long deadline)
            throws IOException, InterruptedException, TimeoutException {
        for (JsonNode target : cdp.call(null, "Target.getTargets", null, deadline).path("targetInfos")) {
            if ("page".equals(target.path("type").asText())) {
                return target.path("targetId").asText();
            }
        }
        return cdp.call(null, "Target.createTarget", cdp.params().put("url", "about:blank"), deadline)
                .path("targetId").asText();
    }

    private static void prepare(CdpConnection cdp, String session, int width, int height, long deadline)
            throws IOException, InterruptedException, TimeoutException {
        ObjectNode everyRequest = cdp.params();
        everyRequest.putArray("patterns").addObject().put("urlPattern", "*").put("requestStage", "Request");
        cdp.call(session, "Fetch.enable", everyRequest, deadline);
        cdp.call(session, "Page.enable", null, deadline);
        cdp.call(session, "Page.setLifecycleEventsEnabled", cdp.params().put("enabled", true), deadline);
        cdp.call(session, "Runtime.enable", null, deadline);
        cdp.call(session, "Log.enable", null, deadline);
        cdp.call(session, "Inspector.enable", null, deadline);
        cdp.call(session, "Emulation.setDeviceMetricsOverride", cdp.params()
                .put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", false), deadline);
        // a headless tab never has the window focus; the checks' key presses need a page that believes it has
        cdp.call(session, "Emulation.setFocusEmulationEnabled", cdp.params().put("enabled", true), deadline);
    }

    /**
     * Waits for the load event, but not forever: a page whose load never fires (a navigation attempt cancelled
     * it, a request that never settles) is still captured as it stands. Whether the page hangs is for the
     * screenshot to find out: a busy main thread never answers it, and the hard deadline ends the run.
     */
    private void awaitLoad(PageEvents page, String loaderId, long deadline)
            throws InterruptedException, IOException, PageCrashedException {
        // counted from the commit, not from the browser's start: a slow start must not eat the page's load time
        long loadDeadline = Math.min(deadline, System.nanoTime() + settings.timeout().toNanos() / 3);
        try {
            await(page.loaded(loaderId), page, loadDeadline);
        } catch (TimeoutException notLoaded) {
            LOG.debugf("no load event within %d ms; capturing the page as it stands", settings.timeout().toMillis() / 3);
        }
    }

    /** Lets animations and timers run; a crash during that time ends the wait early. */
    private void settle(PageEvents page, long deadline) throws InterruptedException, TimeoutException, PageCrashedException {
        long settleNanos = settings.settleTime().toNanos();
        if (System.nanoTime() + settleNanos >= deadline) {
            throw new TimeoutException("no time left to settle");
        }
        try {
            String crash = page.crashed.get(settleNanos, TimeUnit.NANOSECONDS);
            throw new PageCrashedException(crash);
        } catch (TimeoutException settled) {
            // the normal case: nothing crashed while the page settled
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(CompletableFuture<T> step, PageEvents page, long deadline)
            throws InterruptedException, TimeoutException, IOException, PageCrashedException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new TimeoutException();
        }
        try {
            CompletableFuture.anyOf(step, page.crashed).get(remaining, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        if (page.crashed.isDone()) {
            throw new PageCrashedException(page.crashed.getNow("crashed"));
        }
        return step.getNow(null);
    }

    private PageRender captured(byte[] png, long start, PageEvents page) {
        Integer width = null;
        Integer height = null;
        Boolean blank = null;
        try {
            PngImage image = PngImage.decode(png);
            width = image.width();
            height = image.height();
            blank = image.isUniform(0);
        } catch (IllegalArgumentException e) {
            LOG.warnf("screenshot could not be inspected for blankness: %s", e.getMessage());
        }
        return new PageRender(Outcome.RENDERED, png, width, height, blank, page.jsErrors(), page.exceptionCount(),
                page.consoleErrors(), elapsedMs(start), null, 1, List.of(), List.of());
    }

    private static PageRender failed(Outcome outcome, long start, PageEvents page, String detail) {
        return new PageRender(outcome, null, null, null, null,
                page == null ? List.of() : page.jsErrors(), page == null ? 0 : page.exceptionCount(),
                page == null ? List.of() : page.consoleErrors(), elapsedMs(start), detail, 1, List.of(), List.of());
    }

    private static Duration remaining(long deadline) throws TimeoutException {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new TimeoutException();
        }
        return Duration.ofNanos(nanos);
    }

    private static int elapsedMs(long start) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
    }

    /** The page's renderer process died before it could be captured. */
    static final class PageCrashedException extends Exception {
        PageCrashedException(String message) {
            super(message, null, false, false);
        }
    }
}
