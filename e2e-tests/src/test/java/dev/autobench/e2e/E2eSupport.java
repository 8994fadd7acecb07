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

    /**
     * The value of the series {@code name} whose labels include every given {@code label="value"} (the scrape adds
     * the common {@code service} label); 0 when that series does not exist yet.
     */
    static double metric(ServiceProcess service, String name, String... labels) {
        String scrape = io.restassured.RestAssured.given().accept("text/plain").get(service.url("/q/metrics")).asString();
        return scrape.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(label -> line.contains(label)))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0.0);
    }
}
