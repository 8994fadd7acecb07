package dev.autobench.arena.ui;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URI;

/**
 * The browser of a UI test class, quit by JUnit: before each test it runs the class's seeding, then
 * sets the test's {@link Browser} field, pointed at the application under test. One Chromium for the
 * whole class ({@link #sharedByTheClass}: starting Chromium is the slow part) or a fresh one for
 * every test ({@link #freshPerTest}: a fresh profile is a fresh voter, without the last test's cookie).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Browsers browsers = Browsers.sharedByTheClass(UiFixtures::seed);
 *
 * private Browser browser;
 * }</pre>
 */
final class Browsers implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final Runnable NOTHING = () -> { };

    private final boolean perTest;
    private final Runnable seed;
    private Browser browser;

    private Browsers(boolean perTest, Runnable seed) {
        this.perTest = perTest;
        this.seed = seed;
    }

    static Browsers sharedByTheClass() {
        return sharedByTheClass(NOTHING);
    }

    static Browsers sharedByTheClass(Runnable seed) {
        return new Browsers(false, seed);
    }

    static Browsers freshPerTest() {
        return freshPerTest(NOTHING);
    }

    static Browsers freshPerTest(Runnable seed) {
        return new Browsers(true, seed);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException, MalformedURLException {
        seed.run();
        if (browser == null) {
            browser = new Browser(URI.create(TestHTTPResourceManager.getUri() + "/").toURL());
        }
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == Browser.class && !Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(context.getRequiredTestInstance(), browser);
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void close() {
        if (browser != null) {
            try {
                browser.close();
            } finally {
                browser = null;
            }
        }
    }
}
