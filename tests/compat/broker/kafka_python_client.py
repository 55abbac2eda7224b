"""kafka-python 2.0.2 (Debian's python3-kafka) against a running kastle-broker.

Usage: kafka_python_client.py BOOTSTRAP MODE
  produce-consume  producer with keys and headers, consumer from the beginning
  legacy           producers and consumers pinned to old protocol versions (magic 0 and 1)
  admin            create and delete topics, describe and alter configs, add partitions
Every check is an assert; the last line printed is "OK <mode> ..." on success.
"""
import sys

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import (ConfigResource, ConfigResourceType, KafkaAdminClient, NewPartitions,
                         NewTopic)
from kafka.errors import InvalidConfigurationError, TopicAlreadyExistsError

bootstrap, mode = sys.argv[1], sys.argv[2]


def consume_all(topic, count, **options):
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                             enable_auto_commit=False, consumer_timeout_ms=10000, **options)
    consumer.assign([TopicPartition(topic, 0)])
    consumer.seek_to_beginning()
    messages = []
    for m in consumer:
        messages.append(m)
        if len(messages) == count:
            break
    consumer.close()
    return messages


def produce_consume():
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    sent = []
    for i in range(20):
        headers = [("seq", str(i).encode()), ("origin", b"kafka-python")]
        future = producer.send("kp-topic", key=b"key-%d" % i, value=b"value-%d" % i,
                               headers=headers, partition=0)
        sent.append((future.get(timeout=20).offset, i))
    producer.close()
    assert [o for o, _ in sent] == list(range(20)), sent
    got = consume_all("kp-topic", 20)
    assert len(got) == 20, len(got)
    for i, m in enumerate(got):
        assert m.offset == i
        assert m.key == b"key-%d" % i
        assert m.value == b"value-%d" % i
        assert m.headers == [("seq", str(i).encode()), ("origin", b"kafka-python")], m.headers
    print("OK produce-consume 20")


def legacy():
    # (0, 9): Produce/Fetch v1 with magic 0; (0, 10, 0): v2 with magic 1.
    total = 0
    for version in [(0, 9), (0, 10, 0)]:
        for codec in [None, "gzip", "snappy", "lz4"]:
            if version == (0, 9) and codec == "lz4":
                continue  # kafka-python cannot write lz4 at magic 0
            producer = KafkaProducer(bootstrap_servers=bootstrap, api_version=version,
                                     compression_type=codec)
            for i in range(3):
                producer.send("kp-legacy", value=("%s-%s-%d" % (version, codec, i)).encode(),
                              partition=0).get(timeout=20)
                total += 1
            producer.close()
    for version in [(0, 9), (0, 10, 0), None]:
        options = {"api_version": version} if version else {}
        got = consume_all("kp-legacy", total, **options)
        assert len(got) == total, (version, len(got), total)
        assert [m.offset for m in got] == list(range(total))
        assert got[0].value == b"(0, 9)-None-0", got[0].value
    print("OK legacy %d" % total)


def admin():
    client = KafkaAdminClient(bootstrap_servers=bootstrap)
    client.create_topics([NewTopic("kp-admin", 3, 1, topic_configs={"retention.ms": "3600000"})])
    try:
        client.create_topics([NewTopic("kp-admin", 3, 1)])
        raise AssertionError("a second create succeeded")
    except TopicAlreadyExistsError:
        pass
    try:
        client.create_topics([NewTopic("kp-compact", 1, 1,
                                       topic_configs={"cleanup.policy": "compact"})])
        raise AssertionError("compaction was accepted")
    except InvalidConfigurationError:
        pass
    assert "kp-admin" in client.list_topics()

    result = client.describe_configs([ConfigResource(ConfigResourceType.TOPIC, "kp-admin")])
    entries = {e[0]: e[1] for e in result[0].resources[0][4]}
    assert entries["retention.ms"] == "3600000", entries["retention.ms"]
    assert entries["cleanup.policy"] == "delete"
    assert entries["max.message.bytes"] == "1048588"

    broker = client.describe_configs([ConfigResource(ConfigResourceType.BROKER, "1")])
    broker_entries = {e[0]: e[1] for e in broker[0].resources[0][4]}
    assert broker_entries["broker.id"] == "1"

    altered = client.alter_configs([ConfigResource(ConfigResourceType.TOPIC, "kp-admin",
                                                   configs={"retention.ms": "1000"})])
    assert altered.resources[0][0] == 0, altered
    result = client.describe_configs([ConfigResource(ConfigResourceType.TOPIC, "kp-admin")])
    assert {e[0]: e[1] for e in result[0].resources[0][4]}["retention.ms"] == "1000"

    client.create_partitions({"kp-admin": NewPartitions(5)})
    described = client.describe_topics(["kp-admin"])
    assert len(described[0]["partitions"]) == 5, described

    client.delete_topics(["kp-admin"])
    assert "kp-admin" not in client.list_topics()
    client.close()
    print("OK admin")


{"produce-consume": produce_consume, "legacy": legacy, "admin": admin}[mode]()
