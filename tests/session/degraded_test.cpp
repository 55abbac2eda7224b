// A cluster that is partly unreachable: with two scripted peers (kastle-broker runs one broker
// per process), the session stays usable through the broker that answers, says Degraded with
// the unreachable broker named, and returns to Connected when that broker is back.
#include "scriptedbroker.h"
#include "sessiontesting.h"

#include "messages/listgroups.h"
#include "messages/metadata.h"

using namespace kastle::core;
using namespace kastle::protocol;
using namespace kastle::testing;

TEST(SessionDegraded, AnUnreachableBrokerDegradesTheSessionUntilItIsBack)
{
    ScriptedBroker one{1};
    ScriptedBroker two{2};
    ASSERT_TRUE(one.listen() && two.listen());
    // The addresses the cluster advertises, also while broker 2 is away.
    const std::vector<std::pair<int32_t, quint16>> advertised = {{1, one.port()}, {2, two.port()}};
    for (ScriptedBroker *b : {&one, &two}) {
        b->serve<MetadataRequest>({1, 6}, [&](const MetadataRequest &, int16_t) {
            MetadataResponse md;
            for (const auto &[id, port] : advertised)
                md.brokers.push_back({id, "127.0.0.1", port, std::nullopt});
            md.clusterId = "scripted";
            md.controllerId = 1;
            return md;
        });
        b->serve<ListGroupsRequest>(
            {0, 4}, [](const ListGroupsRequest &, int16_t) { return ListGroupsResponse{}; });
    }
    const quint16 twoPort = two.port();
    ClusterSession session(plainProfile(one.address()), ProfileSecrets{}, fastOptions());
    session.open();
    ASSERT_TRUE(waitUntil([&] {
        auto s = session.snapshot();
        return s && s->brokers->brokers.size() == 2 &&
               session.status().state == SessionState::Connected && two.count(ApiKey::ListGroups);
    })) << session.status().reason.toStdString();

    two.stop();
    ASSERT_TRUE(waitUntil([&] { return session.status().state == SessionState::Degraded; }))
        << session.status().reason.toStdString();
    const SessionStatus degraded = session.status();
    EXPECT_TRUE(degraded.reason.contains(QStringLiteral("broker 2")))
        << degraded.reason.toStdString();
    EXPECT_TRUE(degraded.reason.contains(QString::number(twoPort)))
        << degraded.reason.toStdString();
    // Metadata still flows through broker 1, and the published snapshots say Degraded too.
    const int metadataBefore = one.count(ApiKey::Metadata);
    EXPECT_TRUE(waitUntil([&] { return one.count(ApiKey::Metadata) > metadataBefore; }));
    EXPECT_TRUE(snapshotWhere(session, [](const ClusterSnapshot &s) {
        return s.status.state == SessionState::Degraded && s.brokers->brokers.size() == 2;
    }));

    ASSERT_TRUE(two.listen(twoPort));
    EXPECT_TRUE(waitUntil([&] { return session.status().state == SessionState::Connected; }))
        << session.status().reason.toStdString();
    session.close();
    EXPECT_TRUE(session.waitForClosed(std::chrono::seconds(10)));
}
