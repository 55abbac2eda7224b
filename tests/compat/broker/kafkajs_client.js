// KafkaJS 2.2.4, unchanged, against a kastle-broker; driven by clients_test.cpp.
//   node kafkajs_client.js MODULES_DIR BOOTSTRAP produce-consume|admin|idempotent-groups
// Prints "OK <mode> ..." on success; any mismatch throws and exits 1 with the reason.
'use strict';

const path = require('path');
const assert = require('assert');

const [modulesDir, bootstrap, mode] = process.argv.slice(2);
const { Kafka, logLevel, CompressionTypes, ConfigResourceTypes } = require(
  path.join(modulesDir, 'kafkajs'));

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const kafka = new Kafka({ clientId: 'kastle-compat', brokers: [bootstrap],
                          logLevel: logLevel.WARN, retry: { retries: 3 } });

// Keys, values and headers of message i, so that the consumer can check each one.
function message(i) {
  return { key: `key-${i}`, value: `value ${i}`, headers: { n: String(i), app: 'kafkajs' } };
}

async function produceConsume() {
  const admin = kafka.admin();
  await admin.connect();
  // No counts: KafkaJS sends -1/-1 (v3) and the broker's defaults apply.
  assert.strictEqual(await admin.createTopics({ topics: [{ topic: 'js-default' }] }), true);
  assert.strictEqual(await admin.createTopics({ topics: [{ topic: 'js', numPartitions: 3 }] }),
                     true);

  const producer = kafka.producer();
  await producer.connect();
  const total = 60;
  const plain = [];
  for (let i = 0; i < total / 2; ++i) plain.push(message(i));
  await producer.send({ topic: 'js', acks: -1, messages: plain });
  const zipped = [];
  for (let i = total / 2; i < total; ++i) zipped.push(message(i));
  await producer.send({ topic: 'js', acks: 1, compression: CompressionTypes.GZIP,
                        messages: zipped });

  const consumer = kafka.consumer({ groupId: 'js-group' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'js', fromBeginning: true });
  const seen = new Map(); // key -> [partition, offset]
  const lastOffset = new Map(); // partition -> last offset read
  await new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`only ${seen.size} of ${total} messages in 60 s`)), 60000)
      .unref();
    consumer.run({
      eachMessage: async ({ partition, message: m }) => {
        try {
          const key = m.key.toString();
          const i = Number(key.slice('key-'.length));
          assert.strictEqual(m.value.toString(), `value ${i}`);
          assert.strictEqual(m.headers.n.toString(), String(i));
          assert.strictEqual(m.headers.app.toString(), 'kafkajs');
          assert.ok(!seen.has(key), `${key} arrived twice`);
          const offset = Number(m.offset);
          assert.ok(offset > (lastOffset.get(partition) ?? -1), 'offsets must rise');
          lastOffset.set(partition, offset);
          seen.set(key, [partition, offset]);
          if (seen.size === total) resolve();
        } catch (e) {
          reject(e);
        }
      },
    }).catch(reject);
  });
  await consumer.disconnect(); // commits what was read

  const committed = await admin.fetchOffsets({ groupId: 'js-group', topics: ['js'] });
  let committedTotal = 0;
  for (const p of committed[0].partitions) {
    assert.strictEqual(Number(p.offset), (lastOffset.get(p.partition) ?? -1) + 1);
    committedTotal += Number(p.offset);
  }
  assert.strictEqual(committedTotal, total);
  const described = await admin.fetchTopicMetadata({ topics: ['js-default'] });
  const defaultPartitions = described.topics[0].partitions.length;

  await producer.disconnect();
  await admin.disconnect();
  console.log(`OK produce-consume ${seen.size} partitions ${lastOffset.size} ` +
              `default-partitions ${defaultPartitions}`);
}

