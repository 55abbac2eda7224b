// Leader elections and partition reassignments, which kastle-broker (a single broker without
// ElectLeaders or reassignment APIs) cannot serve: the session against two scripted peers whose
// Metadata names broker 2 as the controller. What is checked is Kastle's side: the requests as
// the peer decodes them, that they go to the controller and follow it when it moves
// (NOT_CONTROLLER), and the sentences for per-partition and top-level errors and for an API the
// cluster does not serve. Whether a real controller then moves leaders or replicas is not
// checked here (no multi-broker cluster with these APIs is available to the tests).
#include "kafka/kafkaerrors.h"
#include "scriptedbroker.h"
#include "sessiontesting.h"

#include "messages/alterpartitionreassignments.h"
#include "messages/electleaders.h"
#include "messages/listpartitionreassignments.h"
#include "messages/metadata.h"

using namespace kastle::core;
using namespace kastle::protocol;
using namespace kastle::testing;

namespace {

class ReplicaOperationsTest : public ::testing::Test
{
protected:
    // What the scripted peers serve is fixed before the session connects: a connection learns
    // the versions of its broker once, from ApiVersions.
    virtual bool servesControllerApis() const { return true; }
    virtual Versions electLeadersVersions() const { return {0, 2}; }

    void SetUp() override
    {
        for (ScriptedBroker *b : {&one, &two}) {
            ASSERT_TRUE(b->listen());
            b->serve<MetadataRequest>({1, 6}, [this](const MetadataRequest &, int16_t) {
                MetadataResponse md;
                for (ScriptedBroker *p : {&one, &two})
                    md.brokers.push_back({p->nodeId(), "127.0.0.1", p->port(), std::nullopt});
                md.clusterId = "scripted";
                md.controllerId = controller;
                return md;
            });
            if (!servesControllerApis())
                continue;
            const int32_t id = b->nodeId();
            b->serve<ElectLeadersRequest>(
                electLeadersVersions(),
                [this, id](const ElectLeadersRequest &r, int16_t v) { return onElect(id, r, v); });
            b->serve<AlterPartitionReassignmentsRequest>(
                {0, 0}, [this, id](const AlterPartitionReassignmentsRequest &r, int16_t) {
                    return onAlter(id, r);
                });
            b->serve<ListPartitionReassignmentsRequest>(
                {0, 0}, [this, id](const ListPartitionReassignmentsRequest &r, int16_t) {
                    return onList(id, r);
                });
        }
        session = std::make_unique<ClusterSession>(plainProfile(one.address()), ProfileSecrets{},
                                                   fastOptions());
        session->open();
        ASSERT_TRUE(waitUntil([&] {
            auto s = session->snapshot();
            return s && s->controllerId == controller &&
                   session->status().state == SessionState::Connected;
        })) << session->status().reason.toStdString();
    }
    void TearDown() override
    {
        session->close();
        EXPECT_TRUE(session->waitForClosed(std::chrono::seconds(10)));
    }

    ScriptedBroker one{1};
    ScriptedBroker two{2};
    int32_t controller = 2;
    std::unique_ptr<ClusterSession> session;
    // The scripted answers, by the id of the peer that was asked; unset: not expected at all.
    std::function<ElectLeadersResponse(int32_t, const ElectLeadersRequest &, int16_t)> onElect =
        [](int32_t id, const ElectLeadersRequest &, int16_t) {
            ADD_FAILURE() << "unexpected ElectLeaders at broker " << id;
            return ElectLeadersResponse{};
        };
    std::function<AlterPartitionReassignmentsResponse(int32_t,
                                                      const AlterPartitionReassignmentsRequest &)>
        onAlter = [](int32_t id, const AlterPartitionReassignmentsRequest &) {
            ADD_FAILURE() << "unexpected AlterPartitionReassignments at broker " << id;
            return AlterPartitionReassignmentsResponse{};
        };
    std::function<ListPartitionReassignmentsResponse(int32_t,
                                                     const ListPartitionReassignmentsRequest &)>
        onList = [](int32_t id, const ListPartitionReassignmentsRequest &) {
            ADD_FAILURE() << "unexpected ListPartitionReassignments at broker " << id;
            return ListPartitionReassignmentsResponse{};
        };
};

// Peers that serve none of the controller APIs, as kastle-broker does not.
class WithoutControllerApis : public ReplicaOperationsTest
{
protected:
    bool servesControllerApis() const override { return false; }
};

// A controller that knows ElectLeaders v0 only (preferred elections).
class WithElectLeadersV0 : public ReplicaOperationsTest
{
protected:
    Versions electLeadersVersions() const override { return {0, 0}; }
};

ElectLeadersResponse::ReplicaElectionResult
electionResult(const std::string &topic, std::vector<std::pair<int32_t, int16_t>> codes)
{
    ElectLeadersResponse::ReplicaElectionResult r;
    r.topic = topic;
    for (auto [p, code] : codes) {
        ElectLeadersResponse::PartitionResult pr;
        pr.partitionId = p;
        pr.errorCode = code;
        pr.errorMessage = code ? std::optional<std::string>("scripted reason") : std::nullopt;
        r.partitionResult.push_back(pr);
    }
    return r;
}

} // namespace

