package org.bulletinsearch.search.query;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import org.bulletinsearch.search.engine.SearchEngineRequestException;
import org.bulletinsearch.search.engine.SearchEngineUnavailableException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The search API's failures as application/problem+json; none of them is a 500. */
public class SearchProblems {

    private static final Logger LOG = Logger.getLogger(SearchProblems.class);

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(e.getMessage())
                .with("parameter", e.parameter())
                .build()
                .toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(ArticleNotFoundException e) {
        return HttpProblem.builder()
                .withStatus(Response.Status.NOT_FOUND)
                .withTitle("Not Found")
                .withDetail(e.getMessage())
                .build()
                .toResponse();
    }

    @ServerExceptionMapper
    public Response engineUnavailable(SearchEngineUnavailableException e) {
        LOG.warnf("search engine unavailable: %s", e.getMessage());
        return HttpProblem.builder()
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle("Search Unavailable")
                .withDetail("The search engine cannot answer right now; try again shortly.")
                .withHeader("Retry-After", 5)
                .build()
                .toResponse();
    }

    /** The engine refused a query built from user input (e.g. too complex): the request's fault. */
    @ServerExceptionMapper
    public Response engineRefused(SearchEngineRequestException e) {
        LOG.warnf("search engine refused a query: %s", e.getMessage());
        return HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail("The search engine could not run this query (" + e.errorType() + ").")
                .build()
                .toResponse();
    }
}
