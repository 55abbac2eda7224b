// Golden bytes for group, offset, producer-id and SASL APIs and the consumer protocol payloads.
// One-letter strings: "g" = 0001 67, "m" = 0001 6d, "i" (instance id) = 0001 69, "t" = 0001 74;
// compact forms "02 67" etc.; "00" closes each flexible struct's tagged-field section.
#include "golden.h"
#include "messages/consumerprotocol.h"
#include "messages/deletegroups.h"
#include "messages/describegroups.h"
#include "messages/findcoordinator.h"
#include "messages/heartbeat.h"
#include "messages/initproducerid.h"
#include "messages/joingroup.h"
#include "messages/leavegroup.h"
#include "messages/listgroups.h"
#include "messages/offsetcommit.h"
#include "messages/offsetdelete.h"
#include "messages/offsetfetch.h"
#include "messages/saslauthenticate.h"
#include "messages/saslhandshake.h"
#include "messages/syncgroup.h"

using namespace kastle::protocol;
using namespace kastle::protocol::testing;

TEST(Golden, OffsetCommit)
{
    OffsetCommitRequest req;
    req.groupId = "g";
    req.generationIdOrMemberEpoch = 1;
    req.memberId = "m";
    req.groupInstanceId = "i";
    req.retentionTimeMs = 5;
    req.topics = {{"t", {{0, 10, 2, 7, "x"}}}};
    const std::string topic = "00000001 0001 74 00000001 00000000 000000000000000a"; // 0 @ 10
    expectGolden(req, 0, "0001 67" + topic + "0001 78");
    expectGolden(req, 1,
                 "0001 67 00000001 0001 6d" /* v1 generation, member */ + topic +
                     "0000000000000007" /* v1 only: commit timestamp */ + "0001 78");
    expectGolden(req, 2,
                 "0001 67 00000001 0001 6d 0000000000000005" /* v2-4 retention */ + topic +
                     "0001 78");
    expectGolden(req, 5, "0001 67 00000001 0001 6d" + topic + "0001 78");
    expectGolden(req, 6,
                 "0001 67 00000001 0001 6d" + topic + "00000002" /* v6 leader epoch */ + "0001 78");
    expectGolden(req, 7,
                 "0001 67 00000001 0001 6d 0001 69" /* v7 instance id */ + topic +
                     "00000002 0001 78");

    OffsetCommitResponse resp{1, {{"t", {{0, 3}}}}};
    expectGolden(resp, 0, "00000001 0001 74 00000001 00000000 0003");
    expectGolden(resp, 3, "00000001 00000001 0001 74 00000001 00000000 0003"); // v3 throttle
    expectGolden(resp, 7, "00000001 00000001 0001 74 00000001 00000000 0003");
}

TEST(Golden, OffsetFetch)
{
    OffsetFetchRequest req;
    req.groupId = "g";
    req.topics = std::vector<OffsetFetchRequest::OffsetFetchRequestTopic>{{"t", {0}}};
    req.requireStable = true;
    expectGolden(req, 0, "0001 67 00000001 0001 74 00000001 00000000");
    expectGolden(req, 2, "0001 67 00000001 0001 74 00000001 00000000");
    expectGolden(req, 6, "0267 02 0274 02 00000000 00 00");    // v6 flexible
    expectGolden(req, 7, "0267 02 0274 02 00000000 00 01 00"); // v7 require stable
    OffsetFetchRequest all = req;
    all.topics.reset();
    expectGolden(all, 2, "0001 67 ffffffff"); // v2: null = every committed partition
    expectGolden(all, 7, "0267 00 01 00");

    OffsetFetchResponse resp;
    resp.throttleTimeMs = 1;
    resp.topics = {{"t", {{0, 10, 2, "x", 0}}}};
    resp.errorCode = 3;
    const std::string topic = "00000001 0001 74 00000001 00000000 000000000000000a";
    expectGolden(resp, 0, topic + "0001 78 0000");
    expectGolden(resp, 2, topic + "0001 78 0000 0003"); // v2 top-level error
    expectGolden(resp, 3, "00000001" /* v3 throttle */ + topic + "0001 78 0000 0003");
    expectGolden(resp, 5,
                 "00000001" + topic + "00000002" /* v5 leader epoch */ + "0001 78 0000 0003");
    expectGolden(resp, 6,
                 "00000001 02 0274 02 00000000 000000000000000a 00000002 0278 0000 00 00"
                 "0003 00");
    expectGolden(resp, 7,
                 "00000001 02 0274 02 00000000 000000000000000a 00000002 0278 0000 00 00"
                 "0003 00");
}

TEST(Golden, FindCoordinator)
{
    FindCoordinatorRequest req{"g", 1};
    expectGolden(req, 0, "0001 67");
    expectGolden(req, 1, "0001 67 01"); // v1 key type
    expectGolden(req, 2, "0001 67 01");
    FindCoordinatorResponse resp{1, 0, "x", 1, "h", 9092};
    expectGolden(resp, 0, "0000 00000001 0001 68 00002384");
    expectGolden(resp, 1, "00000001 0000 0001 78 00000001 0001 68 00002384"); // throttle, message
    expectGolden(resp, 2, "00000001 0000 0001 78 00000001 0001 68 00002384");
}

