// Golden bytes for the APIs that move records and offsets: Produce, Fetch, ListOffsets,
// DeleteRecords. First and last version of each, and every version that adds a field.
// Strings are one letter: "t" = 0001 74 (int16 length) or 02 74 (compact).
#include "golden.h"
#include "messages/deleterecords.h"
#include "messages/fetch.h"
#include "messages/listoffsets.h"
#include "messages/produce.h"

using namespace kastle::protocol;
using namespace kastle::protocol::testing;

TEST(Golden, ProduceRequest)
{
    ProduceRequest req;
    req.transactionalId = "x";
    req.acks = -1;
    req.timeoutMs = 1000;
    req.topicData = {{"t", {{1, Records::owned(bytesOf("r"))}}}};
    const char *body = "ffff 000003e8"     // acks -1, timeout 1000
                       "00000001 0001 74"  // [topics] "t"
                       "00000001 00000001" //   [partitions] index 1
                       "00000001 72";      //     records: 1 byte
    expectGolden(req, 0, body);
    expectGolden(req, 3, std::string("0001 78") + body); // v3: transactional id "x"
    expectGolden(req, 7, std::string("0001 78") + body);

    ProduceRequest nulls = req; // null transactional id and null records
    nulls.transactionalId.reset();
    nulls.topicData[0].partitionData[0].records = Records::null();
    expectGolden(nulls, 3, "ffff ffff 000003e8 00000001 0001 74 00000001 00000001 ffffffff");
}

TEST(Golden, ProduceResponse)
{
    ProduceResponse resp;
    resp.responses = {{"t", {{1, 3, 100, 5, 7}}}};
    resp.throttleTimeMs = 9;
    const char *head = "00000001 0001 74"       // [responses] "t"
                       "00000001 00000001 0003" //   [partitions] index 1, error 3
                       "0000000000000064";      //   base offset 100
    expectGolden(resp, 0, head);
    expectGolden(resp, 1, std::string(head) + "00000009"); // v1: throttle
    expectGolden(resp, 2,
                 std::string(head) + "0000000000000005" // v2: log append time
                     + "00000009");
    expectGolden(resp, 5,
                 std::string(head) + "0000000000000005 0000000000000007" // v5: log start offset
                     + "00000009");
    expectGolden(resp, 7, std::string(head) + "0000000000000005 0000000000000007 00000009");
}

TEST(Golden, FetchRequest)
{
    FetchRequest req;
    req.replicaId = -1;
    req.maxWaitMs = 500;
    req.minBytes = 1;
    req.maxBytes = 0x100000;
    req.isolationLevel = 1;
    req.sessionId = 2;
    req.sessionEpoch = 3;
    req.topics = {{"t", {{0, 4, 10, 5, 0x10000}}}};
    req.forgottenTopicsData = {{"x", {6}}};
    req.rackId = "r";
    const std::string head = "ffffffff 000001f4 00000001";          // replica -1, wait 500, min 1
    const std::string topic = "00000001 0001 74 00000001 00000000"; // [topics] "t" [parts] 0
    const std::string forgotten = "00000001 0001 78 00000001 00000006"; // [forgotten] "x" [6]
    expectGolden(req, 0, head + topic + "000000000000000a 00010000");   // offset 10, max 64 KiB
    expectGolden(req, 3,
                 head + "00100000" /* v3 max bytes */ + topic + "000000000000000a 00010000");
    expectGolden(req, 4,
                 head + "00100000 01" /* v4 isolation */ + topic + "000000000000000a 00010000");
    expectGolden(req, 5,
                 head + "00100000 01" + topic +
                     "000000000000000a 0000000000000005" /* v5 log start */ + "00010000");
    expectGolden(req, 7,
                 head + "00100000 01 00000002 00000003" /* v7 session id, epoch */ + topic +
                     "000000000000000a 0000000000000005 00010000" + forgotten);
    expectGolden(req, 9,
                 head + "00100000 01 00000002 00000003" + topic +
                     "00000004" /* v9 current leader epoch */ +
                     "000000000000000a 0000000000000005 00010000" + forgotten);
    expectGolden(req, 11,
                 head + "00100000 01 00000002 00000003" + topic +
                     "00000004 000000000000000a 0000000000000005 00010000" + forgotten +
                     "0001 72" /* v11 rack "r" */);
}

