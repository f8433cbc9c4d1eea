package org.smartcontainer.sampleapps;

import jakarta.servlet.annotation.WebFilter;
import org.smartcontainer.edge.InputEdgeFilter;

/** The sample apps' input edge: every request, static files included. */
@WebFilter(filterName = InputEdgeFilter.NAME, urlPatterns = "/*", asyncSupported = true)
public class SampleAppsInputEdge extends InputEdgeFilter {

    private static final long serialVersionUID = 1L;
}
