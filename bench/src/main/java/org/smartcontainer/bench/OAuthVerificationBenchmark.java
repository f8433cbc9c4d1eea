package org.smartcontainer.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smartcontainer.oauth.InMemoryNonceStore;
import org.smartcontainer.oauth.OAuthException;
import org.smartcontainer.oauth.OAuthMessage;
import org.smartcontainer.oauth.OAuthRequest;
import org.smartcontainer.oauth.OAuthVerifier;

/**
 * The CPU cost of one OAuth 1.0a signature: {@link #sign} is the load driver's share, {@link #signAndVerify} adds
 * what the server does with the request before any lookup (parse the header, rebuild the base string,
 * HMAC-SHA1, constant-time compare, timestamp window, nonce in an in-memory store). The difference is the
 * verification; the consumer and token lookups of the real server are not included (see README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class OAuthVerificationBenchmark {

    static final String URL = "http://localhost:8080/api/records/98719713/medications/";
    static final String CONSUMER_SECRET = "consumer-secret-0123456789";
    static final String TOKEN_SECRET = "token-secret-0123456789";

    private OAuthVerifier verifier;
    private OAuthSigner signer;

    @Setup
    public void setUp() {
        verifier = new OAuthVerifier(Clock.systemUTC(), Duration.ofMinutes(5), new InMemoryNonceStore());
        signer = new OAuthSigner("bench@bench.localhost", CONSUMER_SECRET, "token-0123456789", TOKEN_SECRET);
    }

    @Benchmark
    public String sign() {
        return signer.authorization("GET", URI.create(URL));
    }

    @Benchmark
    public OAuthMessage signAndVerify() throws OAuthException {
        OAuthRequest request = OAuthRequest.of("GET", URL, signer.authorization("GET", URI.create(URL)));
        OAuthMessage message = OAuthMessage.parse(request);
        verifier.verify(message, request, CONSUMER_SECRET, TOKEN_SECRET);
        return message;
    }
}
