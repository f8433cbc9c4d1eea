package org.smartcontainer.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The portal's mechanism decides from the session and the request's credential: a session that signed in
 * is its caller with the groups it signed in with (also after the session was copied to another node); a
 * credential is always checked by the identity stores. The servlet and Jakarta Security types here are
 * small stand-ins that record what the mechanism asked of them; the real flow runs in PortalIT and ClusterIT.
 */
class PortalAuthenticationTest {

    private static final UsernamePasswordCredential GOOD = new UsernamePasswordCredential("alice", new Password("right"));
    private static final UsernamePasswordCredential BAD = new UsernamePasswordCredential("alice", new Password("wrong"));

    private final List<Credential> validated = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final EndedSignIns ended = new InMemoryEndedSignIns(Duration.ofHours(1), clock);
    private final PortalSignIn signIn = new PortalSignIn(credential -> {
        validated.add(credential);
        return credential == GOOD
                ? new CredentialValidationResult(new CallerPrincipal("alice"), Set.of("clinician", "admin"))
                : CredentialValidationResult.INVALID_RESULT;
    }, ended);
    private final PortalAuthentication mechanism = new PortalAuthentication(signIn, ended);

    @Test
    void aSessionThatSignedInIsItsCallerWithItsGroupsWithoutAskingTheIdentityStores() throws Exception {
        Exchange exchange = new Exchange(null);
        exchange.session.put(PortalCaller.ATTRIBUTE, new PortalCaller("alice", Set.of("clinician", "admin"), "sign-in-1"));

        AuthenticationStatus status = mechanism.validateRequest(exchange.request(), null, exchange.context());

        assertEquals(AuthenticationStatus.SUCCESS, status);
        assertEquals("alice", exchange.callerName);
        assertEquals(Set.of("clinician", "admin"), exchange.groups);
        assertEquals(List.of(), validated);
    }

    @Test
    void aSessionCopiedToAnotherNodeStillSignsItsCallerInWithTheSameGroups() throws Exception {
        Exchange signingIn = new Exchange(GOOD);
        mechanism.validateRequest(signingIn.request(), null, signingIn.context());

        Exchange onTheOtherNode = new Exchange(null);
        signingIn.session.forEach((name, value) -> onTheOtherNode.session.put(name, copy(value)));
        mechanism.validateRequest(onTheOtherNode.request(), null, onTheOtherNode.context());

        assertEquals("alice", onTheOtherNode.callerName);
        assertEquals(Set.of("clinician", "admin"), onTheOtherNode.groups);
    }

    @Test
    void aValidCredentialSignsTheCallerInAndKeepsNameAndGroupsInTheSession() throws Exception {
        Exchange exchange = new Exchange(GOOD);

        AuthenticationStatus status = mechanism.validateRequest(exchange.request(), null, exchange.context());

        assertEquals(AuthenticationStatus.SUCCESS, status);
        assertEquals(List.of(GOOD), validated);
        assertEquals("alice", exchange.callerName);
        PortalCaller kept = (PortalCaller) exchange.session.get(PortalCaller.ATTRIBUTE);
        assertEquals("alice", kept.name());
        assertEquals(Set.of("clinician", "admin"), kept.groups());
    }

    @Test
    void aCredentialIsCheckedEvenWhenTheSessionAlreadySignedSomeoneIn() throws Exception {
        Exchange exchange = new Exchange(BAD);
        exchange.session.put(PortalCaller.ATTRIBUTE, new PortalCaller("bob", Set.of("admin"), "sign-in-2"));

        AuthenticationStatus status = mechanism.validateRequest(exchange.request(), null, exchange.context());

        assertEquals(AuthenticationStatus.SEND_FAILURE, status);
        assertEquals(List.of(BAD), validated);
        assertNull(exchange.callerName, "nobody signed in");
        assertFalse(exchange.session.containsKey(PortalCaller.ATTRIBUTE), "the failed attempt signed the earlier caller out");
        assertTrue(ended.hasEnded("sign-in-2"), "on every copy of the session");
    }

    @Test
    void aWrongCredentialFailsAndKeepsNobodyInTheSession() throws Exception {
        Exchange exchange = new Exchange(BAD);

        AuthenticationStatus status = mechanism.validateRequest(exchange.request(), null, exchange.context());

        assertEquals(AuthenticationStatus.SEND_FAILURE, status);
        assertFalse(exchange.session.containsKey(PortalCaller.ATTRIBUTE));
    }

    @Test
    void withoutSessionCallerOrCredentialItDoesNothingAndCreatesNoSession() throws Exception {
        Exchange exchange = new Exchange(null);
        exchange.hasSession = false;

        AuthenticationStatus status = mechanism.validateRequest(exchange.request(), null, exchange.context());

        assertEquals(AuthenticationStatus.NOT_DONE, status);
        assertNull(exchange.callerName);
        assertFalse(exchange.hasSession, "no session created for a visitor");
        assertEquals(List.of(), validated);
    }

