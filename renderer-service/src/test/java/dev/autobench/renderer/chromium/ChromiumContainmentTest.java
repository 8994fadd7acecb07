package dev.autobench.renderer.chromium;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a hostile page could reach if it broke out of Chromium's renderer: no variable of ours in any browser
 * process, and no process of the browser's session left once the render is over, re-parented ones included.
 */
@QuarkusTest
class ChromiumContainmentTest {

    /** Set by the surefire configuration, as a database password or a provider key would be in production. */
    static final String CANARY = "AUTOBENCH_TEST_CANARY_SECRET";

    /**
     * Variables a browser process may share by name with the renderer: those we set to our own values, and
     * those Debian's launcher script or Chromium set for themselves. Any other name the two share was inherited.
     */
    static final Set<String> OWN_VALUES = Set.of("PATH", "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
            "TMPDIR", "LANG", "PWD", "SHLVL", "_", "DBUS_SESSION_BUS_ADDRESS");

    @Inject
    ChromiumRenderer chromium;

    @Test
    void noBrowserProcessInheritsTheRenderersEnvironmentAndNoneOutlivesTheRender() {
        assertThat(System.getenv(CANARY)).as("the canary is set (surefire configuration)").isNotBlank();
        String ours = "autobench-render-" + ProcessHandle.current().pid() + "-";
        // the start-up launch has come and gone: every browser process seen from now on is this render's
        await().atMost(Duration.ofSeconds(90)).until(() -> chromium.launchedOnce()
                && ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains(ours)));
        // a page that hangs keeps its browser, zygote and renderer processes up until the timeout kills them
        CompletableFuture<PageRender> render = CompletableFuture.supplyAsync(() -> {
            try {
                return chromium.render("<!DOCTYPE html><p>hang</p><script>while (true) {}</script>");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        Map<Long, Map<String, String>> environments = new HashMap<>();
        List<Long> sessions = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(ours))
                    .forEach(p -> {
                        Map<String, String> env = environ(p.pid());
                        SessionMembers.Stat stat = SessionMembers.stat(p.pid());
                        if (env != null && stat != null) {
                            environments.put(p.pid(), env);
                            sessions.add(stat.session());
                        }
                    });
            boolean renderer = environments.keySet().stream()
                    .anyMatch(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().commandLine())
                            .orElse("").contains("--type=renderer"));
            return renderer || render.isDone();
        });
        PageRender result = render.join();

        assertThat(result.outcome()).isEqualTo(PageRender.Outcome.TIMEOUT);
        assertThat(environments).as("browser processes seen while the page ran").hasSizeGreaterThanOrEqualTo(2);
        String canary = System.getenv(CANARY);
        environments.forEach((pid, env) -> {
            assertThat(env).as("environment of Chromium process %d", pid).doesNotContainKey(CANARY);
            assertThat(env.values()).as("environment of Chromium process %d", pid).noneMatch(v -> v.contains(canary));
            Set<String> inherited = new java.util.TreeSet<>(env.keySet());
            inherited.retainAll(System.getenv().keySet());
            inherited.removeAll(OWN_VALUES);
            assertThat(inherited).as("variables of the renderer in Chromium process %d", pid).isEmpty();
            assertThat(env.get("HOME")).as("HOME of process %d is inside its throwaway directory", pid).contains(ours);
        });
        // the browser's session (and the crash handler's own ones), never the renderer's
        assertThat(Set.copyOf(sessions)).as("sessions of the browsers")
                .doesNotContain(SessionMembers.stat(ProcessHandle.current().pid()).session());
        Set.copyOf(sessions).forEach(session ->
                assertThat(SessionMembers.of(session)).as("processes left in the browser's session %d", session).isEmpty());
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(ours)))
                .as("processes naming a browser directory of this renderer").isEmpty();
    }

    @Test
    void closingKillsTheWholeSessionAlsoAChildReParentedAwayFromTheBrowser() throws Exception {
        // a stand-in browser: forks a grandchild whose parent exits at once, so it is re-parented and no
        // longer a descendant of the process we started
        Path dir = Files.createTempDirectory("autobench-fake-browser-");
        Path binary = dir.resolve("browser");
        Files.writeString(binary, "#!/bin/sh\n( sleep 600 & )\nexec sleep 600\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));

        ChromiumProcess browser = ChromiumProcess.start(binary, 100, 100);
        long session = browser.session();
        assertThat(session).as("started through setsid").isEqualTo(browser.pid());
        await().atMost(Duration.ofSeconds(30)).until(() -> SessionMembers.of(session).size() >= 2);
        List<ProcessHandle> members = SessionMembers.of(session);
        assertThat(members).as("a member that is not the browser's descendant")
                .anyMatch(p -> p.pid() != browser.pid() && browser.isAlive()
                        && ProcessHandle.of(browser.pid()).get().descendants().noneMatch(d -> d.pid() == p.pid()));

        browser.close();

        assertThat(SessionMembers.of(session)).as("processes left in the browser's session").isEmpty();
        members.forEach(p -> assertThat(p.isAlive() && SessionMembers.stat(p.pid()) != null
                && SessionMembers.stat(p.pid()).state() != 'Z').as("process %d alive", p.pid()).isFalse());
    }

    /**
     * /proc/<pid>/environ as a map; null when the process is gone. A process that is exiting (its memory
     * already released, as happens to Chromium's short-lived helpers while the page is killed) still has
     * a /proc entry whose environment reads as empty: it is gone too.
     */
    private static Map<String, String> environ(long pid) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException e) {
            return null;
        }
        if (raw.length == 0) {
            return null;
        }
        Map<String, String> env = new HashMap<>();
        for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }
}
