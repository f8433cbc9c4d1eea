package org.smartcontainer.api.core;

/** Ends an API call with an answer (typically a {@link ApiAnswer#problem}): thrown by handlers, caught by the core. */
public final class ApiFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiAnswer answer;

    /** Ends the call with {@code answer}. */
    public ApiFailure(ApiAnswer answer) {
        super(null, null, false, false);
        this.answer = answer;
    }

    /** {@code status} with {@code message} as text. */
    public static ApiFailure of(int status, String message) {
        return new ApiFailure(ApiAnswer.problem(status, message));
    }

    /** {@code 404} with a reason. */
    public static ApiFailure notFound(String message) {
        return of(404, message);
    }

    /** {@code 400} with a reason. */
    public static ApiFailure badRequest(String message) {
        return of(400, message);
    }

    /** The answer the call ends with. */
    public ApiAnswer answer() {
        return answer;
    }

    @Override
    public String getMessage() {
        return "HTTP " + answer.status();
    }
}
