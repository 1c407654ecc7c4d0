package org.bulletinsearch.catalog.consuming;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/** A record of the articles topic as consumed: raw key and value, and where it was read from. */
public record ConsumedRecord(byte[] key, byte[] value, String topic, int partition, long offset) {

    static ConsumedRecord of(KafkaRecord<byte[], byte[]> record) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
        return new ConsumedRecord(record.getKey(), record.getPayload(), record.getTopic(), record.getPartition(), offset);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
