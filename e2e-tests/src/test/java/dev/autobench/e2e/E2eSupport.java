package dev.autobench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

final class E2eSupport {

    private E2eSupport() {
    }

    static Path root() {
        String root = System.getProperty("autobench.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String chromium() {
        String configured = System.getenv("AUTOBENCH_CHROMIUM_PATH");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (new java.io.File(candidate).canExecute()) {
                return candidate;
            }
        }
        return "chromium";
    }
}
