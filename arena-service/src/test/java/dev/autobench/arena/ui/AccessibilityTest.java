package dev.autobench.arena.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small audit run inside the page, in light and dark: names for every control, alt text, frame
 * titles, one h1, WCAG AA contrast (4.5:1, 3:1 for large text) for every visible piece of text,
 * and a visible focus ring in keyboard order starting with the skip link.
 */
@QuarkusTest
@TestProfile(UiTestProfile.class)
class AccessibilityTest {

    /** Returns a list of problems; empty when the page passes. */
    private static final String AUDIT = """
            const problems = [];
            const visible = (e) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
              return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
            const label = (e) => (e.getAttribute('aria-label') || e.textContent || '').trim()
              || (e.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)?.textContent || '').join('').trim()
              || (e.querySelector('img[alt]')?.getAttribute('alt') || '').trim();
            if (!document.documentElement.lang) problems.push('html has no lang');
            const h1s = [...document.querySelectorAll('h1')].filter(visible);
            if (h1s.length !== 1) problems.push('visible h1 count ' + h1s.length);
            for (const e of document.querySelectorAll('button, a[href]')) if (visible(e) && !label(e)) problems.push('unnamed ' + e.outerHTML.slice(0, 80));
            for (const e of document.querySelectorAll('img')) if (!e.hasAttribute('alt')) problems.push('img without alt ' + e.src);
            for (const e of document.querySelectorAll('iframe')) if (!e.title) problems.push('iframe without title');
            for (const e of document.querySelectorAll('select, input, textarea')) if (!e.labels?.length && !e.getAttribute('aria-label')) problems.push('unlabelled ' + e.id);

            const parse = (c) => {
              let m = c.match(/rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?/);
              if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
              m = c.match(/color\\(srgb ([\\d.]+) ([\\d.]+) ([\\d.]+)(?: \\/ ([\\d.]+))?/);
              if (m) return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : +m[4]];
              return null; };
            const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
            const background = (e) => {
              const layers = [];
              for (let n = e; n; n = n.parentElement) {
                const s = getComputedStyle(n);
                if (s.backgroundImage !== 'none') return null;          // gradients and images: not judged here
                const c = parse(s.backgroundColor);
                if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
              }
              let color = [255, 255, 255, 1];
              for (const layer of layers.reverse()) color = over(layer, color);
              return color; };
            const luminance = (c) => { const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const seen = new Set();
            for (let t = walker.nextNode(); t; t = walker.nextNode()) {
              const e = t.parentElement;
              if (!t.textContent.trim() || seen.has(e) || e.closest('svg, [disabled], .visually-hidden') || !visible(e)) continue;
              seen.add(e);
              const s = getComputedStyle(e);
              if (parseFloat(s.opacity) < 1) continue;
              const bg = background(e);
              const fg = parse(s.color);
              if (!bg || !fg) continue;
              const a = luminance(over(fg, bg)); const b = luminance(bg);
              const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              const size = parseFloat(s.fontSize); const bold = parseInt(s.fontWeight, 10) >= 700;
              const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
              if (ratio < needed) problems.push(`contrast ${ratio.toFixed(2)} < ${needed} for "${t.textContent.trim().slice(0, 40)}" (${s.color} on rgb(${bg.slice(0, 3).map(Math.round)}))`);
            }
            return problems;
            """;

    @RegisterExtension
    static final Browsers browsers = Browsers.sharedByTheClass(UiFixtures::seed);

    private Browser browser;

    @ParameterizedTest(name = "{0} in {2}")
    @CsvSource({
            "/, #match:not([hidden]), light",
            "/, #match:not([hidden]), dark",
            "/leaderboard.html, #status > *, light",
            "/leaderboard.html, #status > *, dark",
            "/tasks.html, .task-card, light",
            "/tasks.html, .task-card, dark",
            "/my-votes.html, #status > *, light",
            "/my-votes.html, #status > *, dark",
    })
    void pagePassesTheAudit(String path, String loaded, String scheme) {
        browser.colorScheme(scheme);
        browser.open(path);
        browser.await(By.cssSelector(loaded));
        browser.waitUntil(d -> d.findElements(By.cssSelector("[aria-busy='true'], .spinner")).isEmpty());

        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) browser.js(AUDIT);
        assertThat(problems).as("accessibility problems on %s (%s)", path, scheme).isEmpty();

        List<String> focusProblems = new ArrayList<>();
        Actions keyboard = new Actions(browser.driver);
        keyboard.sendKeys(Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("class")).contains("skip-link");
        for (int i = 0; i < 8; i++) {
            if ((Boolean) browser.js("return document.activeElement === document.body;")) {
                break; // tabbed past the page's last control (a short page such as an empty "My votes")
            }
            String ring = (String) browser.js("const s = getComputedStyle(document.activeElement);"
                    + "return s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? document.activeElement.outerHTML.slice(0, 80) : '';");
            if (!ring.isEmpty()) {
                focusProblems.add("no focus ring on " + ring);
            }
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertThat(focusProblems).isEmpty();
        browser.colorScheme("light");
    }

    /** The audit above must be able to fail: grey-on-white text and a nameless button are caught. */
    @Test
    void theAuditCatchesLowContrastAndNamelessControls() {
        browser.open("/tasks.html");
        browser.await(By.cssSelector(".task-card"));
        browser.js("const p = document.createElement('p'); p.textContent = 'faint words'; p.style.color = '#c8c8c8';"
                + "p.style.background = '#ffffff'; document.querySelector('main').append(p);"
                + "document.querySelector('main').append(document.createElement('button'));");
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) browser.js(AUDIT);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("contrast").contains("faint words"))
                .anySatisfy(p -> assertThat(p).startsWith("unnamed <button"));
    }
}
