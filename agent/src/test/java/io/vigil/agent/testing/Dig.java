package io.vigil.agent.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the real {@code dig} against a loopback port and reads its status and answer records. */
public final class Dig {

    private static final Pattern STATUS = Pattern.compile("status: ([A-Z]+)");

    /**
     * @param status  NOERROR, NXDOMAIN, SERVFAIL, FORMERR ... or TIMEOUT when no answer came
     * @param answers the rdata of each answer record in order (addresses, CNAME targets with trailing dot)
     * @param types   the type of each answer record
     */
    public record Answer(String status, List<String> answers, List<String> types, String raw) {
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/dig"));
    }

    public static Answer query(int port, String name, String type, boolean tcp) {
        return query(port, name, type, tcp, 5);
    }

    /** {@code timeSeconds}: how long dig waits for an answer before it reports none (TIMEOUT). */
    public static Answer query(int port, String name, String type, boolean tcp, int timeSeconds) {
        List<String> cmd = new ArrayList<>(List.of("dig", "@127.0.0.1", "-p", Integer.toString(port), name, type,
                "+tries=1", "+time=" + timeSeconds, "+noall", "+comments", "+answer"));
        if (tcp) {
            cmd.add("+tcp");
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("dig did not finish");
            }
            Matcher m = STATUS.matcher(out);
            String status = m.find() ? m.group(1) : "TIMEOUT";
            List<String> answers = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.isBlank() || line.startsWith(";")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+", 5);
                if (f.length == 5) {
                    types.add(f[3]);
                    answers.add(f[4]);
                }
            }
            return new Answer(status, answers, types, out);
        } catch (IOException e) {
            throw new AssertionError("cannot run dig: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
