package org.bulletinsearch.catalog.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.Entities;
import org.bulletinsearch.vocabulary.ArticleEntities;
import org.bulletinsearch.vocabulary.EntityExtractor;

/**
 * What an article is about, by facet: the catalog's one form of the entities, stored as the JSONB column
 * {@code article.entities} ({@link #toJson()}) and served in {@code GET /articles/{id}} and the export.
 * Every list is sorted and free of duplicates, as the vocabulary's extractor writes them.
 *
 * <p>The values come from the event when it carries them (ingest extracts them once); events published
 * before entities existed are derived here with the same extractor ({@link EntityExtractor#shared()}), so
 * that an article has the same entities however it reached the catalog.
 *
 * @param country countries, ISO 3166 English short names
 * @param region named world regions (UN M49), including those of every country
 * @param organization organizations, acronym and full name folded
 * @param programme named programmes and instruments
 * @param year years mentioned, 1900 to 2099
 */
public record EntityFacets(
        List<String> country,
        List<String> region,
        List<String> organization,
        List<String> programme,
        List<Integer> year) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public EntityFacets {
        country = country == null ? List.of() : List.copyOf(country);
        region = region == null ? List.of() : List.copyOf(region);
        organization = organization == null ? List.of() : List.copyOf(organization);
        programme = programme == null ? List.of() : List.copyOf(programme);
        year = year == null ? List.of() : List.copyOf(year);
    }

    /** The event's entities, or, for an event published before entities existed, those of its text. */
    public static EntityFacets of(ArticleEvent event) {
        Entities carried = event.entities();
        if (carried == null) {
            return derived(event.title(), event.body());
        }
        return new EntityFacets(carried.country(), carried.region(), carried.organization(), carried.programme(),
                carried.year());
    }

    /** The entities the vocabulary's extractor finds in this title and body. */
    public static EntityFacets derived(String title, String body) {
        ArticleEntities found = EntityExtractor.shared().extract(title, body);
        return new EntityFacets(found.countries(), found.regions(), found.organizations(), found.programmes(),
                found.years());
    }

    /** The JSON stored in {@code article.entities}. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lists of strings and integers always serialize", e);
        }
    }

    /** Reads the JSON of {@code article.entities}; null (a row without entities) reads as no entity at all. */
    public static EntityFacets fromJson(String json) {
        if (json == null) {
            return new EntityFacets(null, null, null, null, null);
        }
        try {
            return JSON.readValue(json, EntityFacets.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("article.entities holds JSON the catalog did not write: " + e.getMessage(), e);
        }
    }
}