async function adminCalls() {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic: 'js-admin', numPartitions: 2, replicationFactor: 1,
               configEntries: [{ name: 'retention.ms', value: '3600000' }] }],
  });
  // KafkaJS answers false when the broker says TOPIC_ALREADY_EXISTS.
  assert.strictEqual(
    await admin.createTopics({ topics: [{ topic: 'js-admin', numPartitions: 2 }] }), false);
  const configs = await admin.describeConfigs({
    resources: [{ type: ConfigResourceTypes.TOPIC, name: 'js-admin',
                  configNames: ['retention.ms', 'cleanup.policy'] }],
    includeSynonyms: false,
  });
  const entries = Object.fromEntries(
    configs.resources[0].configEntries.map((e) => [e.configName, e.configValue]));
  assert.strictEqual(entries['retention.ms'], '3600000');
  assert.strictEqual(entries['cleanup.policy'], 'delete');

  await admin.createPartitions({ topicPartitions: [{ topic: 'js-admin', count: 5 }] });
  const metadata = await admin.fetchTopicMetadata({ topics: ['js-admin'] });
  assert.strictEqual(metadata.topics[0].partitions.length, 5);

  const offsets = await admin.fetchTopicOffsets('js-admin');
  assert.strictEqual(offsets.length, 5);
  for (const o of offsets) assert.strictEqual(o.high, '0');

  await admin.deleteTopics({ topics: ['js-admin'] });
  const left = await admin.listTopics();
  assert.ok(!left.includes('js-admin'), `still listed: ${left}`);
  await admin.disconnect();
  console.log('OK admin');
}

async function idempotentAndGroups() {
  // An idempotent producer (InitProducerId, sequence numbers), one sendBatch to two topics.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1,
                                    retry: { retries: Number.MAX_SAFE_INTEGER } });
  await producer.connect();
  for (let b = 0; b < 5; ++b) {
    const messages = Array.from({ length: 10 }, (_, i) => ({ value: `m${b}-${i}` }));
    const [result] = await producer.send({ topic: 'js-idem', acks: -1, messages });
    assert.strictEqual(result.errorCode, 0);
    assert.strictEqual(result.baseOffset, String(b * 10));
  }
  await producer.sendBatch({ acks: -1, topicMessages: [
    { topic: 'js-idem', messages: [{ value: 'last' }] },
    { topic: 'js-idem-2', messages: [{ value: 'other' }] },
  ] });
  await producer.disconnect();

  // eachBatch over both topics, offsets resolved one by one.
  const consumer = kafka.consumer({ groupId: 'js-batch-group' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['js-idem', 'js-idem-2'], fromBeginning: true });
  const values = new Set();
  await new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`only ${values.size} of 52 values in 60 s`)), 60000)
      .unref();
    consumer.run({
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        for (const m of batch.messages) {
          values.add(`${batch.topic}/${m.value}`);
          resolveOffset(m.offset);
        }
        await heartbeat();
        if (values.size === 52) resolve();
      },
    }).catch(reject);
  });
  await consumer.disconnect();
  assert.ok(values.has('js-idem/m4-9') && values.has('js-idem/last') &&
            values.has('js-idem-2/other'));

  const admin = kafka.admin();
  await admin.connect();
  const { groups } = await admin.listGroups();
  assert.ok(groups.some((g) => g.groupId === 'js-batch-group'), JSON.stringify(groups));
  const described = await admin.describeGroups(['js-batch-group']);
  assert.strictEqual(described.groups[0].state, 'Empty');
  const committed = await admin.fetchOffsets({ groupId: 'js-batch-group', topics: ['js-idem'] });
  assert.strictEqual(committed[0].partitions[0].offset, '51');
  await admin.deleteGroups(['js-batch-group']);
  const after = await admin.listGroups();
  assert.ok(!after.groups.some((g) => g.groupId === 'js-batch-group'));
  const cluster = await admin.describeCluster();
  assert.strictEqual(cluster.brokers.length, 1);
  await admin.disconnect();
  console.log(`OK idempotent-groups ${values.size}`);
}

const modes = { 'produce-consume': produceConsume, admin: adminCalls,
                'idempotent-groups': idempotentAndGroups };
if (!modes[mode]) {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
modes[mode]().then(() => process.exit(0), (e) => {
  console.error('FAILED', e);
  process.exit(1);
});
