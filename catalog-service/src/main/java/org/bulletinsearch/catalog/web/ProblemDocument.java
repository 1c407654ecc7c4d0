package org.bulletinsearch.catalog.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of every error answer (RFC 9457 {@code application/problem+json}), for the OpenAPI
 * document only: the answers themselves are written by quarkus-resteasy-problem.
 */
@Schema(name = "Problem", description = "An error, as application/problem+json (RFC 9457).")
public record ProblemDocument(
        @Schema(example = "Invalid request parameter") String title,
        @Schema(example = "400") int status,
        @Schema(example = "size must be between 1 and 100, was 500") String detail,
        @Schema(example = "/articles") String instance,
        @Schema(description = "The offending request parameter, for 400 answers about one.", example = "size",
                nullable = true) String parameter) {
}
