package io.vigil.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupCharactersAreEscaped() {
        assertEquals("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp;",
                Html.esc("<img src=x onerror=\"alert('1')\"> &"));
        assertEquals("", Html.esc(null));
    }

    @Test
    void signInPageHasLabelsLanguageAndSkipLink() {
        String page = SignInPage.render("Wrong <b>", "a\"b");
        assertTrue(page.contains("<html lang=\"en-GB\">"));
        assertTrue(page.contains("<label for=\"username\">"));
        assertTrue(page.contains("<label for=\"password\">"));
        assertTrue(page.contains("class=\"skip-link\" href=\"#main\""));
        assertTrue(page.contains("Wrong &lt;b&gt;"));
        assertTrue(page.contains("value=\"a&quot;b\""));
        assertTrue(!page.contains("<script>"), "no inline script under the CSP");
    }
}
