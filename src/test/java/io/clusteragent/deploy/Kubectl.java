package io.clusteragent.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization the way users apply it: {@code kubectl kustomize DIR}. */
public final class Kubectl {

    private static final long TIMEOUT_SECONDS = 120;

    private Kubectl() {}

    public static String kustomize(Path dir) {
        Path stderr = null;
        try {
            stderr = Files.createTempFile("kustomize", ".err");
            Process process = start(dir, stderr);
            String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(
                        "kubectl kustomize " + dir + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue()
                        + "); kubectl 1.27 or" + " later is needed (kustomize v5):\n" + Files.readString(stderr));
            }
            return rendered;
        } catch (IOException e) {
            throw new AssertionError("cannot render " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        } finally {
            deleteQuietly(stderr);
        }
    }

    private static Process start(Path dir, Path stderr) {
        try {
            return new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "kubectl is not installed, and the deployment tests render every overlay with"
                            + " `kubectl kustomize`: install kubectl 1.27 or later (.ci/run installs it on a fresh machine)",
                    e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
