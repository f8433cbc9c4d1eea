package org.smartcontainer.api.representation;

import java.util.Locale;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * The RDF representations the API offers. RDF/XML is the default and what SMART 0.6 clients expect; the
 * others are served only when asked for explicitly (api.md section 1.3).
 */
public enum RdfMediaType {
    /** The default. */
    RDF_XML("application/rdf+xml", RDFFormat.RDFXML),
    /** Turtle. */
    TURTLE("text/turtle", RDFFormat.TURTLE),
    /** JSON-LD compacted with the SMART context (terms {@code ns__local}, SMART terms unprefixed). */
    JSON_LD("application/ld+json", RDFFormat.JSONLD),
    /** N-Triples. */
    N_TRIPLES("application/n-triples", RDFFormat.NTRIPLES);

    private final String contentType;
    private final RDFFormat format;

    RdfMediaType(String contentType, RDFFormat format) {
        this.contentType = contentType;
        this.format = format;
    }

    /**
     * The bare MIME type for the {@code Content-Type} header: no {@code charset} parameter, because JavaScript
     * clients compare the header exactly. All our representations are UTF-8 by definition.
     */
    public String contentType() {
        return contentType;
    }

    /** The RDF4J format. */
    public RDFFormat format() {
        return format;
    }

    /**
     * The representation for an {@code Accept} header: the supported type with the highest quality, the more
     * specific range winning at equal quality, then this enum's order (RDF/XML first). No header,
     * {@code *}{@code /*}, or nothing acceptable gives RDF/XML: the reference ignores {@code Accept}, and
     * answering {@code 406} would break clients that send arbitrary headers.
     */
    public static RdfMediaType negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return RDF_XML;
        }
        RdfMediaType best = RDF_XML;
        double bestQ = 0;
        int bestSpecificity = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (q <= 0 || type.isEmpty()) {
                continue;
            }
            for (RdfMediaType candidate : values()) {
                int specificity = specificity(type, candidate.contentType);
                if (specificity < 0) {
                    continue;
                }
                boolean better = q > bestQ || q == bestQ && (specificity > bestSpecificity
                        || specificity == bestSpecificity && candidate.ordinal() < best.ordinal());
                if (better) {
                    best = candidate;
                    bestQ = q;
                    bestSpecificity = specificity;
                }
            }
        }
        return best;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    double q = Double.parseDouble(p.substring(2).trim());
                    return q < 0 || q > 1 || Double.isNaN(q) ? 0 : q;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** 2 for an exact match, 1 for {@code type/*}, 0 for {@code *}{@code /*}, -1 if the range does not match. */
    private static int specificity(String range, String contentType) {
        if (range.equals(contentType)) {
            return 2;
        }
        if (range.equals("*/*")) {
            return 0;
        }
        if (range.endsWith("/*") && contentType.startsWith(range.substring(0, range.length() - 1))) {
            return 1;
        }
        return -1;
    }
}
