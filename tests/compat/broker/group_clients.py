"""Consumer groups and SASL/TLS with kafka-python 2.0.2 and confluent-kafka-python 1.7.0
against a running kastle-broker.

Usage: group_clients.py BOOTSTRAP MODE [ARGS]
  kafka-python-group            two KafkaConsumer members of one group share a 3-partition
                                topic: every message once; a later member finds nothing left
  confluent-group               the same with confluent_kafka.Consumer
  sasl PROTOCOL MECH [CAFILE]   kafka-python producer and consumer as alice/alice-secret over
                                SASL_PLAINTEXT or SASL_SSL; a wrong password is refused
Every check is an assert; the last line printed is "OK <mode> ..." on success.
"""
import sys
import threading
import time

bootstrap, mode = sys.argv[1], sys.argv[2]
MESSAGES = 300


def produce_kafka_python(topic, count, **options):
    from kafka import KafkaProducer
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", **options)
    for i in range(count):
        producer.send(topic, value=b"v%d" % i, partition=i % 3)
    producer.flush(timeout=30)
    producer.close()


def create_topic(topic):
    from kafka.admin import KafkaAdminClient, NewTopic
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    admin.create_topics([NewTopic(topic, 3, 1)])
    admin.close()


def run_members(make_member, count, members=2, timeout=60, produce=None):
    """Runs `members` consumers in threads; once each has partitions, calls `produce`, then
    waits until together they saw `count` messages. Returns every (partition, offset) seen."""
    seen = []
    lock = threading.Lock()
    stop = threading.Event()
    assigned = [False] * members

    def member(index):
        consume, has_partitions = make_member(index)
        while not stop.is_set():
            keys = consume()
            assigned[index] = assigned[index] or has_partitions()
            with lock:
                seen.extend(keys)
        consume(close=True)

    threads = [threading.Thread(target=member, args=(i,)) for i in range(members)]
    for t in threads:
        t.start()
    deadline = time.time() + timeout
    if produce:
        while not all(assigned) and time.time() < deadline:
            time.sleep(0.1)
        assert all(assigned), "the members never shared the partitions"
        produce()
    while time.time() < deadline:
        with lock:
            if len(set(seen)) >= count:
                break
        time.sleep(0.1)
    time.sleep(1)  # let a duplicate show itself
    stop.set()
    for t in threads:
        t.join()
    return seen


def kafka_python_member(group, topic):
    from kafka import KafkaConsumer

    def make(index):
        consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group,
                                 client_id="kp-member-%d" % index, auto_offset_reset="earliest",
                                 enable_auto_commit=False, session_timeout_ms=6000,
                                 heartbeat_interval_ms=500)

        def consume(close=False):
            if close:
                consumer.commit()
                consumer.close()
                return []
            batches = consumer.poll(timeout_ms=200)
            keys = [(m.partition, m.offset) for ms in batches.values() for m in ms]
            if keys:
                consumer.commit()
            return keys
        return consume, lambda: bool(consumer.assignment())
    return make


def commit_start(group, topic):
    """Commits offset 0 on every partition before the members join, so none of them resets a
    position (librdkafka 2.0.2 may apply a reset from an earlier generation late; see
    tests/fixture/consumergroup_test.cpp)."""
    from kafka import KafkaConsumer, TopicPartition
    from kafka.structs import OffsetAndMetadata
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group,
                             enable_auto_commit=False)
    partitions = [TopicPartition(topic, p) for p in range(3)]
    consumer.assign(partitions)
    consumer.commit({tp: OffsetAndMetadata(0, "") for tp in partitions})
    consumer.close()


def group_round(mode, member, topic):
    """Two members share `topic`; then a later member of the group finds nothing left."""
    create_topic(topic)
    commit_start(mode, topic)
    seen = run_members(member(mode, topic), MESSAGES,
                       produce=lambda: produce_kafka_python(topic, MESSAGES))
    assert len(set(seen)) == MESSAGES, len(set(seen))
    assert len(seen) == MESSAGES, "duplicates: %d" % (len(seen) - MESSAGES)
    again = run_members(member(mode, topic), 1, members=1, timeout=3)
    assert again == [], "a new member re-read committed messages: %d" % len(again)
    print("OK %s %d" % (mode, len(seen)))


def confluent_member(group, topic):
    from confluent_kafka import Consumer

    def make(index):
        consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": group,
                             "client.id": "ck-member-%d" % index,
                             "auto.offset.reset": "earliest", "enable.auto.commit": False,
                             "session.timeout.ms": 6000, "heartbeat.interval.ms": 500})
        consumer.subscribe([topic])

        def consume(close=False):
            if close:
                try:
                    consumer.commit(asynchronous=False)
                except Exception:
                    pass  # nothing to commit
                consumer.close()
                return []
            m = consumer.poll(0.2)
            if m is None or m.error():
                return []
            consumer.commit(message=m, asynchronous=False)
            return [(m.partition(), m.offset())]
        return consume, lambda: bool(consumer.assignment())
    return make


def sasl(protocol, mechanism, cafile=None):
    from kafka import KafkaConsumer, KafkaProducer, TopicPartition
    from kafka.errors import KafkaError

    def options(password):
        o = {"security_protocol": protocol, "sasl_mechanism": mechanism,
             "sasl_plain_username": "alice", "sasl_plain_password": password}
        if cafile:
            o["ssl_cafile"] = cafile
            o["ssl_check_hostname"] = True
        return o

    topic = "kp-sasl"
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", **options("alice-secret"))
    offsets = [producer.send(topic, value=b"s%d" % i, partition=0).get(timeout=20).offset
               for i in range(10)]
    producer.close()
    assert offsets == list(range(offsets[0], offsets[0] + 10)), offsets
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, consumer_timeout_ms=10000,
                             enable_auto_commit=False, **options("alice-secret"))
    consumer.assign([TopicPartition(topic, 0)])
    consumer.seek(TopicPartition(topic, 0), offsets[0])
    got = []
    for m in consumer:
        got.append(m.value)
        if len(got) == 10:
            break
    consumer.close()
    assert got == [b"s%d" % i for i in range(10)], got

    refused = False
    try:
        p = KafkaProducer(bootstrap_servers=bootstrap, max_block_ms=5000,
                          request_timeout_ms=5000, **options("wrong"))
        p.send(topic, value=b"never", partition=0).get(timeout=10)
    except (KafkaError, AssertionError) as e:
        refused = True
        print("refused:", type(e).__name__, e)
    assert refused, "a wrong password was accepted"
    print("OK sasl %s %s" % (protocol, mechanism))


if mode == "kafka-python-group":
    group_round(mode, kafka_python_member, "kp-group-topic")
elif mode == "confluent-group":
    group_round(mode, confluent_member, "ck-group-topic")
elif mode == "sasl":
    sasl(sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else None)
else:
    sys.exit("unknown mode " + mode)
