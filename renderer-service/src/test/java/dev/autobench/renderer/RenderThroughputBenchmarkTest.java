package dev.autobench.renderer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.renderer.chromium.ChromiumInstallation;
import dev.autobench.renderer.chromium.ChromiumLocator;
import dev.autobench.renderer.chromium.ChromiumRenderer;
import dev.autobench.renderer.chromium.PageRender;
import dev.autobench.renderer.chromium.RenderSettings;
import dev.autobench.renderer.render.ArtifactHtmlHardener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Artifacts rendered per minute at concurrency 1, 2 and 4, with the production defaults (1280x800, 1.5 s settle,
 * 15 s timeout), over twelve varied pages: harden + fresh Chromium + load + settle + screenshot + blank check.
 * Not part of the build: {@code ./mvnw -B -o -pl renderer-service test -Dgroups=benchmark}.
 */
@Tag("benchmark")
class RenderThroughputBenchmarkTest {

    @Test
    void artifactsPerMinute() throws Exception {
        ChromiumInstallation chromium = ChromiumLocator.locate(
                Optional.ofNullable(System.getenv("AUTOBENCH_CHROMIUM_PATH")), System.getenv("PATH"));
        Assumptions.assumeTrue(chromium.available(), "no Chromium: " + chromium.detail());
        ArtifactHtmlHardener hardener = new ArtifactHtmlHardener(512 * 1024);
        List<String> pages = pages().stream().map(p -> hardener.harden(p).html()).toList();
        RenderSettings defaults = new RenderSettings(1, 1280, 800, Duration.ofMillis(1500), Duration.ofSeconds(15), 3,
                Duration.ofSeconds(20), Duration.ofSeconds(5));

        System.out.printf("%nrenderer throughput, %d pages, %s, %d CPUs%n", pages.size(), chromium.version(),
                Runtime.getRuntime().availableProcessors());
        for (int concurrency : new int[]{1, 2, 4}) {
            ChromiumRenderer renderer = new ChromiumRenderer(chromium, defaults.withConcurrency(concurrency), new ObjectMapper());
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long start = System.nanoTime();
            List<Future<PageRender>> runs = new ArrayList<>();
            for (String page : pages) {
                runs.add(pool.submit(() -> renderer.render(page)));
            }
            Map<PageRender.Outcome, Integer> outcomes = new EnumMap<>(PageRender.Outcome.class);
            long renderMs = 0;
            for (Future<PageRender> run : runs) {
                PageRender render = run.get();
                outcomes.merge(render.outcome(), 1, Integer::sum);
                renderMs += render.renderMs();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf("concurrency %d: %5.1f artifacts/min  (%d pages in %.1f s, mean render %d ms, %s)%n",
                    concurrency, pages.size() * 60 / seconds, pages.size(), seconds, renderMs / pages.size(), outcomes);
        }
    }

    private static List<String> pages() {
        return List.of(
                Pages.CANVAS,
                Pages.THROWS,
                Pages.BLANK,
                Pages.text("Just a heading"),
                """
                <!DOCTYPE html><html><head><style>
                .b{width:80px;height:80px;background:teal;animation:s 1s linear infinite}
                @keyframes s{to{transform:rotate(360deg)}}</style></head><body><div class="b"></div></body></html>""",
                """
                <!DOCTYPE html><html><body><canvas id="c" width="1280" height="800"></canvas><script>
                const g = document.getElementById('c').getContext('2d'); const ps = [];
                for (let i = 0; i < 2000; i++) ps.push({x: Math.random() * 1280, y: Math.random() * 800, v: Math.random() * 4});
                (function f() { g.fillStyle = '#000'; g.fillRect(0, 0, 1280, 800); g.fillStyle = '#0f0';
                  for (const p of ps) { p.y = (p.y + p.v) % 800; g.fillRect(p.x, p.y, 2, 2); } requestAnimationFrame(f); })();
                </script></body></html>""",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\"><circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"orange\"/></svg>",
                "const d = document.createElement('div'); d.textContent = 'JS only'; d.style.font = '48px sans-serif'; document.body.appendChild(d);",
                """
                <!DOCTYPE html><html><body><table id="t"></table><script>
                const t = document.getElementById('t');
                for (let i = 0; i < 3000; i++) { const r = t.insertRow(); for (let j = 0; j < 6; j++) r.insertCell().textContent = i * j; }
                </script></body></html>""",
                """
                <!DOCTYPE html><html><body><h1 id="h">computing</h1><script>
                let x = 0; const end = Date.now() + 400; while (Date.now() < end) { x += Math.sqrt(x + 1); }
                document.getElementById('h').textContent = 'done ' + x.toFixed(0);
                </script></body></html>""",
                """
                <!DOCTYPE html><html><body><form><label>Name <input value="Ada"></label><select><option>One</option></select>
                <button>Send</button></form><p style="font:20px serif">A form that goes nowhere.</p></body></html>""",
                """
                <!DOCTYPE html><html><head><style>body{margin:0;display:grid;grid-template-columns:repeat(8,1fr)}
                div{height:100px}</style></head><body><script>
                for (let i = 0; i < 64; i++) { const d = document.createElement('div');
                  d.style.background = `hsl(${i * 5}, 70%, 50%)`; document.body.appendChild(d); }
                </script></body></html>""");
    }
}
