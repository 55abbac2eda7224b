// sarama 1.22.1 and kafka-go 0.2.1 (Debian's packages, built in GOPATH mode), unchanged,
// against a kastle-broker; driven by clients_test.cpp.
//
//	goclients BOOTSTRAP sarama|sarama-2.1|kafka-go|kafka-go-group
//
// Prints "OK <mode> <count>" on success; anything else exits 1 with the reason.
package main

import (
	"context"
	"fmt"
	"os"
	"sync"
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

// groupHandler checks and counts what a sarama consumer group claims, marking each message.
// Each claimed partition has a goroutine of its own, hence the lock.
type groupHandler struct {
	mu     sync.Mutex
	seen   map[string]bool
	done   chan struct{}
	closed sync.Once
	err    error
}

func (h *groupHandler) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (h *groupHandler) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (h *groupHandler) ConsumeClaim(s sarama.ConsumerGroupSession,
	c sarama.ConsumerGroupClaim) error {
	for m := range c.Messages() {
		h.mu.Lock()
		k := string(m.Key)
		switch {
		case h.seen[k]:
			h.err = fmt.Errorf("%s arrived twice", k)
		case len(m.Headers) != 1 || string(m.Headers[0].Key) != "app" ||
			string(m.Headers[0].Value) != "sarama":
			h.err = fmt.Errorf("%s has headers %v", k, m.Headers)
		}
		h.seen[k] = true
		finished := h.err != nil || len(h.seen) == count
		h.mu.Unlock()
		s.MarkMessage(m, "")
		if finished {
			h.closed.Do(func() { close(h.done) })
			return nil
		}
	}
	return nil
}

// sarama told it talks to Kafka 2.1: the cluster admin, snappy-compressed RecordBatches with
// headers, and a consumer group (FindCoordinator, JoinGroup, SyncGroup, OffsetCommit).
func runSaramaModern(bootstrap string) {
	cfg := sarama.NewConfig()
	cfg.Version = sarama.V2_1_0_0
	cfg.Producer.Return.Successes = true
	cfg.Producer.Compression = sarama.CompressionSnappy
	cfg.Consumer.Offsets.Initial = sarama.OffsetOldest
	admin, err := sarama.NewClusterAdmin([]string{bootstrap}, cfg)
	if err != nil {
		fail("sarama admin: %v", err)
	}
	defer admin.Close()
	const topic = "sarama-21"
	err = admin.CreateTopic(topic, &sarama.TopicDetail{NumPartitions: 3, ReplicationFactor: 1,
		ConfigEntries: map[string]*string{"retention.ms": &[]string{"3600000"}[0]}}, false)
	if err != nil {
		fail("sarama create: %v", err)
	}
	producer, err := sarama.NewSyncProducer([]string{bootstrap}, cfg)
	if err != nil {
		fail("sarama producer: %v", err)
	}
	for i := 0; i < count; i++ {
		_, _, err := producer.SendMessage(&sarama.ProducerMessage{Topic: topic,
			Key: sarama.StringEncoder(key(i)), Value: sarama.StringEncoder(value(i)),
			Headers: []sarama.RecordHeader{{Key: []byte("app"), Value: []byte("sarama")}}})
		if err != nil {
			fail("sarama send %d: %v", i, err)
		}
	}
	producer.Close()

	group, err := sarama.NewConsumerGroup([]string{bootstrap}, "sarama-group", cfg)
	if err != nil {
		fail("sarama group: %v", err)
	}
	handler := &groupHandler{seen: map[string]bool{}, done: make(chan struct{})}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	go func() {
		for ctx.Err() == nil {
			if err := group.Consume(ctx, []string{topic}, handler); err != nil && ctx.Err() == nil {
				handler.mu.Lock()
				handler.err = err
				handler.mu.Unlock()
				cancel()
			}
		}
	}()
	select {
	case <-handler.done:
	case <-ctx.Done():
	}
	cancel()
	group.Close()
	handler.mu.Lock()
	defer handler.mu.Unlock()
	if handler.err != nil || len(handler.seen) != count {
		fail("sarama group: %d of %d messages, error %v", len(handler.seen), count, handler.err)
	}

	entries, err := admin.DescribeConfig(sarama.ConfigResource{Type: sarama.TopicResource,
		Name: topic, ConfigNames: []string{"retention.ms"}})
	if err != nil || len(entries) != 1 || entries[0].Value != "3600000" {
		fail("sarama describe configs: %v %v", entries, err)
	}
	if err := admin.DeleteTopic(topic); err != nil {
		fail("sarama delete: %v", err)
	}
	fmt.Println("OK sarama-2.1", count)
}

// Writes the count keyed messages to `topic` (auto-created) with kafka-go's Writer.
func writeWithKafkaGo(ctx context.Context, bootstrap, topic string) {
	writer := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{bootstrap}, Topic: topic,
		Balancer: &kafka.LeastBytes{}})
	defer writer.Close()
	messages := make([]kafka.Message, 0, count)
	for i := 0; i < count; i++ {
		messages = append(messages, kafka.Message{Key: []byte(key(i)), Value: []byte(value(i))})
	}
	if err := writer.WriteMessages(ctx, messages...); err != nil {
		fail("kafka-go write to %s: %v", topic, err)
	}
}

// kafka-go 0.2.1 never sends ApiVersions: Produce v2 with magic 1, Fetch v2 (which the broker
// must serve down-converted), ListOffsets v1.
func runKafkaGo(bootstrap string) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	writeWithKafkaGo(ctx, bootstrap, "kafka-go")
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

// kafka-go's Reader with a GroupID: JoinGroup, SyncGroup, Heartbeat and OffsetCommit of its
// own vintage.
func runKafkaGoGroup(bootstrap string) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	writeWithKafkaGo(ctx, bootstrap, "kafka-go-group")
	reader := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{bootstrap},
		Topic: "kafka-go-group", GroupID: "kafka-go-group", MinBytes: 1, MaxBytes: 1 << 20})
	defer reader.Close()
	seen := map[string]bool{}
	for len(seen) < count {
		m, err := reader.ReadMessage(ctx)
		if err != nil {
			fail("kafka-go group read after %d: %v", len(seen), err)
		}
		if seen[string(m.Key)] {
			fail("kafka-go group: %s arrived twice", m.Key)
		}
		seen[string(m.Key)] = true
	}
	fmt.Println("OK kafka-go-group", len(seen))
}

func main() {
	if len(os.Args) != 3 {
		fail("usage: goclients BOOTSTRAP sarama|sarama-2.1|kafka-go|kafka-go-group")
	}
	switch os.Args[2] {
	case "sarama":
		runSarama(os.Args[1])
	case "sarama-2.1":
		runSaramaModern(os.Args[1])
	case "kafka-go":
		runKafkaGo(os.Args[1])
	case "kafka-go-group":
		runKafkaGoGroup(os.Args[1])
	default:
		fail("unknown mode %s", os.Args[2])
	}
}
