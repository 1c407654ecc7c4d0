package org.bulletinsearch.catalog.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        info = @Info(title = "Bulletin Search catalog", version = "1",
                description = "The system of record: every article the platform ingested, with the uploads it"
                        + " appeared in. Read-only; articles arrive through the bulletin.articles.v1 topic."),
        tags = {
                @Tag(name = "Articles", description = "Articles and their provenance"),
                @Tag(name = "Uploads", description = "The articles of one upload, in file order")
        })
public class CatalogApplication extends Application {
}
