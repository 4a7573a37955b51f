package io.vigil.filter.format;

import io.vigil.filter.BlockRule;
import io.vigil.filter.Category;
import io.vigil.filter.Group;
import io.vigil.filter.TimeWindow;
import io.vigil.filter.YouTubeMode;
import io.vigil.filter.match.DomainMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The indented lines under {@code group NAME}: block rules, allow exceptions, search settings. */
final class GroupSection {

    private final PolicyParser parser;
    private final String name;
    private final List<BlockRule> rules = new ArrayList<>();
    private final DomainMatcher.Builder allow = DomainMatcher.builder();
    private final List<String[]> allowPatterns = new ArrayList<>();
    private boolean safeSearch;
    private YouTubeMode youTube = YouTubeMode.OFF;
    private boolean blockAll;

    GroupSection(PolicyParser parser, String name) {
        this.parser = parser;
        this.name = name;
    }

    void rule(PolicyParser.Line line) {
        String[] a = line.args();
        switch (line.directive()) {
            case "block" -> block(line, a);
            case "allow" -> {
                for (String p : a) {
                    parser.addPattern(allow, line, p, 1);
                    allowPatterns.add(new String[] {p, Integer.toString(line.number())});
                }
            }
            case "safesearch" -> {
                if (a.length != 1 || !(a[0].equals("on") || a[0].equals("off"))) {
                    parser.problem(line, "safesearch takes on or off");
                } else {
                    safeSearch = a[0].equals("on");
                }
            }
            case "youtube" -> {
                try {
                    youTube = YouTubeMode.valueOf(a.length == 1 ? a[0].toUpperCase(Locale.ROOT) : "?");
                } catch (IllegalArgumentException e) {
                    parser.problem(line, "youtube takes off, moderate or strict");
                }
            }
            case "block-all" -> blockAll = true;
            default -> parser.problem(line, "unknown group rule \"" + line.directive()
                    + "\" (block, allow, safesearch, youtube, block-all)");
        }
    }

    private void block(PolicyParser.Line line, String[] a) {
        int end = a.length;
        TimeWindow window = null;
        boolean outside = false;
        if (a.length >= 2 && (a[a.length - 2].equals("during") || a[a.length - 2].equals("outside"))) {
            outside = a[a.length - 2].equals("outside");
            window = parser.window(line, a[a.length - 1]);
            end = a.length - 2;
            if (window == null) {
                return;
            }
        }
        if (end == 0) {
            parser.problem(line, "block needs at least one category");
            return;
        }
        long mask = 0;
        for (int i = 0; i < end; i++) {
            Category c = parser.category(line, a[i]);
            if (c != null) {
                mask |= c.mask();
            }
        }
        if (mask != 0) {
            rules.add(new BlockRule(mask, window, outside));
        }
    }

    List<String[]> allowPatterns() {
        return allowPatterns;
    }

    Group build() {
        return new Group(name, List.copyOf(rules), allow.build(), safeSearch, youTube, blockAll);
    }
}
