package org.smartcontainer.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that anyone may call (the container manifest, the ontology, the token endpoints). The
 * decision itself is the API core's (or, for the token endpoints, theirs); this marker
 * states the intent.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Anonymous {
}