    @Test
    void signingOutForgetsTheSessionsCaller() {
        Exchange exchange = new Exchange(null);
        exchange.session.put(PortalCaller.ATTRIBUTE, new PortalCaller("alice", Set.of("clinician"), "sign-in-3"));

        mechanism.cleanSubject(exchange.request(), null, exchange.context());

        assertFalse(exchange.session.containsKey(PortalCaller.ATTRIBUTE));
        assertTrue(exchange.cleaned, "the container's subject is cleaned too");
        assertTrue(ended.hasEnded("sign-in-3"));
    }

    @Test
    void aCopyOfTheSessionOnAnotherNodeSignsNobodyInOnceTheSessionSignedOutOnThisOne() throws Exception {
        Exchange signingIn = new Exchange(GOOD);
        mechanism.validateRequest(signingIn.request(), null, signingIn.context());
        Exchange onTheOtherNode = new Exchange(null);
        signingIn.session.forEach((name, value) -> onTheOtherNode.session.put(name, copy(value)));

        Exchange signingOut = new Exchange(null);
        signingOut.session.putAll(signingIn.session);
        mechanism.cleanSubject(signingOut.request(), null, signingOut.context());
        AuthenticationStatus status = mechanism.validateRequest(onTheOtherNode.request(), null, onTheOtherNode.context());

        assertEquals(AuthenticationStatus.NOT_DONE, status, "the sign-in page for protected pages");
        assertNull(onTheOtherNode.callerName, "nobody signed in");
        assertFalse(onTheOtherNode.session.containsKey(PortalCaller.ATTRIBUTE), "the stale copy forgets its caller");
        assertEquals(List.of(GOOD), validated);
    }

    @Test
    void aNewSignInEndsTheSessionsEarlierOneOnEveryCopy() throws Exception {
        Exchange first = new Exchange(GOOD);
        mechanism.validateRequest(first.request(), null, first.context());
        Exchange staleCopy = new Exchange(null);
        first.session.forEach((name, value) -> staleCopy.session.put(name, copy(value)));

        Exchange second = new Exchange(GOOD);
        second.session.putAll(first.session);
        mechanism.validateRequest(second.request(), null, second.context());
        mechanism.validateRequest(staleCopy.request(), null, staleCopy.context());

        assertEquals("alice", second.callerName);
        assertNotEquals(((PortalCaller) first.session.get(PortalCaller.ATTRIBUTE)).signInId(),
                ((PortalCaller) second.session.get(PortalCaller.ATTRIBUTE)).signInId(), "a sign-in id of its own");
        assertNull(staleCopy.callerName, "the copy holding the earlier sign-in signs nobody in");
    }

    @Test
    void endedSignInsAreRememberedForTheirTimeOnly() {
        ended.end("sign-in-5");
        clock.advance(Duration.ofMinutes(59));
        assertTrue(ended.hasEnded("sign-in-5"));
        assertFalse(ended.hasEnded("sign-in-6"));

        clock.advance(Duration.ofMinutes(2));
        assertFalse(ended.hasEnded("sign-in-5"), "forgotten after an hour");
    }

    @Test
    void theCallersGroupsCannotBeChangedAfterwards() {
        Set<String> groups = new java.util.HashSet<>(Set.of("clinician"));
        PortalCaller caller = new PortalCaller("alice", groups, "sign-in-4");
        groups.add("admin");

        assertEquals(Set.of("clinician"), caller.groups());
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static Object copy(Object value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (Exception e) {
            throw new AssertionError("not serializable: " + value, e);
        }
    }

    /** One request: its session's attributes, its credential, and what the mechanism told the container. */
    private static final class Exchange {
        final Map<String, Object> session = new HashMap<>();
        final AuthenticationParameters parameters;
        boolean hasSession = true;
        String callerName;
        Set<String> groups;
        boolean cleaned;

        Exchange(Credential credential) {
            parameters = AuthenticationParameters.withParams().credential(credential).newAuthentication(credential != null);
        }

        HttpServletRequest request() {
            HttpSession httpSession = standIn(HttpSession.class, (method, args) -> switch (method) {
                case "getAttribute" -> session.get((String) args[0]);
                case "setAttribute" -> session.put((String) args[0], args[1]);
                case "removeAttribute" -> session.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(method);
            });
            return standIn(HttpServletRequest.class, (method, args) -> switch (method) {
                case "getSession" -> {
                    boolean create = args == null || (Boolean) args[0];
                    hasSession |= create;
                    yield hasSession ? httpSession : null;
                }
                default -> throw new UnsupportedOperationException(method);
            });
        }

        HttpMessageContext context() {
            return standIn(HttpMessageContext.class, (method, args) -> switch (method) {
                case "getAuthParameters" -> parameters;
                case "notifyContainerAboutLogin" -> {
                    if (args[0] instanceof CredentialValidationResult result) {
                        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                            yield AuthenticationStatus.SEND_FAILURE;
                        }
                        callerName = result.getCallerPrincipal().getName();
                        groups = result.getCallerGroups();
                    } else {
                        callerName = (String) args[0];
                        @SuppressWarnings("unchecked")
                        Set<String> given = (Set<String>) args[1];
                        groups = given;
                    }
                    yield AuthenticationStatus.SUCCESS;
                }
                case "doNothing" -> AuthenticationStatus.NOT_DONE;
                case "cleanClientSubject" -> {
                    cleaned = true;
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method);
            });
        }
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T standIn(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(PortalAuthenticationTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}
