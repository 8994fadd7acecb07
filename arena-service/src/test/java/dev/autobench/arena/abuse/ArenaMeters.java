package dev.autobench.arena.abuse;

import static io.restassured.RestAssured.given;

/** Reads one series of the Prometheus scrape, as the SRE dashboard does. */
final class ArenaMeters {

    private ArenaMeters() {
    }

    static double rejected(String reason) {
        return value("autobench_votes_rejected_total", "reason=\"" + reason + "\"");
    }

    static double uncounted() {
        return sum("autobench_votes_total", "counted=\"false\"");
    }

    static double value(String name, String label) {
        return sum(name, label);
    }

    /** Sum of every series of {@code name} whose labels contain {@code label} (0 when none exists yet). */
    static double sum(String name, String label) {
        String scrape = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        double total = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
