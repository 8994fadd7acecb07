package dev.autobench.renderer.chromium;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One throwaway headless Chromium: a fresh profile in a temp directory, no network, DevTools on an
 * ephemeral loopback port, an environment that holds nothing of the renderer's, and a session of its own.
 * Closing it kills every process of that session and deletes the profile.
 */
final class ChromiumProcess implements AutoCloseable {

    /**
     * Every request goes to a proxy that is never there (port 9, discard), loopback included: the last line
     * behind the page's CSP and the DevTools request interception, and the one that also covers WebSockets
     * and whatever runs outside the intercepted page (workers, out-of-process frames, browser features).
     */
    static final List<String> NO_NETWORK_FLAGS = List.of(
            "--proxy-server=http://127.0.0.1:9",
            "--proxy-bypass-list=<-loopback>",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            // WebRTC sends UDP itself, past the proxy: allow only UDP that goes through the proxy, and an
            // HTTP proxy carries none, so ICE gathers no candidate and sends no STUN packet anywhere
            "--webrtc-ip-handling-policy=disable_non_proxied_udp");

    static final List<String> HEADLESS_FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--disable-breakpad",
            "--disable-crash-reporter",
            "--disable-domain-reliability",
            "--disable-client-side-phishing-detection",
            "--disable-dev-shm-usage",
            "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
            "--password-store=basic",
            "--use-mock-keychain",
            "--mute-audio",
            "--hide-scrollbars",
            "--force-color-profile=srgb",
            // a page that allocates without end crashes its own tab (failed 'crashed'), not the pod
            "--js-flags=--max-old-space-size=512");

    /** util-linux {@code setsid}: Debian's, at the same place in the image and on a developer's machine. */
    static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    /** Enough for Debian's launcher script (grep, findmnt, tr) and nothing else of the renderer's. */
    static final String PATH = "/usr/local/bin:/usr/bin:/bin";

    private final Process process;
    private final Path workDir;
    /** The session (and process group) every process of this browser belongs to, or -1 without setsid. */
    private final long session;

    private ChromiumProcess(Process process, Path workDir, long session) {
        this.process = process;
        this.workDir = workDir;
        this.session = session;
    }

    static ChromiumProcess start(Path binary, int width, int height) throws IOException {
        // the pid tells an operator (and the tests) which renderer a leftover browser belongs to
        Path workDir = Files.createTempDirectory("autobench-render-" + ProcessHandle.current().pid() + "-");
        Path home = Files.createDirectories(workDir.resolve("home"));
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        Optional<Path> setsid = SETSID.stream().filter(Files::isExecutable).findFirst();
        List<String> command = new ArrayList<>();
        // A session of its own: setsid execs in place (our child is no group leader), so the browser's pid is
        // the session id, and every process Chromium forks, re-parented or not, can be found and killed by it.
        setsid.ifPresent(path -> command.add(path.toString()));
        command.add(binary.toString());
        command.addAll(HEADLESS_FLAGS);
        command.addAll(NO_NETWORK_FLAGS);
        command.add("--user-data-dir=" + workDir.resolve("profile"));
        command.add("--window-size=" + width + "," + height);
        command.add("--remote-debugging-address=127.0.0.1");
        command.add("--remote-debugging-port=0");
        command.add("about:blank");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                // a file, not a pipe: Chromium logs a lot and must never block on a reader
                .redirectError(workDir.resolve("chromium.log").toFile());
        // Nothing of the renderer's environment (database password, cron secret, provider keys): only what
        // Chromium needs, its home and caches inside the throwaway directory.
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", PATH);
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("TMPDIR", tmp.toString());
        env.put("LANG", "C.UTF-8");
        try {
            Process process = builder.start();
            return new ChromiumProcess(process, workDir, setsid.isPresent() ? process.pid() : -1);
        } catch (IOException e) {
            deleteRecursively(workDir);
            throw e;
        }
    }

    /** Waits for Chromium to write its DevTools port into the profile, then returns the browser endpoint. */
    URI awaitDevTools(long deadlineNanos) throws IOException, InterruptedException, TimeoutException {
        Path portFile = workDir.resolve("profile").resolve("DevToolsActivePort");
        while (System.nanoTime() < deadlineNanos) {
            if (Files.isRegularFile(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(0).isBlank() && !lines.get(1).isBlank()) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("Chromium exited with status " + process.exitValue() + " before DevTools was up: "
                        + logTail());
            }
            Thread.sleep(15);
        }
        throw new TimeoutException("Chromium did not open DevTools in time");
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines Chromium logged, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("chromium.log"), StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    long pid() {
        return process.pid();
    }

    /** The browser's session id; -1 when it shares the renderer's (no setsid on this machine). */
    long session() {
        return session;
    }

    /**
     * Kills the whole session: every process whose session id is the browser's, so a child re-parented to
     * init (its parent already dead) dies too. Repeated until none is left, since a dying zygote may still
     * fork. Without a session of its own (no setsid) only the descendants still linked to the browser are found.
     * Last, any process that names this browser's directory on its command line is killed too.
     */
    void kill() {
        if (session > 0) {
            for (int round = 0; round < 100; round++) {
                List<ProcessHandle> members = SessionMembers.of(session);
                if (members.isEmpty()) {
                    break;
                }
                members.forEach(ProcessHandle::destroyForcibly);
                reap(round == 0 ? 0 : 10);
            }
        } else {
            List<ProcessHandle> tree = process.descendants().toList();
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly();
        reap(5_000);
        // whatever left the session (Chromium's crash handler double-forks into a session of its own; turning
        // it off with --disable-crashpad-for-testing stalls every screenshot) still names the throwaway
        // directory on its command line
        String dir = workDir.toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(dir))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private void reap(long millis) {
        try {
            process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        deleteRecursively(workDir);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory that outlives us is not worth failing a render for
        }
    }
}
