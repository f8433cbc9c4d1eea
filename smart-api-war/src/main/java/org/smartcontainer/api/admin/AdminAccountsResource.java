package org.smartcontainer.api.admin;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.smartcontainer.accounts.Account;
import org.smartcontainer.accounts.AccountChangeRefusedException;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.accounts.Role;
import org.smartcontainer.accounts.UnknownAccountException;
import org.smartcontainer.api.Serves;
import org.smartcontainer.api.routing.FrontCall;

/**
 * {@code /admin/accounts}: create accounts, enable or disable them, reset passwords (which also lifts a
 * lockout), set roles. Passwords are never part of an answer.
 */
@Path("admin/accounts")
@Serves(FrontCall.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminAccountsResource {

    @EJB
    private AccountService accounts;

    /** Every account. */
    @GET
    public JsonObject list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        accounts.list().forEach(a -> list.add(describe(a)));
        return Json.createObjectBuilder().add("accounts", list).build();
    }

    /** One account. */
    @GET
    @Path("{username}")
    public Response get(@PathParam("username") String username) {
        return accounts.findByUsername(username).map(a -> AdminAnswers.ok(describe(a)))
                .orElseGet(() -> AdminAnswers.error(Response.Status.NOT_FOUND, "No account named " + username));
    }

    /**
     * Creates an account from {@code {"username", "password", "given_name", "family_name", "email", "roles": [...]}}
     * (roles default to {@code ["clinician"]}); 400 lists every problem.
     */
    @POST
    public Response create(String body) {
        List<String> problems = new ArrayList<>();
        JsonObject json = parse(body, problems);
        if (json == null) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, "Invalid account", problems);
        }
        String username = json.getString("username", "").strip();
        String password = json.getString("password", "");
        if (username.isEmpty()) {
            problems.add("username: required");
        }
        if (password.length() < AccountService.MIN_PASSWORD_LENGTH) {
            problems.add("password: at least " + AccountService.MIN_PASSWORD_LENGTH + " characters");
        }
        Set<Role> roles = json.containsKey("roles") ? roles(json.get("roles"), problems) : EnumSet.of(Role.clinician);
        if (!problems.isEmpty()) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, "Invalid account", problems);
        }
        try {
            Account account = accounts.create(username, json.getString("given_name", null), json.getString("family_name", null),
                    password.toCharArray(), roles);
            return AdminAnswers.created(describe(account));
        } catch (AccountChangeRefusedException e) {
            return AdminAnswers.error(Response.Status.CONFLICT, e.getMessage());
        }
    }

    /** {@code {"state": "active"|"disabled"}}. */
    @PUT
    @Path("{username}/state")
    public Response state(@PathParam("username") String username, String body) {
        List<String> problems = new ArrayList<>();
        JsonObject json = parse(body, problems);
        Account.State state = null;
        if (json != null) {
            try {
                state = Account.State.valueOf(json.getString("state", ""));
            } catch (IllegalArgumentException e) {
                problems.add("state: must be active or disabled");
            }
        }
        if (state == null) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, "Invalid state", problems);
        }
        Account.State chosen = state;
        return change(() -> accounts.setState(username, chosen));
    }

    /** {@code {"roles": ["clinician", "admin"]}}. */
    @PUT
    @Path("{username}/roles")
    public Response roles(@PathParam("username") String username, String body) {
        List<String> problems = new ArrayList<>();
        JsonObject json = parse(body, problems);
        Set<Role> roles = json == null ? null : roles(json.get("roles"), problems);
        if (!problems.isEmpty() || roles == null) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, "Invalid roles", problems);
        }
        return change(() -> accounts.setRoles(username, roles));
    }

    /** {@code {"password": "..."}}: a new password; also lifts a lockout. */
    @POST
    @Path("{username}/password")
    public Response resetPassword(@PathParam("username") String username, String body) {
        List<String> problems = new ArrayList<>();
        JsonObject json = parse(body, problems);
        if (json == null) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, "Invalid password", problems);
        }
        char[] password = json.getString("password", "").toCharArray();
        return change(() -> accounts.resetPassword(username, password));
    }

    /** Lifts a lockout before it expires. */
    @POST
    @Path("{username}/unlock")
    @Consumes(MediaType.WILDCARD)
    public Response unlock(@PathParam("username") String username) {
        return change(() -> accounts.unlock(username));
    }

    private interface Change {
        Account apply();
    }

    private static Response change(Change change) {
        try {
            return AdminAnswers.ok(describe(change.apply()));
        } catch (UnknownAccountException e) {
            return AdminAnswers.error(Response.Status.NOT_FOUND, e.getMessage());
        } catch (AccountChangeRefusedException e) {
            return AdminAnswers.error(Response.Status.BAD_REQUEST, e.getMessage(), List.of(e.getMessage()));
        }
    }

    private static JsonObject parse(String body, List<String> problems) {
        try {
            return Json.createReader(new StringReader(body == null ? "" : body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            problems.add("body: a JSON object is required");
            return null;
        }
    }

    private static Set<Role> roles(JsonValue value, List<String> problems) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            problems.add("roles: a list of clinician and admin");
            return roles;
        }
        for (JsonValue role : value.asJsonArray()) {
            try {
                roles.add(Role.valueOf(((JsonString) role).getString()));
            } catch (ClassCastException | IllegalArgumentException e) {
                problems.add("roles: unknown role " + role);
            }
        }
        return roles;
    }

    private static JsonObject describe(Account account) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        account.getRoles().forEach(r -> roles.add(r.name()));
        Instant lockedUntil = account.getLockedUntil();
        boolean locked = lockedUntil != null && Instant.now().isBefore(lockedUntil);
        var body = AdminAnswers.object().add("username", account.getUsername()).add("full_name", account.getFullName())
                .add("state", account.getState().name()).add("roles", roles).add("locked", locked)
                .add("failed_sign_ins", account.getFailedLoginCount());
        AdminAnswers.nullable(body, "locked_until", locked ? lockedUntil : null);
        AdminAnswers.nullable(body, "last_sign_in", account.getLastLoginAt());
        return body.build();
    }
}
