package org.bulletinsearch.search.support;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.bulletinsearch.consumption.RetryConfig;
import org.bulletinsearch.consumption.RetryPolicy;
import org.bulletinsearch.consumption.RetryPolicy.Retrying;

/** The shared {@link RetryPolicy} outside CDI, for tests that build the indexing classes by hand. */
public final class Retries {

    private Retries() {
    }

    /** A policy with these delays whose {@link Retrying} events go to {@code observer}. */
    public static RetryPolicy policy(Duration initialDelay, Duration maxDelay, Consumer<Retrying> observer) {
        RetryConfig config = new RetryConfig() {
            @Override
            public Duration initialDelay() {
                return initialDelay;
            }

            @Override
            public Duration maxDelay() {
                return maxDelay;
            }
        };
        return new RetryPolicy(config, new Observed<>(observer));
    }

    /** An event that reaches one observer, synchronously. */
    private record Observed<T>(Consumer<T> observer) implements Event<T> {
        @Override
        public void fire(T event) {
            observer.accept(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            fire(event);
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return fireAsync(event);
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            return (Event<U>) this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            return (Event<U>) this;
        }
    }
}
