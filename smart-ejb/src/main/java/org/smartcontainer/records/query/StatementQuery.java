package org.smartcontainer.records.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.smartcontainer.ontology.ApiCall;
import org.smartcontainer.ontology.ApiFilter;
import org.smartcontainer.ontology.DateBound;

/**
 * A validated read request on an ontology call: its filters (from the call's {@code api:hasFilter}),
 * its sort order ({@code api:defaultSort}, descending) and its page ({@code limit}/{@code offset}).
 * Built once per request by {@link #of}; immutable and independent of any record store.
 *
 * <p>Parameters the call does not declare are ignored, as in the reference; declared ones are validated
 * and rejected with {@link InvalidQueryException}. Filters and paging apply to collection calls only.
 */
public final class StatementQuery {

    /** The paging parameter giving the page size. */
    public static final String LIMIT = "limit";
    /** The paging parameter giving the index of the first statement. */
    public static final String OFFSET = "offset";

    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    /** Used when a code filter declares no pattern of its own: nothing that could escape an IRI. */
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern NON_NEGATIVE_INTEGER = Pattern.compile("[0-9]{1,9}");

    private final IRI target;
    private final Optional<ApiCall> call;
    private final List<StatementCondition> conditions;
    private final Optional<PropertyPath> sortPath;
    private final Optional<Page> page;

    private StatementQuery(IRI target, Optional<ApiCall> call, List<StatementCondition> conditions,
            Optional<PropertyPath> sortPath, Optional<Page> page) {
        this.target = target;
        this.call = call;
        this.conditions = List.copyOf(conditions);
        this.sortPath = sortPath;
        this.page = page;
    }

    private static StatementQuery forCall(ApiCall call, List<StatementCondition> conditions, Optional<Page> page) {
        return new StatementQuery(call.target(), Optional.of(call), conditions,
                call.defaultSort().map(PropertyPath::of), page);
    }

