package io.vigil.console.people;

import java.util.List;

/**
 * One person from the school's directory export: everything Vigil keeps about them, and nothing more.
 *
 * @param usernames their logins, lower case, at least one
 * @param yearGroup "R" or "1".."13" for pupils, "" when none
 * @param row       the CSV row it came from (1 = the header), for messages
 */
public record DirectoryEntry(List<String> usernames, String displayName, String yearGroup, String form,
                             DirectoryRole role, int row) {

    public DirectoryEntry {
        usernames = List.copyOf(usernames);
    }
}
