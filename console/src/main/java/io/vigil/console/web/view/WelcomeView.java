package io.vigil.console.web.view;

import java.util.List;

/**
 * The start page for people whose roles do not include reading alerts.
 *
 * @param links the pages their roles open, e.g. filter policy publishing for the IT provider
 */
public record WelcomeView(String username, List<String> roleTitles, boolean seesDevices, List<Link> links) {

    public WelcomeView(String username, List<String> roleTitles, boolean seesDevices) {
        this(username, roleTitles, seesDevices, List.of());
    }

    public record Link(String href, String text) {
    }
}
