package io.vigil.console.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Reads a started {@code serve} process's stdout until it announces it is ready. */
public final class ServeBanner {

    private ServeBanner() {
    }

    /** @return everything printed up to and including "Vigil console ready" */
    public static String awaitReady(Process serve) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder out = new StringBuilder();
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    out.append(line).append('\n');
                    if (line.equals("Vigil console ready")) {
                        return out.toString();
                    }
                }
            } catch (IOException e) {
                // the process ended; report what it said
            }
            throw new AssertionError("serve ended before it was ready:\n" + out);
        }).get(60, TimeUnit.SECONDS);
    }
}
