package dev.autobench.arena.ui;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The browser tests run on a database of their own (see {@link UiDatabase}). */
public class UiTestProfile implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(UiDatabase.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // a fresh leaderboard within a second of the seeded votes, instead of the production 30 s
        return Map.of("autobench.arena.leaderboard.min-interval", "1s");
    }
}
