package org.smartcontainer.api.users;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.smartcontainer.accounts.Account;
import org.smartcontainer.accounts.AccountService;
import org.smartcontainer.api.core.ApiRequest;
import org.smartcontainer.api.core.Responses;
import org.smartcontainer.api.core.ApiAnswer;
import org.smartcontainer.api.core.ApiFailure;
import org.smartcontainer.api.core.RouteHandler;
import org.smartcontainer.api.routing.Handler;
import org.smartcontainer.ontology.SmartTerms;

/**
 * {@code GET /users/{user_id}} and {@code GET /users/search} (api.md 6.5): accounts as {@code sp:User} RDF,
 * identified by their API user id (e-mail address).
 */
@ApplicationScoped
public class UserHandler implements RouteHandler {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    /** Neither department nor role are kept for accounts: the reference's default. */
    private static final String ANY = "any";

    @EJB
    AccountService accounts;

    @Inject
    Responses responses;

    @Override
    public Set<Handler> serves() {
        return EnumSet.of(Handler.USER, Handler.USER_SEARCH);
    }

    @Override
    public ApiAnswer answer(ApiRequest request) {
        return request.match().route().handler() == Handler.USER ? user(request) : search(request);
    }

    /** One user; {@code 404} if unknown. */
    public ApiAnswer user(ApiRequest request) {
        String userId = request.variable("user_id");
        Account account = accounts.findByUserId(userId).orElseThrow(() -> ApiFailure.notFound("No user " + userId));
        Model graph = new LinkedHashModel();
        describe(account, request.apiBase(), graph);
        return responses.rdf(request, graph);
    }

    /**
     * Accounts whose fields contain the given values, case-insensitively: {@code given_name}/{@code givenName},
     * {@code family_name}/{@code familyName}, {@code department}, {@code role}.
     */
    public ApiAnswer search(ApiRequest request) {
        String given = either(request, "given_name", "givenName");
        String family = either(request, "family_name", "familyName");
        String department = either(request, "department", "department");
        String role = either(request, "role", "role");
        Model graph = new LinkedHashModel();
        for (Account account : accounts.list()) {
            if (contains(account.getGivenName(), given) && contains(account.getFamilyName(), family)
                    && contains(ANY, department) && contains(ANY, role)) {
                describe(account, request.apiBase(), graph);
            }
        }
        return responses.rdf(request, graph);
    }

    private static String either(ApiRequest request, String name, String alternative) {
        return request.parameters().single(name).or(() -> request.parameters().single(alternative)).orElse(null);
    }

    private static boolean contains(String value, String wanted) {
        return wanted == null || wanted.isBlank() || value != null
                && value.toLowerCase(Locale.ROOT).contains(wanted.strip().toLowerCase(Locale.ROOT));
    }

    /** The RDF of one account. */
    static void describe(Account account, String apiBase, Model graph) {
        String userId = AccountService.userIdOf(account);
        IRI user = VF.createIRI(apiBase + "/users/" + encodeSegment(userId));
        graph.add(user, RDF.TYPE, SmartTerms.sp("User"));
        graph.add(user, FOAF.GIVEN_NAME, VF.createLiteral(orQuestionMark(account.getGivenName())));
        graph.add(user, FOAF.FAMILY_NAME, VF.createLiteral(orQuestionMark(account.getFamilyName())));
        graph.add(user, SmartTerms.sp("department"), VF.createLiteral(ANY));
        graph.add(user, SmartTerms.sp("role"), VF.createLiteral(ANY));
        graph.add(user, FOAF.MBOX, VF.createLiteral("mailto:" + userId));
    }

    private static String orQuestionMark(String s) {
        return s == null || s.isBlank() ? "?" : s;
    }

    /** Percent-encodes everything but unreserved characters and {@code @} (e-mail addresses stay readable). */
    static String encodeSegment(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || List.of('-', '.', '_', '~', '@').contains((char) c)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