TEST_F(ReplicaOperationsTest, ElectLeadersGoesToTheControllerWithEveryPartition)
{
    std::optional<ElectLeadersRequest> seen;
    int16_t seenVersion = -1;
    onElect = [&](int32_t id, const ElectLeadersRequest &r, int16_t version) {
        EXPECT_EQ(id, 2) << "ElectLeaders reached a broker that is not the controller";
        seen = r;
        seenVersion = version;
        ElectLeadersResponse resp;
        resp.replicaElectionResults = {electionResult("orders", {{0, 0}, {1, 84}}),
                                       electionResult("audit", {{3, 80}})};
        return resp;
    };

    const Result<PartitionOutcomes> r =
        await(session->electLeaders(ElectionType::Unclean, {{QStringLiteral("orders"), 1},
                                                            {QStringLiteral("audit"), 3},
                                                            {QStringLiteral("orders"), 0}}));
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    ASSERT_TRUE(seen);
    EXPECT_EQ(seenVersion, 2);
    EXPECT_EQ(seen->electionType, 1);
    ASSERT_TRUE(seen->topicPartitions);
    ASSERT_EQ(seen->topicPartitions->size(), 2u); // grouped by topic, in name order
    EXPECT_EQ((*seen->topicPartitions)[0].topic, "audit");
    EXPECT_EQ((*seen->topicPartitions)[0].partitions, std::vector<int32_t>{3});
    EXPECT_EQ((*seen->topicPartitions)[1].topic, "orders");
    EXPECT_EQ((*seen->topicPartitions)[1].partitions, (std::vector<int32_t>{1, 0}));
    EXPECT_GT(seen->timeoutMs, 0);

    ASSERT_EQ(r->size(), 3u); // sorted by topic and partition
    EXPECT_EQ(r->at(0).topic, QStringLiteral("audit"));
    EXPECT_EQ(r->at(0).errorCode, 80);
    EXPECT_TRUE(r->at(0).message.contains(KafkaErrors::sentence(80)));
    EXPECT_TRUE(r->at(0).message.contains(QStringLiteral("scripted reason")));
    EXPECT_TRUE(r->at(1).ok());
    EXPECT_EQ(r->at(1).partition, 0);
    EXPECT_EQ(r->at(2).errorCode, 84);
    EXPECT_TRUE(r->at(2).message.contains(KafkaErrors::sentence(84)));
    EXPECT_EQ(one.count(ApiKey::ElectLeaders), 0);
    EXPECT_EQ(two.count(ApiKey::ElectLeaders), 1);
}

TEST_F(ReplicaOperationsTest, NotControllerFollowsTheControllerWhereItMoved)
{
    // Broker 2 was the controller when the session last looked; it answers NOT_CONTROLLER and
    // from now on Metadata names broker 1.
    onElect = [&](int32_t id, const ElectLeadersRequest &r, int16_t) {
        ElectLeadersResponse resp;
        if (id == 2) {
            controller = 1;
            resp.errorCode = int16_t(ErrorCode::NotController);
            return resp;
        }
        EXPECT_EQ(r.electionType, 0);
        EXPECT_FALSE(r.topicPartitions); // null: every partition
        resp.replicaElectionResults = {electionResult("orders", {{0, 0}})};
        return resp;
    };
    const int metadataBefore = one.count(ApiKey::Metadata) + two.count(ApiKey::Metadata);
    const Result<PartitionOutcomes> r = await(session->electLeaders(ElectionType::Preferred, {}));
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    ASSERT_EQ(r->size(), 1u);
    EXPECT_TRUE(r->front().ok());
    EXPECT_EQ(two.count(ApiKey::ElectLeaders), 1);
    EXPECT_EQ(one.count(ApiKey::ElectLeaders), 1);
    EXPECT_GT(one.count(ApiKey::Metadata) + two.count(ApiKey::Metadata), metadataBefore);
}

