package dev.autobench.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The KEY=value files {@code ./autobench} writes into its state folder (secrets.env, db-roles.env). */
final class EnvFile {

    private EnvFile() {
    }

    static Map<String, String> read(Path file) {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": did ./autobench start run?", e);
        }
    }
}
