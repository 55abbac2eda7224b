// KafkaJS 2.2.4, unchanged, against a kastle-broker; driven by clients_test.cpp.
//   node kafkajs_client.js MODULES_DIR BOOTSTRAP produce-consume|admin
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

const modes = { 'produce-consume': produceConsume, admin: adminCalls };
if (!modes[mode]) {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
modes[mode]().then(() => process.exit(0), (e) => {
  console.error('FAILED', e);
  process.exit(1);
});
