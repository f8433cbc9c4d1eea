package org.smartcontainer.api.security;

import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;
import org.smartcontainer.edge.InputEdgeFilter;

/** The API's input edge: every request, before JAX-RS; patient-file imports may send larger bodies. */
@WebFilter(filterName = InputEdgeFilter.NAME, urlPatterns = "/*", asyncSupported = true,
        initParams = @WebInitParam(name = InputEdgeFilter.IMPORT_PATHS, value = "/admin/records/*"))
public class ApiInputEdge extends InputEdgeFilter {

    private static final long serialVersionUID = 1L;
}