TEST(Golden, FetchResponse)
{
    FetchResponse resp;
    resp.throttleTimeMs = 1;
    resp.errorCode = 2;
    resp.sessionId = 3;
    FetchResponse::PartitionData p;
    p.partitionIndex = 0;
    p.highWatermark = 20;
    p.lastStableOffset = 18;
    p.logStartOffset = 1;
    p.abortedTransactions = std::vector<FetchResponse::AbortedTransaction>{{7, 15}};
    p.preferredReadReplica = 2;
    p.records = Records::owned(bytesOf("r"));
    resp.responses = {{"t", {p}}};
    const std::string topic = "00000001 0001 74 00000001";     // [responses] "t" [partitions]
    const std::string part = "00000000 0000 0000000000000014"; // index 0, error 0, hw 20
    const std::string aborted = "00000001 0000000000000007 000000000000000f"; // [(pid 7, 15)]
    const std::string records = "00000001 72";
    expectGolden(resp, 0, topic + part + records);
    expectGolden(resp, 1, "00000001" /* v1 throttle */ + topic + part + records);
    expectGolden(resp, 4,
                 "00000001" + topic + part + "0000000000000012" /* v4 LSO */ + aborted + records);
    expectGolden(resp, 5,
                 "00000001" + topic + part + "0000000000000012 0000000000000001" + aborted +
                     records); // v5 log start offset
    expectGolden(resp, 7,
                 "00000001 0002 00000003" /* v7 error, session */ + topic + part +
                     "0000000000000012 0000000000000001" + aborted + records);
    expectGolden(resp, 11,
                 "00000001 0002 00000003" + topic + part + "0000000000000012 0000000000000001" +
                     aborted + "00000002" /* v11 preferred replica */ + records);

    FetchResponse nulls = resp; // v4+: null aborted transactions, null records
    nulls.responses[0].partitions[0].abortedTransactions.reset();
    nulls.responses[0].partitions[0].records = Records::null();
    expectGolden(nulls, 4, "00000001" + topic + part + "0000000000000012 ffffffff ffffffff");
}

TEST(Golden, ListOffsets)
{
    ListOffsetsRequest req;
    req.replicaId = -1;
    req.isolationLevel = 1;
    req.topics = {{"t", {{0, -1, 3}}}};
    const std::string topic = "00000001 0001 74 00000001 00000000 ffffffffffffffff"; // ts -1
    expectGolden(req, 0, "ffffffff" + topic + "00000003"); // v0 only: max number of offsets
    expectGolden(req, 1, "ffffffff" + topic);
    expectGolden(req, 2, "ffffffff 01" /* v2 isolation */ + topic);
    expectGolden(req, 3, "ffffffff 01" + topic);

    ListOffsetsResponse resp;
    resp.throttleTimeMs = 4;
    resp.topics = {{"t", {{0, 0, {5, 6}, 100, 42}}}};
    const std::string head = "00000001 0001 74 00000001 00000000 0000"; // "t", partition 0, ok
    expectGolden(resp, 0, head + "00000002 0000000000000005 0000000000000006"); // old offsets
    expectGolden(resp, 1, head + "0000000000000064 000000000000002a");          // timestamp, offset
    expectGolden(resp, 2,
                 "00000004" /* v2 throttle */ + head + "0000000000000064 000000000000002a");
    expectGolden(resp, 3, "00000004" + head + "0000000000000064 000000000000002a");
}

TEST(Golden, DeleteRecords)
{
    DeleteRecordsRequest req;
    req.topics = {{"t", {{0, 9}}}};
    req.timeoutMs = 1000;
    for (int16_t v : {0, 1})
        expectGolden(req, v, "00000001 0001 74 00000001 00000000 0000000000000009 000003e8");

    DeleteRecordsResponse resp;
    resp.throttleTimeMs = 1;
    resp.topics = {{"t", {{0, 9, 0}}}};
    for (int16_t v : {0, 1})
        expectGolden(resp, v, "00000001 00000001 0001 74 00000001 00000000 0000000000000009 0000");
}
