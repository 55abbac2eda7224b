"""confluent-kafka-python 1.7.0 (on librdkafka 2.0.2) AdminClient against kastle-broker.

Usage: confluent_admin.py BOOTSTRAP
Creates, describes, alters, extends and deletes topics; every check is an assert; prints
"OK confluent-admin" on success.
"""
import sys

from confluent_kafka import KafkaError, Producer
from confluent_kafka.admin import AdminClient, ConfigResource, NewPartitions, NewTopic

bootstrap = sys.argv[1]
admin = AdminClient({"bootstrap.servers": bootstrap})


def wait(futures):
    return {name: f.result(timeout=30) for name, f in futures.items()}


wait(admin.create_topics([NewTopic("ck-a", 2, 1, config={"segment.ms": "60000"}),
                          NewTopic("ck-b", 1, 1)]))
topics = admin.list_topics(timeout=10).topics
assert "ck-a" in topics and "ck-b" in topics
assert len(topics["ck-a"].partitions) == 2

# validate_only creates nothing; a refusal carries Kafka's error code.
wait(admin.create_topics([NewTopic("ck-checked", 1, 1)], validate_only=True))
assert "ck-checked" not in admin.list_topics(timeout=10).topics
try:
    wait(admin.create_topics([NewTopic("ck-a", 1, 1)]))
    raise AssertionError("duplicate create succeeded")
except Exception as e:  # KafkaException wrapping TOPIC_ALREADY_EXISTS
    assert e.args[0].code() == KafkaError.TOPIC_ALREADY_EXISTS, e
try:
    wait(admin.create_topics([NewTopic("ck-r", 1, 5)]))
    raise AssertionError("replication factor 5 accepted on one broker")
except Exception as e:
    assert e.args[0].code() == KafkaError.INVALID_REPLICATION_FACTOR, e

resource = ConfigResource("topic", "ck-a")
configs = list(admin.describe_configs([resource]).values())[0].result(timeout=30)
assert configs["segment.ms"].value == "60000"
assert configs["segment.ms"].source == 1  # DYNAMIC_TOPIC_CONFIG
assert configs["retention.ms"].source == 5  # DEFAULT_CONFIG
assert configs["retention.ms"].value == "604800000"

broker = list(admin.describe_configs([ConfigResource("broker", "1")]).values())[0].result(timeout=30)
assert broker["broker.id"].value == "1"
assert broker["broker.id"].is_read_only

resource.set_config("retention.bytes", "1048576")
list(admin.alter_configs([resource]).values())[0].result(timeout=30)
configs = list(admin.describe_configs([ConfigResource("topic", "ck-a")]).values())[0].result(
    timeout=30)
assert configs["retention.bytes"].value == "1048576"
assert configs["segment.ms"].source == 5  # AlterConfigs replaced the overrides

wait(admin.create_partitions([NewPartitions("ck-b", 4)]))
assert len(admin.list_topics(timeout=10).topics["ck-b"].partitions) == 4

# The new partitions take data.
producer = Producer({"bootstrap.servers": bootstrap})
delivered = []
producer.produce("ck-b", b"x", partition=3, on_delivery=lambda err, m: delivered.append((err, m)))
producer.flush(30)
assert delivered and delivered[0][0] is None, delivered
assert delivered[0][1].offset() == 0

wait(admin.delete_topics(["ck-a", "ck-b"]))
remaining = admin.list_topics(timeout=10).topics
assert "ck-a" not in remaining and "ck-b" not in remaining
print("OK confluent-admin")
