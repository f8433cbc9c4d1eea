package org.smartcontainer.records.query;

import java.util.List;
import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;

/**
 * The outcome of filtering, sorting and paging candidates: which statements a response carries.
 *
 * @param statements the kept statements: in page order when paged, else sorted the same way for stable output
 * @param totalResultCount how many candidates passed the filters (before paging)
 * @param page the page served, present only when the call is paged and a limit is in effect
 */
public record Selection(List<IRI> statements, int totalResultCount, Optional<Page> page) {

    public Selection {
        statements = List.copyOf(statements);
    }

    /** Number of statements in the response ({@code api:resultsReturned}). */
    public int resultsReturned() {
        return statements.size();
    }

    /** Whether paging applied (then {@code api:resultOrder} is reported). */
    public boolean paged() {
        return page.isPresent();
    }

    /** The page after this one, when more statements follow it. */
    public Optional<Page> nextPage() {
        return page.filter(p -> p.offset() + p.limit() < totalResultCount).map(Page::next);
    }
}
