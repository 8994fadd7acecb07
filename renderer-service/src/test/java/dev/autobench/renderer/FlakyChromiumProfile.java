package dev.autobench.renderer;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A deployment whose Chromium fails to start on demand: AUTOBENCH_CHROMIUM_PATH is a launcher script that exits
 * before the browser starts while {@link #BROKEN} exists, and fails one start each time {@link #FAIL_NEXT} is
 * created. Otherwise it runs the real /usr/bin/chromium. It answers {@code --version} always, as a browser that is
 * installed but crashes at start does.
 */
public class FlakyChromiumProfile implements QuarkusTestProfile {

    /** Same path in the profile and in the test, whichever class loader loads them. */
    static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "autobench-flaky-chromium-" + ProcessHandle.current().pid());
    static final Path BROKEN = DIR.resolve("broken");
    static final Path FAIL_NEXT = DIR.resolve("fail-next");

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Files.createDirectories(DIR);
            Path launcher = DIR.resolve("chromium");
            Files.writeString(launcher, """
                    #!/bin/sh
                    case "$1" in --version) exec /usr/bin/chromium --version ;; esac
                    if [ -e %1$s ]; then echo "simulated launch failure: the browser is broken" >&2; exit 1; fi
                    if [ -e %2$s ]; then rm -f %2$s; echo "simulated crash at start" >&2; exit 1; fi
                    exec /usr/bin/chromium "$@"
                    """.formatted(BROKEN, FAIL_NEXT), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
            // broken from the start: the service must not say it is ready before a browser launch worked
            Files.writeString(BROKEN, "");
            return Map.of("autobench.renderer.chromium-path", launcher.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
