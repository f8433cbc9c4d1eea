package org.smartcontainer.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.smartcontainer.api.routing.FrontCall;

/**
 * Names the call a resource method of the API's JAX-RS front makes (on a method, or on the class for all its
 * methods): with the method's {@code @Path} and HTTP method it is the route the edge matches requests against, so
 * each path is written once, in its {@code @Path}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Serves {

    /** The call. */
    FrontCall value();
}