TEST_F(WithoutControllerApis, AControllerWithoutTheApiIsSaidInWords)
{
    const Result<PartitionOutcomes> elect =
        await(session->electLeaders(ElectionType::Preferred, {{QStringLiteral("orders"), 0}}));
    ASSERT_FALSE(elect.ok());
    EXPECT_EQ(elect.error().code, LocalError::UnsupportedFeature);
    EXPECT_TRUE(elect.error().message.contains(QStringLiteral("Could not elect leaders")))
        << elect.error().message.toStdString();
    EXPECT_TRUE(elect.error().message.contains(QStringLiteral("ElectLeaders")))
        << elect.error().message.toStdString();

    const Result<Reassignments> list = await(session->listReassignments());
    ASSERT_FALSE(list.ok());
    EXPECT_EQ(list.error().code, LocalError::UnsupportedFeature);
    EXPECT_TRUE(list.error().message.contains(QStringLiteral("replica moves")))
        << list.error().message.toStdString();

    const Result<PartitionOutcomes> alter = await(
        session->alterReassignments({{QStringLiteral("orders"), 0, std::vector<int32_t>{1}}}));
    ASSERT_FALSE(alter.ok());
    EXPECT_EQ(alter.error().code, LocalError::UnsupportedFeature);
    // Nothing was sent to either peer.
    for (ScriptedBroker *b : {&one, &two}) {
        EXPECT_EQ(b->count(ApiKey::ElectLeaders), 0);
        EXPECT_EQ(b->count(ApiKey::AlterPartitionReassignments), 0);
        EXPECT_EQ(b->count(ApiKey::ListPartitionReassignments), 0);
    }
}

TEST_F(WithElectLeadersV0, UncleanElectionNeedsVersionOne)
{
    // v0 has no election type and always means "preferred": an unclean election must not be
    // sent as v0, while a preferred one may.
    int asked = 0;
    onElect = [&](int32_t, const ElectLeadersRequest &, int16_t version) {
        ++asked;
        EXPECT_EQ(version, 0);
        return ElectLeadersResponse{};
    };
    const Result<PartitionOutcomes> unclean =
        await(session->electLeaders(ElectionType::Unclean, {{QStringLiteral("orders"), 0}}));
    ASSERT_FALSE(unclean.ok());
    EXPECT_EQ(unclean.error().code, LocalError::UnsupportedFeature);
    EXPECT_EQ(asked, 0);
    const Result<PartitionOutcomes> preferred =
        await(session->electLeaders(ElectionType::Preferred, {{QStringLiteral("orders"), 0}}));
    ASSERT_TRUE(preferred.ok()) << preferred.error().message.toStdString();
    EXPECT_EQ(asked, 1);
}

