package io.vigil.console.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates a directory export (SIMS, Arbor, Wonde or Groupcall, saved as CSV) and turns it into
 * {@link DirectoryEntry}s. Every problem is collected with its row, and a file with any problem is refused whole:
 * importing the good half of a bad export would silently drop people from alert routing.
 *
 * <p>Columns (header names are matched loosely, in any order): username(s), display name, year group, form,
 * role. Any other column is refused: Vigil keeps nothing more about a child than it needs to name them.
 */
public final class DirectoryCsv {

    /** A school of 2,500 pupils and 300 staff fits many times over. */
    public static final int MAX_PEOPLE = 20_000;

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("username", "usernames"), Map.entry("usernames", "usernames"), Map.entry("login", "usernames"),
            Map.entry("logins", "usernames"), Map.entry("displayname", "name"), Map.entry("name", "name"),
            Map.entry("yeargroup", "year"), Map.entry("year", "year"), Map.entry("form", "form"),
            Map.entry("registrationgroup", "form"), Map.entry("reggroup", "form"), Map.entry("role", "role"));
    private static final List<String> REQUIRED = List.of("usernames", "name", "year", "form", "role");
    /** Logins: letters, digits and the punctuation Windows, Google and Microsoft accounts use. */
    private static final Pattern LOGIN = Pattern.compile("[\\p{L}\\p{N}._@'\\\\-]{1,200}");
    private static final Pattern YEAR = Pattern.compile("(?i)(?:year\\s*|y)?(r|n|[1-9]|1[0-3])");

    private DirectoryCsv() {
    }

    /**
     * @throws InvalidDirectoryException with every problem, each naming its row; nothing is returned then
     */
    public static List<DirectoryEntry> parse(byte[] file) {
        List<List<String>> rows = CsvText.rows(file);
        List<DirectoryProblem> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            throw new InvalidDirectoryException(List.of(new DirectoryProblem(0, "the file is empty")));
        }
        Map<String, Integer> columns = columns(rows.getFirst(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(problems);
        }
        if (rows.size() - 1 > MAX_PEOPLE) {
            throw new InvalidDirectoryException(List.of(new DirectoryProblem(0, "the file has " + (rows.size() - 1)
                    + " people; the limit is " + MAX_PEOPLE)));
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            entry(i + 1, cells, columns, seen, problems).ifPresent(entries::add);
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(new DirectoryProblem(0, "the file has a header but nobody in it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(problems);
        }
        return entries;
    }

    private static Map<String, Integer> columns(List<String> header, List<DirectoryProblem> problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i).strip();
            String key = HEADERS.get(raw.toLowerCase(Locale.ROOT).replaceAll("[\\s_()-]+", ""));
            if (key == null) {
                problems.add(new DirectoryProblem(1, "unexpected column '" + raw + "': the directory holds only"
                        + " username, display name, year group, form and role"));
            } else if (columns.putIfAbsent(key, i) != null) {
                problems.add(new DirectoryProblem(1, "column '" + raw + "' appears twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(new DirectoryProblem(1, "missing column '" + label(required) + "'"));
            }
        }
        return columns;
    }

    private static Optional<DirectoryEntry> entry(int row, List<String> cells, Map<String, Integer> columns,
                                                  Map<String, Integer> seen, List<DirectoryProblem> problems) {
        int before = problems.size();
        if (cells.size() > columns.size()) {
            // The cells are shifted: any other message about this row would name the wrong column.
            problems.add(new DirectoryProblem(row, "has " + cells.size() + " cells but the header has "
                    + columns.size() + " columns (an unquoted comma?)"));
            return Optional.empty();
        }
        Map<String, String> v = new HashMap<>();
        for (var column : columns.entrySet()) {
            String cell = column.getValue() < cells.size() ? cells.get(column.getValue()) : "";
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                problems.add(new DirectoryProblem(row, label(column.getKey()) + " starts with '"
                        + printable(cell.charAt(0)) + "', which a spreadsheet would run as a formula; remove it"));
            }
            v.put(column.getKey(), cell.strip());
        }
        List<String> usernames = new ArrayList<>();
        for (String login : v.get("usernames").split("[;|\\s]+")) {
            if (login.isEmpty()) {
                continue;
            }
            String lower = login.toLowerCase(Locale.ROOT);
            if (!LOGIN.matcher(lower).matches()) {
                problems.add(new DirectoryProblem(row, "username '" + login + "' has characters a login cannot have"));
            } else if (seen.containsKey(lower)) {
                problems.add(new DirectoryProblem(row, "duplicate username '" + lower + "' (also on row "
                        + seen.get(lower) + ")"));
            } else if (!usernames.contains(lower)) {
                seen.put(lower, row);
                usernames.add(lower);
            }
        }
        if (usernames.isEmpty() && v.get("usernames").isEmpty()) {
            problems.add(new DirectoryProblem(row, "no username"));
        }
        String name = v.get("name");
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new DirectoryProblem(row, name.isEmpty() ? "no display name" : "display name longer than 200"));
        }
        Optional<DirectoryRole> role = DirectoryRole.parse(v.get("role"));
        if (role.isEmpty()) {
            problems.add(new DirectoryProblem(row, "unknown role '" + v.get("role") + "'; expected pupil, staff,"
                    + " headteacher or governor"));
        }
        String year = year(row, v.get("year"), role.orElse(null), problems);
        String form = v.get("form");
        if (form.length() > 20) {
            problems.add(new DirectoryProblem(row, "form longer than 20 characters"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new DirectoryEntry(usernames, name, year, form, role.orElseThrow(), row));
    }

    private static String year(int row, String cell, DirectoryRole role, List<DirectoryProblem> problems) {
        if (cell.isEmpty()) {
            if (role == DirectoryRole.PUPIL) {
                problems.add(new DirectoryProblem(row, "no year group for a pupil"));
            }
            return "";
        }
        var m = YEAR.matcher(cell.strip());
        if (!m.matches()) {
            problems.add(new DirectoryProblem(row, "bad year group '" + cell + "'; expected R, N or 1 to 13"));
            return "";
        }
        return m.group(1).toUpperCase(Locale.ROOT);
    }

    private static String label(String key) {
        return switch (key) {
            case "usernames" -> "username";
            case "name" -> "display name";
            case "year" -> "year group";
            default -> key;
        };
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.valueOf(c);
    }
}
