package dev.autobench.arena.ui;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

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
}