TEST_F(ReplicaOperationsTest, ReassignmentsStartCancelAndList)
{
    std::optional<AlterPartitionReassignmentsRequest> altered;
    onAlter = [&](int32_t id, const AlterPartitionReassignmentsRequest &r) {
        EXPECT_EQ(id, 2);
        altered = r;
        AlterPartitionReassignmentsResponse resp;
        AlterPartitionReassignmentsResponse::ReassignableTopicResponse t;
        t.name = "orders";
        t.partitions.push_back({0, 0, std::nullopt});
        t.partitions.push_back(
            {1, int16_t(ErrorCode::NoReassignmentInProgress), std::string("nothing to cancel")});
        resp.responses.push_back(t);
        return resp;
    };
    const Result<PartitionOutcomes> alter = await(
        session->alterReassignments({{QStringLiteral("orders"), 0, std::vector<int32_t>{2, 1}},
                                     {QStringLiteral("orders"), 1, std::nullopt}}));
    ASSERT_TRUE(alter.ok()) << alter.error().message.toStdString();
    ASSERT_TRUE(altered);
    ASSERT_EQ(altered->topics.size(), 1u);
    ASSERT_EQ(altered->topics[0].partitions.size(), 2u);
    EXPECT_EQ(altered->topics[0].partitions[0].replicas, (std::vector<int32_t>{2, 1}));
    EXPECT_FALSE(altered->topics[0].partitions[1].replicas); // null cancels
    ASSERT_EQ(alter->size(), 2u);
    EXPECT_TRUE(alter->at(0).ok());
    EXPECT_EQ(alter->at(1).errorCode, 85);
    EXPECT_TRUE(alter->at(1).message.contains(KafkaErrors::sentence(85)));

    // Cancelling is the same request with null replica lists.
    altered.reset();
    const Result<PartitionOutcomes> cancel =
        await(session->cancelReassignments({{QStringLiteral("orders"), 1}}));
    ASSERT_TRUE(cancel.ok());
    ASSERT_TRUE(altered);
    EXPECT_FALSE(altered->topics[0].partitions[0].replicas);

    std::optional<ListPartitionReassignmentsRequest> listed;
    onList = [&](int32_t id, const ListPartitionReassignmentsRequest &r) {
        EXPECT_EQ(id, 2);
        listed = r;
        ListPartitionReassignmentsResponse resp;
        ListPartitionReassignmentsResponse::OngoingTopicReassignment t;
        t.name = "orders";
        t.partitions.push_back({0, {2, 1, 3}, {2}, {3}});
        resp.topics.push_back(t);
        return resp;
    };
    const Result<Reassignments> moves = await(session->listReassignments());
    ASSERT_TRUE(moves.ok()) << moves.error().message.toStdString();
    ASSERT_TRUE(listed);
    EXPECT_FALSE(listed->topics); // null: every move in progress
    ASSERT_EQ(moves->size(), 1u);
    EXPECT_EQ(moves->front().replicas, (std::vector<int32_t>{2, 1, 3}));
    EXPECT_EQ(moves->front().addingReplicas, std::vector<int32_t>{2});
    EXPECT_EQ(moves->front().removingReplicas, std::vector<int32_t>{3});

    // A top-level refusal carries the controller's own words.
    onList = [](int32_t, const ListPartitionReassignmentsRequest &) {
        ListPartitionReassignmentsResponse resp;
        resp.errorCode = int16_t(ErrorCode::ClusterAuthorizationFailed);
        resp.errorMessage = "ops only";
        return resp;
    };
    const Result<Reassignments> refused =
        await(session->listReassignments({{QStringLiteral("orders"), 0}}));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, 31);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("ops only")))
        << refused.error().message.toStdString();
    ASSERT_TRUE(listed);
}

TEST_F(ReplicaOperationsTest, ClosingTheSessionAnswersOperationsInFlight)
{
    two.hold(); // the controller takes its time
    QFuture<Result<PartitionOutcomes>> pending =
        session->electLeaders(ElectionType::Preferred, {{QStringLiteral("orders"), 0}});
    ASSERT_TRUE(waitUntil([&] { return two.count(ApiKey::ElectLeaders) == 1; }));
    EXPECT_FALSE(pending.isFinished());
    session->close();
    const Result<PartitionOutcomes> r = await(pending);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, LocalError::Destroyed);
    EXPECT_FALSE(r.error().message.isEmpty());
    EXPECT_TRUE(session->waitForClosed(std::chrono::seconds(10)));
    two.release(); // the late answer finds nobody waiting
}

TEST(WireClientCancel, ACancelledCallNeverCallsBack)
{
    ScriptedBroker broker{1};
    ASSERT_TRUE(broker.listen());
    broker.serve<MetadataRequest>({1, 6}, [&](const MetadataRequest &, int16_t) {
        MetadataResponse md;
        md.brokers.push_back({1, "127.0.0.1", broker.port(), std::nullopt});
        md.controllerId = 1;
        return md;
    });
    auto security = WireSecurityBuilder::make(plainProfile(broker.address()), {});
    ASSERT_TRUE(security.ok());
    WireClient wire(broker.address(), std::make_shared<const WireSecurity>(*security));
    broker.hold();
    bool cancelledCalledBack = false;
    const WireClient::CallId id =
        wire.send(WireTarget::any(), MetadataRequest{},
                  [&](Result<MetadataResponse>) { cancelledCalledBack = true; });
    ASSERT_TRUE(waitUntil([&] { return broker.count(ApiKey::Metadata) == 1; }));
    wire.cancel(id);
    broker.release();
    // Answers on a connection come in order: once the second is in, the first was handled.
    bool secondAnswered = false;
    wire.send(WireTarget::any(), MetadataRequest{}, [&](Result<MetadataResponse> r) {
        EXPECT_TRUE(r.ok());
        secondAnswered = true;
    });
    ASSERT_TRUE(waitUntil([&] { return secondAnswered; }));
    EXPECT_FALSE(cancelledCalledBack);
    EXPECT_EQ(broker.count(ApiKey::Metadata), 2);
}
