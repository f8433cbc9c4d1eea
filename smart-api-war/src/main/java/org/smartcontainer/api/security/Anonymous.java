package org.smartcontainer.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that anyone may call (the container manifest, the ontology, the token endpoints). The
 * decision itself is {@link ApiAuthorization}'s, from the public rows of {@link ApiCalls}; this marker
 * states the intent, and {@code ApiCallsTest} checks that the two agree.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Anonymous {
}
