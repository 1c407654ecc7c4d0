package org.bulletinsearch.consumption;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record of the articles topic as consumed: raw key and value bytes, and where it was read from.
 *
 * @param key the record key as sent (null when there was none)
 * @param value the record value (null for a tombstone)
 * @param topic source topic
 * @param partition source partition
 * @param offset source offset, -1 when unknown
 */
public record ConsumedRecord(byte[] key, byte[] value, String topic, int partition, long offset) {

    /** From a record of a batch delivered as {@code KafkaRecordBatch<byte[], byte[]>}. */
    public static ConsumedRecord of(KafkaRecord<byte[], byte[]> record) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
        return new ConsumedRecord(record.getKey(), record.getPayload(), record.getTopic(), record.getPartition(), offset);
    }

    /** From a plain Kafka record with a byte[] key and value. */
    public static ConsumedRecord of(ConsumerRecord<byte[], byte[]> record) {
        return new ConsumedRecord(record.key(), record.value(), record.topic(), record.partition(), record.offset());
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
