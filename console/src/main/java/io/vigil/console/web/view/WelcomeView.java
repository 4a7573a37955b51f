package io.vigil.console.web.view;

import java.util.List;

/** The start page for people whose roles do not include reading alerts. */
public record WelcomeView(String username, List<String> roleTitles, boolean seesDevices) {
}
