package org.bulletinsearch.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bulletinsearch.events.Entities;
import org.bulletinsearch.events.SightingRetraction.Sighting;
import org.junit.jupiter.api.Test;

/** Where the live consumer's writes go, before, during and after a reindex, and to an index of an older mapping. */
class WriteTargetsTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final ArticleDocument DOCUMENT = ArticleDocument.of("a", "Kenya joins the scheme", "Body.",
            new Sighting("u", "s.txt", 1, Instant.parse("2026-11-30T10:00:00Z")),
            new Entities(List.of("Kenya"), List.of("Africa"), List.of(), List.of(), List.of(2026)));

    @Test
    void aCurrentIndexIsWrittenThroughTheAliasWhichMustExist() {
        List<BulkAction> actions = new WriteTargets("articles", "articles-v3", ArticleDocument.FIELDS, null)
                .actions(new IndexOperation.Write(DOCUMENT), MAPPER);
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.index()).isEqualTo("articles");
            assertThat(action.requireAlias()).isTrue();
            assertThat(action.source()).isSameAs(DOCUMENT);
        });
    }

    @Test
    void anIndexOfAnOlderMappingGetsOnlyTheFieldsItKnowsAndTheNewIndexGetsAll() {
        Set<String> v2Fields = Set.of("id", "title", "body", "suggest", "sourceName", "uploadId", "position", "ingestedAt");
        List<BulkAction> actions = new WriteTargets("articles", "articles-v2", v2Fields, "articles-next")
                .actions(new IndexOperation.Write(DOCUMENT), MAPPER);

        assertThat(actions).hasSize(2);
        BulkAction old = actions.get(0);
        assertThat(old.index()).as("by name: the alias may move to the new index meanwhile").isEqualTo("articles-v2");
        assertThat(old.requireAlias()).isFalse();
        ObjectNode source = (ObjectNode) old.source();
        assertThat(source.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(v2Fields);
        assertThat(source.path("title").asText()).isEqualTo("Kenya joins the scheme");
        BulkAction next = actions.get(1);
        assertThat(next.index()).isEqualTo("articles-next");
        assertThat(next.requireAlias()).as("refused, not created, once the reindex ended").isTrue();
        assertThat(next.source()).isSameAs(DOCUMENT);
    }

    @Test
    void deletionsAndRetractionsBecomeDeleteAndPartialUpdateActions() {
        WriteTargets targets = new WriteTargets("articles", "articles-v3", ArticleDocument.FIELDS, null);
        Sighting current = new Sighting("kept", "kept.txt", 2, Instant.parse("2026-11-29T10:00:00Z"));
        BulkAction delete = targets.actions(new IndexOperation.Delete("a"), MAPPER).get(0);
        BulkAction update = targets.actions(new IndexOperation.Retract("a", current), MAPPER).get(0);
        assertThat(delete.type()).isEqualTo("delete");
        assertThat(delete.source()).isNull();
        assertThat(update.type()).isEqualTo("update");
        assertThat(MAPPER.valueToTree(update.source()).toString()).isEqualTo(
                "{\"doc\":{\"uploadId\":\"kept\",\"sourceName\":\"kept.txt\",\"position\":2,"
                        + "\"ingestedAt\":\"2026-11-29T10:00:00Z\"}}");
    }
}
