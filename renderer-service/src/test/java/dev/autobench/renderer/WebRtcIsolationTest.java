package dev.autobench.renderer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.renderer.chromium.ChromiumLocator;
import dev.autobench.renderer.chromium.ChromiumRenderer;
import dev.autobench.renderer.chromium.PageRender;
import dev.autobench.renderer.chromium.RenderSettings;
import dev.autobench.renderer.config.RendererConfig;
import dev.autobench.renderer.artifact.PageProblem;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WebRTC sends UDP by itself, around the proxy: a page's RTCPeerConnection with a STUN server on a loopback port
 * the test listens on must gather no candidate and send that port nothing.
 */
@QuarkusTest
class WebRtcIsolationTest {

    @Inject
    ChromiumLocator locator;

    @Inject
    RendererConfig config;

    @Test
    void anArtifactsPeerConnectionGathersNoCandidateAndSendsNothingToItsStunServer() throws Exception {
        try (DatagramSocket stun = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String page = """
                    <!DOCTYPE html><html><body><h1>WebRTC</h1><script>
                      const found = [];
                      const pc = new RTCPeerConnection({iceServers: [{urls: 'stun:127.0.0.1:%d'}]});
                      pc.onicecandidate = e => {
                        if (e.candidate && e.candidate.candidate) { found.push(e.candidate.candidate); }
                        else if (!e.candidate) { console.error('ice-complete ' + JSON.stringify(found)); }
                      };
                      pc.createDataChannel('out');
                      pc.createOffer().then(offer => pc.setLocalDescription(offer))
                        .catch(err => console.error('ice-error ' + err));
                    </script></body></html>""".formatted(stun.getLocalPort());
            // a long settle: ICE gathering is asynchronous and must finish while the page is still open
            RenderSettings settings = RenderSettings.from(config).withSettleTime(Duration.ofSeconds(5));
            ChromiumRenderer renderer = new ChromiumRenderer(locator.installation(),
                    new RenderSettings(settings.concurrency(), settings.width(), settings.height(), settings.settleTime(),
                            Duration.ofSeconds(60), settings.maxAttempts(), settings.checksTimeout(),
                            settings.checkStepTimeout()), new ObjectMapper());

            PageRender result = renderer.render(page);

            // The browser is gone, so anything it sent has arrived; a probe sent now queues behind it.
            byte[] probe = "probe".getBytes(StandardCharsets.US_ASCII);
            try (DatagramSocket sender = new DatagramSocket()) {
                sender.send(new DatagramPacket(probe, probe.length, InetAddress.getLoopbackAddress(), stun.getLocalPort()));
            }
            stun.setSoTimeout(30_000);
            DatagramPacket first = new DatagramPacket(new byte[1500], 1500);
            stun.receive(first);
            assertThat(new String(first.getData(), 0, first.getLength(), StandardCharsets.US_ASCII))
                    .as("the first datagram the STUN port received").isEqualTo("probe");
            assertThat(result.outcome()).isEqualTo(PageRender.Outcome.RENDERED);
            assertThat(result.consoleErrors()).extracting(PageProblem::text)
                    .as("gathering finished without a single candidate").contains("ice-complete []");
        }
    }
}
