package dev.autobench.renderer.chromium;

import dev.autobench.renderer.config.RendererConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds Chromium once, at start, and says clearly when there is none: the service then still stores every
 * hardened page, only without a screenshot.
 */
@Startup
@Singleton
public class ChromiumLocator {

    static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final Logger LOG = Logger.getLogger(ChromiumLocator.class);

    private final ChromiumInstallation installation;

    @Inject
    public ChromiumLocator(RendererConfig config) {
        this.installation = locate(config.chromiumPath().filter(p -> !p.isBlank()), System.getenv("PATH"));
        if (installation.available()) {
            LOG.infof("Chromium available: %s (%s)", installation.binary().get(), installation.version());
        } else {
            LOG.warnf("Chromium missing: %s. Artifacts keep their hardened HTML but get no screenshot "
                    + "(screenshot_status 'unavailable'); set AUTOBENCH_CHROMIUM_PATH or install chromium.",
                    installation.detail());
        }
    }

    public ChromiumInstallation installation() {
        return installation;
    }

    public static ChromiumInstallation locate(Optional<String> configured, String searchPath) {
        if (configured.isPresent()) {
            Path path = Path.of(configured.get());
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                return ChromiumInstallation.missing("AUTOBENCH_CHROMIUM_PATH=" + path + " is not an executable file");
            }
            return probe(path, "configured");
        }
        for (String dir : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : CANDIDATES) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return probe(candidate, "found on PATH");
                }
            }
        }
        return ChromiumInstallation.missing("none of " + CANDIDATES + " is on PATH and AUTOBENCH_CHROMIUM_PATH is not set");
    }

    /** Runs {@code --version}: a binary that cannot even say its version will not render either. */
    private static ChromiumInstallation probe(Path binary, String how) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String version;
            try (InputStream out = process.getInputStream()) {
                version = new String(out.readNBytes(4096), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return ChromiumInstallation.missing(binary + " did not answer --version in time");
            }
            if (process.exitValue() != 0) {
                return ChromiumInstallation.missing(binary + " --version exited with " + process.exitValue());
            }
            return new ChromiumInstallation(Optional.of(binary), version, how);
        } catch (IOException e) {
            return ChromiumInstallation.missing(binary + " cannot be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ChromiumInstallation.missing(binary + " probe interrupted");
        }
    }
}
