package org.smartcontainer.edge;

/**
 * Why a request was refused at the edge.
 *
 * @param status the HTTP status: 400, 411, 413, 414 or 431
 * @param limit the name of the broken limit ({@code smart.limits.<limit>}) or of the rule, e.g. {@code control-character}
 * @param message a short text for the caller, which never quotes the input
 */
public record InputRefusal(int status, String limit, String message) {
}
