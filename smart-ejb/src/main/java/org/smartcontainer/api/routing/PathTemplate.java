package org.smartcontainer.api.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A path template such as {@code /records/{record_id}/medications/}: literal segments and {@code {variable}}
 * segments, each matching one non-empty path segment; a variable listed as greedy matches one or more
 * segments (for app descriptors containing {@code /}). A trailing {@code /} is part of the template.
 */
public final class PathTemplate {

    private sealed interface Segment {
    }

    private record Literal(String text) implements Segment {
    }

    private record Variable(String name, boolean greedy) implements Segment {
    }

    /** Orders templates most specific first: at the first differing segment, literal before variable. */
    static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST = (a, b) -> {
        int n = Math.min(a.segments.size(), b.segments.size());
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(rank(a.segments.get(i)), rank(b.segments.get(i)));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(b.segments.size(), a.segments.size());
        return c != 0 ? c : a.template.compareTo(b.template);
    };

    private final String template;
    private final List<Segment> segments;

    private PathTemplate(String template, List<Segment> segments) {
        this.template = template;
        this.segments = List.copyOf(segments);
    }

    /** Parses a template; a {@code ?query} part, if any, is ignored (api.md 2). */
    public static PathTemplate parse(String template, Set<String> greedyVariables) {
        String path = template.contains("?") ? template.substring(0, template.indexOf('?')) : template;
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Path template must start with /: " + template);
        }
        List<Segment> segments = new ArrayList<>();
        int greedy = 0;
        for (String s : path.substring(1).split("/", -1)) {
            if (s.startsWith("{") && s.endsWith("}")) {
                String name = s.substring(1, s.length() - 1);
                boolean isGreedy = greedyVariables.contains(name);
                greedy += isGreedy ? 1 : 0;
                segments.add(new Variable(name, isGreedy));
            } else {
                segments.add(new Literal(s));
            }
        }
        if (greedy > 1) {
            throw new IllegalArgumentException("At most one greedy variable per template: " + template);
        }
        return new PathTemplate(path, segments);
    }

    /** The template text, e.g. {@code /records/{record_id}/medications/}. */
    public String template() {
        return template;
    }

    /** The variable names in order. */
    public List<String> variables() {
        return segments.stream().filter(Variable.class::isInstance).map(s -> ((Variable) s).name()).toList();
    }

    /**
     * The raw (still percent-encoded) variable values if the path segments match, else empty.
     *
     * @param path the path segments after the leading {@code /} ({@code "a/b/"} gives {@code [a, b, ""]})
     */
    Optional<Map<String, String>> match(String[] path) {
        int greedyAt = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i) instanceof Variable v && v.greedy()) {
                greedyAt = i;
            }
        }
        if (greedyAt < 0 ? path.length != segments.size() : path.length < segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (greedyAt >= 0 && i == greedyAt) {
                int from = i;
                int to = path.length - (segments.size() - 1 - i);
                for (int k = from; k < to; k++) {
                    if (path[k].isEmpty()) {
                        return Optional.empty();
                    }
                }
                values.put(((Variable) s).name(), String.join("/", List.of(path).subList(from, to)));
                continue;
            }
            int p = greedyAt >= 0 && i > greedyAt ? path.length - (segments.size() - i) : i;
            String actual = path[p];
            if (s instanceof Literal l) {
                if (!l.text().equals(actual)) {
                    return Optional.empty();
                }
            } else if (actual.isEmpty()) {
                return Optional.empty();
            } else {
                values.put(((Variable) s).name(), actual);
            }
        }
        return Optional.of(values);
    }

    private static int rank(Segment s) {
        if (s instanceof Literal) {
            return 0;
        }
        return ((Variable) s).greedy() ? 2 : 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTemplate t && t.template.equals(template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}