    /**
     * Every statement of a class that has no call of its own, unfiltered and unpaged (the allergy exclusions
     * served along with {@code get_allergies}, api.md section 4.6).
     */
    public static StatementQuery unfiltered(IRI target) {
        return new StatementQuery(target, Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    /** The query for {@code call} with the reference's paging defaults (no default limit, no cap). */
    public static StatementQuery of(ApiCall call, QueryParameters parameters) {
        return of(call, parameters, PagingPolicy.UNLIMITED);
    }

    /**
     * The query for {@code call} as asked by {@code parameters}.
     *
     * @throws InvalidQueryException if a declared filter or paging parameter has a value the API rejects
     */
    public static StatementQuery of(ApiCall call, QueryParameters parameters, PagingPolicy paging) {
        if (!call.multiple()) {
            return forCall(call, List.of(), Optional.empty());
        }
        List<StatementCondition> conditions = new ArrayList<>();
        for (ApiFilter filter : call.filters()) {
            Optional<String> value = parameters.single(filter.parameterName());
            if (value.isPresent()) {
                conditions.add(condition(filter, value.get()));
            }
        }
        Optional<Page> page = call.paged() ? page(parameters, paging) : Optional.empty();
        return forCall(call, conditions, page);
    }

    private static StatementCondition condition(ApiFilter filter, String value) {
        String name = filter.parameterName();
        if (filter.propertyPath().isEmpty()) {
            throw new IllegalStateException("Filter " + filter.iri() + " has no property path");
        }
        PropertyPath path = new PropertyPath(filter.propertyPath());
        return switch (filter.kind()) {
            case DATE_RANGE -> {
                if (value.indexOf('|') >= 0) {
                    throw new InvalidQueryException(name, "Parameter '" + name + "' takes one date, not a list");
                }
                DateBound bound = filter.dateBound()
                        .orElseThrow(() -> new IllegalStateException("Date filter " + filter.iri() + " has no bound"));
                IsoDatePrefix date = IsoDatePrefix.parse(value).orElseThrow(() -> new InvalidQueryException(name,
                        "Parameter '" + name + "' must be an ISO-8601 date or date-time such as 2010, 2010-05, "
                                + "2010-05-17 or 2010-05-17T10:30:00Z; got '" + value + "'"));
                yield new StatementCondition.DateCondition(name, path, bound, date);
            }
            case CODE_MATCH -> {
                String prefix = filter.codeUriPrefix()
                        .orElseThrow(() -> new IllegalStateException("Code filter " + filter.iri() + " has no URI prefix"));
                Pattern pattern = filter.valuePattern().map(Pattern::compile).orElse(SAFE_CODE);
                Set<IRI> codes = new LinkedHashSet<>();
                for (String code : value.split("\\|", -1)) {
                    if (!pattern.matcher(code).matches()) {
                        throw new InvalidQueryException(name, "Parameter '" + name + "': '" + code
                                + "' is not a valid code (expected " + pattern.pattern()
                                + "; several codes are separated by '|')");
                    }
                    codes.add(VF.createIRI(prefix + code));
                }
                yield new StatementCondition.CodeCondition(name, path, codes);
            }
        };
    }

    private static Optional<Page> page(QueryParameters parameters, PagingPolicy paging) {
        Optional<Integer> requested = parameters.single(LIMIT).map(v -> nonNegative(LIMIT, v));
        if (requested.isPresent() && requested.get() < 1) {
            throw new InvalidQueryException(LIMIT, "Parameter 'limit' must be at least 1");
        }
        int offset = parameters.single(OFFSET).map(v -> nonNegative(OFFSET, v)).orElse(0);
        Optional<Integer> limit = requested.or(() -> paging.defaultLimit().isPresent()
                ? Optional.of(paging.defaultLimit().getAsInt()) : Optional.empty());
        if (paging.maxLimit().isPresent()) {
            int max = paging.maxLimit().getAsInt();
            limit = Optional.of(limit.map(l -> Math.min(l, max)).orElse(max));
        }
        return limit.map(l -> new Page(l, offset));
    }

    private static int nonNegative(String name, String value) {
        if (!NON_NEGATIVE_INTEGER.matcher(value).matches()) {
            throw new InvalidQueryException(name, "Parameter '" + name + "' must be a non-negative integer"
                    + " (at most 9 digits); got '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    /** The class whose statements are read (exact {@code rdf:type}, no subclasses). */
    public IRI target() {
        return target;
    }

    /** The call this query reads; empty for {@link #unfiltered} queries. */
    public Optional<ApiCall> call() {
        return call;
    }

    /** The filters to apply, in the order the call declares them. */
    public List<StatementCondition> conditions() {
        return conditions;
    }

    /** The property collections are sorted by (descending), if the call has a default sort. */
    public Optional<PropertyPath> sortPath() {
        return sortPath;
    }

    /** The page to serve; empty when the call is not paged or no limit is in effect (everything is served). */
    public Optional<Page> page() {
        return page;
    }

    /**
     * The property paths whose values {@link StatementFacts} must provide for {@link #select}: the filtered
     * paths and the sort path.
     */
    public Set<PropertyPath> requiredPaths() {
        Set<PropertyPath> paths = new LinkedHashSet<>();
        conditions.forEach(c -> paths.add(c.path()));
        sortPath.ifPresent(paths::add);
        return paths;
    }

    /** Whether the statement passes every filter. */
    public boolean matches(StatementFacts statement) {
        for (StatementCondition c : conditions) {
            if (!c.test(statement.valuesAt(c.path()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Filters, sorts and pages candidate statements (phase one; the store then loads only the selected
     * graphs). Order: descending by the sort property, statements lacking it last, ties by IRI ascending.
     */
    public Selection select(Collection<? extends StatementFacts> candidates) {
        List<Ranked> kept = new ArrayList<>(candidates.size());
        for (StatementFacts candidate : candidates) {
            if (matches(candidate)) {
                kept.add(new Ranked(candidate.statement(), sortKey(candidate)));
            }
        }
        kept.sort(ORDER);
        int total = kept.size();
        List<Ranked> served = kept;
        if (page.isPresent()) {
            int from = Math.min(page.get().offset(), total);
            int to = (int) Math.min((long) from + page.get().limit(), total);
            served = kept.subList(from, to);
        }
        return new Selection(served.stream().map(Ranked::statement).toList(), total, page);
    }

    private String sortKey(StatementFacts candidate) {
        if (sortPath.isEmpty()) {
            return null;
        }
        String best = null;
        for (Value v : candidate.valuesAt(sortPath.get())) {
            String key = IsoDatePrefix.comparableForm(v.stringValue());
            if (best == null || key.compareTo(best) > 0) {
                best = key;
            }
        }
        return best;
    }

    private record Ranked(IRI statement, String sortKey) {
    }

    private static final Comparator<Ranked> ORDER = Comparator
            .comparing(Ranked::sortKey, Comparator.nullsLast(Comparator.<String>reverseOrder()))
            .thenComparing(r -> r.statement().stringValue());

    @Override
    public String toString() {
        return call.map(ApiCall::clientMethodName).orElse(target.stringValue()) + " " + conditions + " page=" + page.map(Page::toString).orElse("all");
    }
}
