package dev.autobench.renderer.chromium;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One throwaway headless Chromium: a fresh profile in a temp directory, no network, DevTools on an
 * ephemeral loopback port. Closing it kills the whole process tree and deletes the profile.
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
            "--host-resolver-rules=MAP * ~NOTFOUND");

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

    private final Process process;
    private final Path workDir;

    private ChromiumProcess(Process process, Path workDir) {
        this.process = process;
        this.workDir = workDir;
    }

    static ChromiumProcess start(Path binary, int width, int height) throws IOException {
        // the pid tells an operator (and the tests) which renderer a leftover browser belongs to
        Path workDir = Files.createTempDirectory("autobench-render-" + ProcessHandle.current().pid() + "-");
        List<String> command = new ArrayList<>();
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
        builder.environment().remove("DISPLAY");
        try {
            return new ChromiumProcess(builder.start(), workDir);
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

    /** Kills every descendant first (renderer and zygote processes would otherwise be re-parented), then the browser. */
    void kill() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
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
