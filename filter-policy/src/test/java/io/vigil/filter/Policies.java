package io.vigil.filter;

import io.vigil.filter.format.ListSource;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/** A school policy the tests share: two key stages, staff, a time rule, an illegal list and list files. */
final class Policies {

    static final String SCHOOL = """
            vigil-filter-policy 1
            timezone Europe/London
            category pornography high-risk
            category self_harm high-risk
            category gaming
            category social
            category bypass bypass-attempt
            category ai_tools
            list pornography hosts lists/porn.hosts
            list gaming domains lists/gaming.txt
            list social squidguard ut1/social_networks
            list bypass domains builtin:bypass
            list ai_tools domains builtin:ai_tools
            domain self_harm selfharm.example
            domain gaming *.minecraft.example =exactgame.example
            illegal iwf domains iwf.txt
            illegal-entry ctiru terror.example
            allow copilot.microsoft.com      # the school's approved AI tool
            allow both.example               # also on the illegal list: must have no effect
            window school-hours mon-fri 08:30-15:30

            group ks1
              block pornography self_harm gaming social bypass ai_tools
              safesearch on
              youtube strict
            group ks2
              block pornography self_harm bypass
              block gaming social during school-hours
              allow scratch.gaming.example
              safesearch on
              youtube moderate
            group staff
              block pornography bypass

            device-group ks2
            user Alice ks1
            user sam staff
            nominated dsl1
            user dsl1 ks1
            grant dsl1 gaming until 2026-12-02T17:00:00Z
            suspend bob until 2026-12-05T15:30:00Z
            """;

    static final Map<String, String> FILES = Map.of(
            "lists/porn.hosts", "# a hosts file\n127.0.0.1 localhost\n0.0.0.0 porn.example www.porn2.example\n",
            "lists/gaming.txt", "gaming.example\n||adblockstyle.example^\nbad..line\nboth.example\n",
            "ut1/social_networks/domains", "social.example\n",
            "ut1/social_networks/urls", "other.example/some/page\n",
            "iwf.txt", "illegal.example\nhttp://imagehost.example/abc/123.jpg\nboth.example\n");

    static FilterPolicy school() throws PolicyException {
        return FilterPolicy.parse("school.vfp", SCHOOL, ListSource.of(FILES));
    }

    /** A moment in school time (Europe/London). */
    static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), ZoneId.of("Europe/London")).toInstant();
    }

    private Policies() {
    }
}
