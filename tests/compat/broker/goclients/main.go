// sarama 1.22.1 and kafka-go 0.2.1 (Debian's packages, built in GOPATH mode), unchanged,
// against a kastle-broker; driven by clients_test.cpp.
//
//	goclients BOOTSTRAP sarama|kafka-go
//
// Prints "OK <mode> <count>" on success; anything else exits 1 with the reason.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/Shopify/sarama"
	kafka "github.com/segmentio/kafka-go"
)

const count = 25

func key(i int) string   { return fmt.Sprintf("key-%d", i) }
func value(i int) string { return fmt.Sprintf("value %d", i) }

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

// sarama with its default configuration speaks Kafka 0.8.2: Produce v0 and Fetch v0 with
// MessageSet magic 0, Metadata v0, no ApiVersions.
func runSarama(bootstrap string) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	cfg.Producer.Partitioner = sarama.NewManualPartitioner
	producer, err := sarama.NewSyncProducer([]string{bootstrap}, cfg)
	if err != nil {
		fail("sarama producer: %v", err)
	}
	for i := 0; i < count; i++ {
		_, offset, err := producer.SendMessage(&sarama.ProducerMessage{Topic: "sarama", Partition: 0,
			Key: sarama.StringEncoder(key(i)), Value: sarama.StringEncoder(value(i))})
		if err != nil {
			fail("sarama send %d: %v", i, err)
		}
		if offset != int64(i) {
			fail("sarama send %d: offset %d", i, offset)
		}
	}
	producer.Close()

	consumer, err := sarama.NewConsumer([]string{bootstrap}, cfg)
	if err != nil {
		fail("sarama consumer: %v", err)
	}
	defer consumer.Close()
	partition, err := consumer.ConsumePartition("sarama", 0, sarama.OffsetOldest)
	if err != nil {
		fail("sarama consume: %v", err)
	}
	defer partition.Close()
	timeout := time.After(60 * time.Second)
	for i := 0; i < count; i++ {
		select {
		case m := <-partition.Messages():
			if m.Offset != int64(i) || string(m.Key) != key(i) || string(m.Value) != value(i) {
				fail("sarama message %d: offset %d key %q value %q", i, m.Offset, m.Key, m.Value)
			}
		case e := <-partition.Errors():
			fail("sarama consume: %v", e)
		case <-timeout:
			fail("sarama: only %d of %d messages in 60 s", i, count)
		}
	}
	fmt.Println("OK sarama", count)
}

// kafka-go 0.2.1 never sends ApiVersions: Produce v2 with magic 1, Fetch v2 (which the broker
// must serve down-converted), ListOffsets v1.
func runKafkaGo(bootstrap string) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	writer := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{bootstrap}, Topic: "kafka-go",
		Balancer: &kafka.LeastBytes{}})
	messages := make([]kafka.Message, 0, count)
	for i := 0; i < count; i++ {
		messages = append(messages, kafka.Message{Key: []byte(key(i)), Value: []byte(value(i))})
	}
	if err := writer.WriteMessages(ctx, messages...); err != nil {
		fail("kafka-go write: %v", err)
	}
	writer.Close()

	reader := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{bootstrap}, Topic: "kafka-go",
		Partition: 0, MinBytes: 1, MaxBytes: 1 << 20})
	defer reader.Close()
	for i := 0; i < count; i++ {
		m, err := reader.ReadMessage(ctx)
		if err != nil {
			fail("kafka-go read %d: %v", i, err)
		}
		if m.Offset != int64(i) || string(m.Key) != key(i) || string(m.Value) != value(i) {
			fail("kafka-go message %d: offset %d key %q value %q", i, m.Offset, m.Key, m.Value)
		}
	}
	fmt.Println("OK kafka-go", count)
}

func main() {
	if len(os.Args) != 3 {
		fail("usage: goclients BOOTSTRAP sarama|kafka-go")
	}
	switch os.Args[2] {
	case "sarama":
		runSarama(os.Args[1])
	case "kafka-go":
		runKafkaGo(os.Args[1])
	default:
		fail("unknown mode %s", os.Args[2])
	}
}
