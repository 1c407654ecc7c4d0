package org.bulletinsearch.catalog.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Builds the problem+json answers and parses the query parameters shared by the resources. */
public final class Problems {

    private Problems() {
    }

    /** A 400 about one request parameter; the {@code parameter} member names it. */
    public static HttpProblem invalidParameter(String parameter, String detail) {
        return HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Invalid request parameter")
                .withDetail(detail)
                .with("parameter", parameter)
                .build();
    }

    public static HttpProblem notFound(String title, String detail) {
        return HttpProblem.builder()
                .withStatus(Response.Status.NOT_FOUND)
                .withTitle(title)
                .withDetail(detail)
                .build();
    }

    /** Page size: {@code defaultSize} when absent, else an integer in 1..max. */
    public static int pageSize(String parameter, String value, int defaultSize, int max) {
        if (value == null || value.isBlank()) {
            return defaultSize;
        }
        int size;
        try {
            size = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalidParameter(parameter, parameter + " must be an integer between 1 and " + max + ", was '"
                    + abbreviate(value) + "'");
        }
        if (size < 1 || size > max) {
            throw invalidParameter(parameter, parameter + " must be between 1 and " + max + ", was " + size);
        }
        return size;
    }

    /** An RFC 3339 timestamp with an offset (e.g. {@code 2026-03-01T08:00:00Z}), or null when absent. */
    public static Instant timestamp(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalidParameter(parameter, parameter + " must be an RFC 3339 timestamp such as 2026-03-01T08:00:00Z,"
                    + " was '" + abbreviate(value) + "'");
        }
    }

    /** A free-text filter value of at most {@code maxLength} characters, or null when absent. */
    public static String text(String parameter, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw invalidParameter(parameter, parameter + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw invalidParameter(parameter, parameter + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** The value itself when short, else its first 40 characters: enough to recognize it in an error. */
    public static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
