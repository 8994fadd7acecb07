package dev.autobench.renderer.chromium;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The Chromium this service renders with, as found at start.
 *
 * @param binary  the executable, when one was found
 * @param version what {@code --version} printed, when it ran
 * @param detail  how it was found, or why it is missing
 */
public record ChromiumInstallation(Optional<Path> binary, String version, String detail) {

    public static ChromiumInstallation missing(String detail) {
        return new ChromiumInstallation(Optional.empty(), null, detail);
    }

    public boolean available() {
        return binary.isPresent();
    }
}
