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
    /** An answer of {@code DELETE /articles/{id}}, in {@code components/examples}. */
    public static final String DELETION_EXAMPLE = "DeletionAccepted";
    /** An answer of {@code DELETE /uploads/{uploadId}}, in {@code components/examples}. */
    public static final String RETRACTION_EXAMPLE = "UploadRetraction";
    /** An answer of {@code GET /articles/{id}/deletions}, in {@code components/examples}. */
    public static final String DELETIONS_EXAMPLE = "ArticleDeletions";
    /** A first page of {@code GET /articles/export}, in {@code components/examples}. */
    public static final String EXPORT_EXAMPLE = "ExportPage";
    /** {@code 401 missing-api-key}, in {@code components/responses}. */
    public static final String MISSING_API_KEY = "MissingApiKey";
    /** {@code 403 invalid-api-key}, in {@code components/responses}. */
    public static final String INVALID_API_KEY = "InvalidApiKey";
    /** The article id path parameter, in {@code components/parameters}. */
    public static final String ARTICLE_ID = "ArticleId";
    /** The upload id path parameter, in {@code components/parameters}. */
    public static final String UPLOAD_ID = "UploadId";
    /** The {@code reason} of a deletion, in {@code components/parameters}. */
    public static final String REASON = "Reason";
    /** The API key as {@code X-API-Key}, in {@code components/securitySchemes}. */
    public static final String API_KEY = "apiKey";
    /** The same API key as {@code Authorization: Bearer}, in {@code components/securitySchemes}. */
    public static final String BEARER = "bearer";

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
