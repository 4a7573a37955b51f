package io.vigil.console.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The one HTML renderer: jte templates from {@code src/main/jte}, compiled to Java at build time by the
 * jte-maven-plugin (so no template compiler runs in the console). jte escapes every value by default for
 * its place in the HTML.
 */
final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** @param name the template file, e.g. {@code inbox.jte}; its single parameter is {@code view} */
    String render(String name, Object view) {
        StringOutput out = new StringOutput();
        engine.render(name, view, out);
        return out.toString();
    }
}
