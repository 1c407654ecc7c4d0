package org.bulletinsearch.catalog.consuming;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.bulletinsearch.events.ArticleEventCodec;

/** The event contract's codec is thread-safe and costly to build (it compiles the JSON Schema): one per application. */
public class CodecProducer {

    @Produces
    @Singleton
    ArticleEventCodec articleEventCodec() {
        return new ArticleEventCodec();
    }
}
