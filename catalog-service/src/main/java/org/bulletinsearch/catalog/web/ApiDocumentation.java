package org.bulletinsearch.catalog.web;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The parts of the OpenAPI document that are shared, written once: the problem responses and the
 * examples live in {@code META-INF/openapi.yaml} (with the info, servers and tags) and are referenced by
 * name from the resources; the answers any operation can give (406, and the HTTP edge's 414, 431, 500,
 * 503) are added to every operation by this filter ({@code mp.openapi.filter}).
 */
public class ApiDocumentation implements OASFilter {

    /** {@code 400 invalid-parameter}, in {@code components/responses}. */
    public static final String INVALID_PARAMETER = "InvalidParameter";
    /** {@code 404 not-found}, in {@code components/responses}. */
    public static final String NOT_FOUND = "NotFound";
    /** A page of {@code GET /articles}, in {@code components/examples}. */
    public static final String PAGE_EXAMPLE = "ArticlePage";
    /** An answer of {@code GET /articles/{id}}, in {@code components/examples}. */
    public static final String DETAILS_EXAMPLE = "ArticleDetails";
    /** A page of {@code GET /uploads/{uploadId}}, in {@code components/examples}. */
    public static final String UPLOAD_EXAMPLE = "UploadArticles";

    /** Status of each answer every operation can give, and its response in {@code components/responses}. */
    private static final Map<String, String> EDGE_RESPONSES = new TreeMap<>(Map.of(
            "406", "NotAcceptable",
            "414", "UriTooLong",
            "431", "HeadersTooLarge",
            "500", "InternalError",
            "503", "DependencyUnavailable"));

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        EDGE_RESPONSES.forEach((status, name) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
            }
        });
        return operation;
    }
}