TEST(Golden, JoinGroup)
{
    JoinGroupRequest req{"g", 10000, 30000, "m", "i", "c", {{"r", bytesOf("b")}}};
    const std::string protocols = "0001 63 00000001 0001 72 00000001 62"; // "c" [("r", "b")]
    expectGolden(req, 0, "0001 67 00002710 0001 6d" + protocols);
    expectGolden(req, 1, "0001 67 00002710 00007530 0001 6d" + protocols); // v1 rebalance timeout
    expectGolden(req, 5, "0001 67 00002710 00007530 0001 6d 0001 69" + protocols); // v5 instance

    JoinGroupResponse resp{1, 0, 2, "r", "m", "m", {{"m", "i", bytesOf("b")}}};
    const std::string head = "0000 00000002 0001 72 0001 6d 0001 6d"; // ok, gen 2, "r", leader, me
    expectGolden(resp, 0, head + "00000001 0001 6d 00000001 62");
    expectGolden(resp, 2, "00000001" /* v2 throttle */ + head + "00000001 0001 6d 00000001 62");
    expectGolden(resp, 5,
                 "00000001" + head + "00000001 0001 6d 0001 69" /* v5 instance */ + "00000001 62");
}

TEST(Golden, HeartbeatLeaveSync)
{
    HeartbeatRequest hb{"g", 2, "m", "i"};
    expectGolden(hb, 0, "0001 67 00000002 0001 6d");
    expectGolden(hb, 3, "0001 67 00000002 0001 6d 0001 69");
    HeartbeatResponse hbr{1, 27};
    expectGolden(hbr, 0, "001b");
    expectGolden(hbr, 1, "00000001 001b");
    expectGolden(hbr, 3, "00000001 001b");

    LeaveGroupRequest leave{"g", "m", {{"m", "i"}}};
    expectGolden(leave, 0, "0001 67 0001 6d");
    expectGolden(leave, 3, "0001 67 00000001 0001 6d 0001 69"); // v3: [members]
    LeaveGroupResponse left{1, 0, {{"m", "i", 0}}};
    expectGolden(left, 0, "0000");
    expectGolden(left, 1, "00000001 0000");
    expectGolden(left, 3, "00000001 0000 00000001 0001 6d 0001 69 0000");

    SyncGroupRequest sync{"g", 2, "m", "i", {{"m", bytesOf("b")}}};
    expectGolden(sync, 0, "0001 67 00000002 0001 6d 00000001 0001 6d 00000001 62");
    expectGolden(sync, 3, "0001 67 00000002 0001 6d 0001 69 00000001 0001 6d 00000001 62");
    SyncGroupResponse synced{1, 0, bytesOf("b")};
    expectGolden(synced, 0, "0000 00000001 62");
    expectGolden(synced, 1, "00000001 0000 00000001 62");
    expectGolden(synced, 3, "00000001 0000 00000001 62");
}

TEST(Golden, DescribeAndListGroups)
{
    DescribeGroupsRequest req{{"g"}, true};
    expectGolden(req, 0, "00000001 0001 67");
    expectGolden(req, 3, "00000001 0001 67 01"); // v3 authorized operations
    expectGolden(req, 4, "00000001 0001 67 01");

    DescribeGroupsResponse resp;
    resp.throttleTimeMs = 1;
    resp.groups = {{0, "g", "s", "c", "r", {{"m", "i", "c", "h", bytesOf("b"), bytesOf("a")}}, 8}};
    const std::string group = "0000 0001 67 0001 73 0001 63 0001 72";     // ok "g" state type data
    const std::string member = "0001 63 0001 68 00000001 62 00000001 61"; // client, host, b, a
    expectGolden(resp, 0, "00000001" + group + "00000001 0001 6d" + member);
    expectGolden(resp, 1, "00000001 00000001" + group + "00000001 0001 6d" + member);
    expectGolden(resp, 3, "00000001 00000001" + group + "00000001 0001 6d" + member + "00000008");
    expectGolden(resp, 4,
                 "00000001 00000001" + group + "00000001 0001 6d 0001 69" + member + "00000008");

    ListGroupsRequest list{{"s"}};
    expectGolden(list, 0, "");
    expectGolden(list, 3, "00");         // v3 flexible: only the tag section
    expectGolden(list, 4, "02 0273 00"); // v4 states filter
    ListGroupsResponse listed{1, 0, {{"g", "c", "s"}}};
    expectGolden(listed, 0, "0000 00000001 0001 67 0001 63");
    expectGolden(listed, 1, "00000001 0000 00000001 0001 67 0001 63");
    expectGolden(listed, 3, "00000001 0000 02 0267 0263 00 00");
    expectGolden(listed, 4, "00000001 0000 02 0267 0263 0273 00 00"); // v4 group state

    DeleteGroupsRequest del{{"g"}};
    DeleteGroupsResponse deleted{1, {{"g", 0}}};
    for (int16_t v : {0, 1}) {
        expectGolden(del, v, "00000001 0001 67");
        expectGolden(deleted, v, "00000001 00000001 0001 67 0000");
    }

    OffsetDeleteRequest od{"g", {{"t", {{0}}}}};
    expectGolden(od, 0, "0001 67 00000001 0001 74 00000001 00000000");
    OffsetDeleteResponse odr{0, 1, {{"t", {{0, 0}}}}};
    expectGolden(odr, 0, "0000 00000001 00000001 0001 74 00000001 00000000 0000");
}

