package dev.autobench.deploy.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with the kubectl on the PATH, exactly as an operator would. */
public final class Kustomize {

    private Kustomize() {
    }

    public static String build(Path dir) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectErrorStream(false).start();
            // Read both streams fully before waiting, so a large rendering cannot block the pipe.
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("kubectl is required to render " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
