#!/usr/bin/python3
"""kafka-python 2.0.2 as an independent encoder and decoder for Kastle's protocol compat test.

Modes (output is one line per item, fields separated by single spaces):
  messages   every request/response class kafka-python knows, filled by the same counter rule
             as tests/unit/protocol/messagetesting.h (populate), as
             "<api key> <request|response> <version> <hex>" ("unencodable:<error>" in place of
             the hex where kafka-python cannot encode its own class)
  batches    record batches kafka-python builds from the RECORDS below, as "<name> <hex>":
             v2-<codec> (RecordBatch v2) and m0-<codec>, m1-<codec> (legacy message sets)
  parse      reads "<name> <hex>" lines on stdin and prints every record kafka-python finds as
             "<name> <offset> <timestamp> <key> <value> <headers>", key/value as hex or "-" for
             null, timestamp -1 for none (magic 0), headers as "key=hex" joined by ","
             ("." when none; "-" for a null value),
             and "<name> crc ok|bad" per batch.
"""
import importlib
import inspect
import sys

from kafka.protocol.api import Request, Response
from kafka.protocol.types import Array, Boolean, Bytes, Int8, Int16, Int32, Int64, Schema, String
from kafka.record.default_records import DefaultRecordBatchBuilder
from kafka.record.legacy_records import LegacyRecordBatchBuilder
from kafka.record.memory_records import MemoryRecords

CODECS = {"none": 0, "gzip": 1, "snappy": 2, "lz4": 3, "zstd": 4}

# (timestamp, key, value, headers); the C++ test holds the same list.
RECORDS = [
    (1700000000000, b"k0", b"v0", [("h", b"x"), ("n", None)]),
    (1700000000005, None, b"v1", []),
    (1700000000002, b"", None, []),
]

RECORD_FIELDS = ("records", "messages", "message_set")  # kafka-python names of `records` fields


class Counter:
    def __init__(self):
        self.n = 0

    def next(self):
        self.n += 1
        return self.n


def fill(t, name, counter):
    if isinstance(t, Schema):
        return tuple(fill(ft, fn, counter) for fn, ft in zip(t.names, t.fields))
    if isinstance(t, Array):
        return [fill(t.array_of, name, counter) for _ in range(2)]
    n = counter.next()
    if t is Int8:
        return n % 120 + 1
    if t in (Int16, Int32, Int64):
        return n
    if t is Boolean:
        # The opposite of the schema default; only this field defaults to true.
        return name != "allow_auto_topic_creation"
    if isinstance(t, String) or t is String:
        return "s%d" % n
    if t is Bytes:
        return (b"r%d" if name in RECORD_FIELDS else b"b%d") % n
    raise TypeError("no rule for %r (%s)" % (t, name))


def messages():
    seen = set()
    for module in ("produce", "fetch", "offset", "metadata", "commit", "group", "admin"):
        mod = importlib.import_module("kafka.protocol." + module)
        for obj in vars(mod).values():
            if not (inspect.isclass(obj) and issubclass(obj, (Request, Response))):
                continue
            if obj in (Request, Response) or not hasattr(obj, "SCHEMA"):
                continue
            try:
                key, version = obj.API_KEY, obj.API_VERSION
            except AttributeError:
                continue
            kind = "request" if issubclass(obj, Request) else "response"
            if (key, kind, version) in seen:
                continue
            seen.add((key, kind, version))
            values = fill(obj.SCHEMA, "", Counter())
            message = obj(*values)  # kept alive: Struct.encode holds only a weak reference
            try:
                encoded = message.encode().hex()
            except Exception as e:  # kafka-python's own schema bugs (e.g. Fetch v7+ requests)
                encoded = "unencodable:" + type(e).__name__
            print(key, kind, version, encoded)


def batches():
    for codec, cid in CODECS.items():
        b = DefaultRecordBatchBuilder(magic=2, compression_type=cid, is_transactional=0,
                                      producer_id=-1, producer_epoch=-1, base_sequence=-1,
                                      batch_size=1 << 20)
        for i, (ts, key, value, headers) in enumerate(RECORDS):
            b.append(i, timestamp=ts, key=key, value=value, headers=headers)
        print("v2-" + codec, bytes(b.build()).hex())
    for magic in (0, 1):
        for codec, cid in CODECS.items():
            if cid == 4:
                continue  # no zstd before magic 2
            b = LegacyRecordBatchBuilder(magic=magic, compression_type=cid, batch_size=1 << 20)
            for i, (ts, key, value, _) in enumerate(RECORDS):
                b.append(i, timestamp=ts, key=key, value=value)
            print("m%d-%s" % (magic, codec), bytes(b.build()).hex())


def show(b):
    return "-" if b is None else bytes(b).hex()


def parse():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        name, data = line.split(" ")
        records = MemoryRecords(bytes.fromhex(data))
        while records.has_next():
            batch = records.next_batch()
            print(name, "crc", "ok" if batch.validate_crc() else "bad")
            for r in batch:
                headers = ",".join("%s=%s" % (k, show(v)) for k, v in r.headers) or "."
                timestamp = -1 if r.timestamp is None else r.timestamp  # None: magic 0
                print(name, r.offset, timestamp, show(r.key), show(r.value), headers)


if __name__ == "__main__":
    {"messages": messages, "batches": batches, "parse": parse}[sys.argv[1]]()