TEST(Golden, InitProducerId)
{
    InitProducerIdRequest req{"x", 1000, 5, 1};
    expectGolden(req, 0, "0001 78 000003e8");
    expectGolden(req, 1, "0001 78 000003e8");
    expectGolden(req, 2, "0278 000003e8 00");                       // v2 flexible
    expectGolden(req, 3, "0278 000003e8 0000000000000005 0001 00"); // v3 producer id, epoch
    expectGolden(req, 4, "0278 000003e8 0000000000000005 0001 00");
    InitProducerIdRequest idempotent{std::nullopt, 1000, -1, -1};
    expectGolden(idempotent, 0, "ffff 000003e8");
    expectGolden(idempotent, 2, "00 000003e8 00");

    InitProducerIdResponse resp{1, 0, 5, 1};
    expectGolden(resp, 0, "00000001 0000 0000000000000005 0001");
    expectGolden(resp, 2, "00000001 0000 0000000000000005 0001 00");
    expectGolden(resp, 4, "00000001 0000 0000000000000005 0001 00");
}

TEST(Golden, Sasl)
{
    SaslHandshakeRequest hs{"p"};
    SaslHandshakeResponse hsr{0, {"p"}};
    for (int16_t v : {0, 1}) {
        expectGolden(hs, v, "0001 70");
        expectGolden(hsr, v, "0000 00000001 0001 70");
    }
    SaslAuthenticateRequest auth{bytesOf("b")};
    expectGolden(auth, 0, "00000001 62");
    expectGolden(auth, 1, "00000001 62");
    expectGolden(auth, 2, "0262 00");
    SaslAuthenticateResponse authed{0, "x", bytesOf("b"), 1000};
    expectGolden(authed, 0, "0000 0001 78 00000001 62");
    expectGolden(authed, 1, "0000 0001 78 00000001 62 00000000000003e8"); // v1 session lifetime
    expectGolden(authed, 2, "0000 0278 0262 00000000000003e8 00");
}

TEST(Golden, ConsumerProtocol)
{
    ConsumerProtocolSubscription sub{{"t"}, bytesOf("b"), {{"t", {0}}}, 2, "r"};
    const std::string v0 = "00000001 0001 74 00000001 62"; // topics ["t"], user data "b"
    const std::string owned = "00000001 0001 74 00000001 00000000";
    EXPECT_EQ(toHex(encodeSubscription(sub, 0)), toHex(hex("0000" + v0)));
    EXPECT_EQ(toHex(encodeSubscription(sub, 1)), toHex(hex("0001" + v0 + owned)));
    EXPECT_EQ(toHex(encodeSubscription(sub, 2)), toHex(hex("0002" + v0 + owned + "00000002")));
    EXPECT_EQ(toHex(encodeSubscription(sub, 3)),
              toHex(hex("0003" + v0 + owned + "00000002 0001 72")));
    for (int16_t v = 0; v <= 3; ++v) {
        const auto back = decodeSubscription(encodeSubscription(sub, v));
        EXPECT_EQ(back.version, v);
        EXPECT_EQ(back.value, project(sub, v));
    }
    ConsumerProtocolSubscription noData{{"t"}, std::nullopt, {}, -1, std::nullopt};
    EXPECT_EQ(toHex(encodeSubscription(noData, 0)), toHex(hex("0000 00000001 0001 74 ffffffff")));
    EXPECT_THROW(encodeSubscription(sub, 4), EncodeError);

    ConsumerProtocolAssignment asg{{{"t", {0, 1}}}, std::nullopt};
    const std::string body = "00000001 0001 74 00000002 00000000 00000001 ffffffff";
    EXPECT_EQ(toHex(encodeAssignment(asg, 0)), toHex(hex("0000" + body)));
    EXPECT_EQ(toHex(encodeAssignment(asg, 3)), toHex(hex("0003" + body)));
    // A later version is read with the v3 layout, its extra bytes ignored.
    const auto future = decodeAssignment(hex("0007" + body + "deadbeef"));
    EXPECT_EQ(future.version, 7);
    EXPECT_EQ(future.value, asg);
    EXPECT_EQ(decodeAssignment(Bytes{}).value, ConsumerProtocolAssignment{});
    EXPECT_THROW(decodeAssignment(hex("ffff")), DecodeError);
    EXPECT_THROW(decodeAssignment(hex("0000 00000001 0001")), DecodeError);
}
