package org.bulletinsearch.catalog.upload;


/** One file of an upload, as the catalog holds it. */
public record UploadSource(
        String name,
        long articleCount) {
}
