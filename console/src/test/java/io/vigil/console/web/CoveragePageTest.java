package io.vigil.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.Role;
import org.junit.jupiter.api.Test;

class CoveragePageTest {

    @Test
    void everyoneSignedInCanReadWhatVigilCannotSeeAndEveryPageLinksToIt() throws Exception {
        try (FakeConsole console = new FakeConsole()) {
            var governor = console.client(Role.GOVERNOR);
            var page = governor.get("/coverage");
            assertEquals(200, page.statusCode());
            String html = page.body();
            for (String gap : new String[] {"iPads", "phones", "mobile data", "encrypted apps", "switched off",
                    "school's own filter"}) {
                assertTrue(html.contains(gap), () -> "coverage page does not mention '" + gap + "'");
            }
            assertTrue(governor.get("/welcome").body().contains("<a href=\"/coverage\">What Vigil covers</a>"),
                    "the site navigation must link to the coverage page");
        }
    }
}
