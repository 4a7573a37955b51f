package io.vigil.agent.filter;

import io.vigil.filter.FilterPolicy;
import io.vigil.filter.PolicyException;
import io.vigil.filter.format.ListSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/** The school policy the agent's filter tests run: small lists the test writes, two key stages and staff. */
public final class TestPolicies {

    public static final String SCHOOL = """
            vigil-filter-policy 1
            category pornography high-risk
            category self_harm high-risk
            category gaming
            category bypass bypass-attempt
            list pornography hosts lists/porn.hosts
            list gaming domains lists/gaming.txt
            list bypass domains builtin:bypass
            domain self_harm selfharm.example
            illegal iwf domains lists/iwf.txt
            allow both.example
            window school-hours mon-fri 08:30-15:30
            group ks1
              block pornography self_harm gaming bypass
              safesearch on
              youtube strict
            group ks2
              block pornography self_harm bypass
              block gaming during school-hours
              safesearch on
            group staff
              block pornography bypass
            device-group ks2
            user alice ks1
            user sam staff
            user dsl1 ks1
            nominated dsl1
            grant dsl1 gaming until 2100-01-01T00:00:00Z
            """;

    public static final Map<String, String> LISTS = Map.of(
            "lists/porn.hosts", "0.0.0.0 porn.example\n",
            "lists/gaming.txt", "gaming.example\nboth.example\n",
            "lists/iwf.txt", "both.example\nhttp://imagehost.example/a/b.jpg\n");

    public static FilterPolicy school() throws PolicyException {
        return FilterPolicy.parse("school.vfp", SCHOOL, ListSource.of(LISTS));
    }

    /** Writes the policy and its lists under {@code dir}; returns the policy file. */
    public static Path write(Path dir, String policyText) throws IOException {
        for (Map.Entry<String, String> f : LISTS.entrySet()) {
            Files.createDirectories(dir.resolve(f.getKey()).getParent());
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        Path policy = dir.resolve("school.vfp");
        Files.writeString(policy, policyText);
        return policy;
    }

    /** Wednesday 2 December 2026 at {@code time} in London. */
    public static Instant wednesday(String time) {
        return LocalDateTime.parse("2026-12-02T" + time).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    private TestPolicies() {
    }
}
