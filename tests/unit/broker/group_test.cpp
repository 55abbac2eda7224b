// The classic group state machine on its own (groups/group.h): time is passed in, answers come
// back through callbacks, storage is a fake host.
#include "groups/group.h"

#include <gtest/gtest.h>

using namespace kastle;
using namespace kastle::broker;
using protocol::ErrorCode;

namespace {

class FakeHost : public GroupHost
{
public:
    std::string newMemberId(std::string_view prefix) override
    {
        return std::string(prefix) + "-" + std::to_string(++m_next);
    }
    ErrorCode storeGroup(const Group &group) override
    {
        ++stores;
        last = group.record();
        if (!failNextStore)
            return ErrorCode::None;
        failNextStore = false;
        return ErrorCode::NotCoordinator;
    }
    int stores = 0;
    bool failNextStore = false;
    GroupMetadataValue last;

private:
    int m_next = 0;
};

struct Answer
{
    bool answered = false;
    JoinResult result;
};

class GroupTest : public ::testing::Test
{
protected:
    GroupTest() { m_config.initialRebalanceDelayMs = 0; }

    JoinRequestData request(const std::string &memberId,
                            std::vector<std::string> protocols = {"range"},
                            std::optional<std::string> instance = std::nullopt)
    {
        JoinRequestData r;
        r.memberId = memberId;
        r.groupInstanceId = std::move(instance);
        r.clientId = "client";
        r.clientHost = "/127.0.0.1";
        r.sessionTimeoutMs = 1000;
        r.rebalanceTimeoutMs = 5000;
        r.protocolType = "consumer";
        for (const auto &p : protocols)
            r.protocols.push_back({p, protocol::Bytes{uint8_t(p.size())}});
        return r;
    }

    std::shared_ptr<Answer> join(JoinRequestData r)
    {
        auto a = std::make_shared<Answer>();
        m_group.join(std::move(r), m_now, m_now, [a](const JoinResult &res) {
            a->answered = true;
            a->result = res;
        });
        return a;
    }

    SyncResult sync(const std::string &memberId, int32_t generation,
                    std::vector<std::pair<std::string, protocol::Bytes>> assignments = {})
    {
        SyncResult out{ErrorCode::UnknownServerError, {}};
        m_group.sync(memberId, std::nullopt, generation, std::move(assignments), m_now, m_now,
                     [&out](const SyncResult &r) { out = r; });
        return out;
    }

    void advance(int64_t ms)
    {
        m_now += ms;
        if (m_group.nextDeadline() <= m_now)
            m_group.onDeadline(m_now, m_now);
    }

    GroupConfig m_config;
    FakeHost m_host;
    Group m_group{"g", m_config, m_host};
    int64_t m_now = 1000;
};

} // namespace

TEST_F(GroupTest, SingleMemberFormsAGenerationAndIsStableAfterSync)
{
    auto a = join(request(""));
    ASSERT_TRUE(a->answered);
    EXPECT_EQ(a->result.error, ErrorCode::None);
    EXPECT_EQ(a->result.generation, 1);
    EXPECT_EQ(a->result.leader, a->result.memberId);
    EXPECT_EQ(m_group.state(), GroupState::CompletingRebalance);
    const auto s = sync(a->result.memberId, 1, {{a->result.memberId, {1, 2}}});
    EXPECT_EQ(s.error, ErrorCode::None);
    EXPECT_EQ(s.assignment, (protocol::Bytes{1, 2}));
    EXPECT_EQ(m_group.state(), GroupState::Stable);
    EXPECT_EQ(m_host.stores, 1);
    ASSERT_EQ(m_host.last.members.size(), 1u);
    EXPECT_EQ(m_host.last.members[0].assignment, (protocol::Bytes{1, 2}));
    EXPECT_EQ(m_host.last.protocol, "range");
}

TEST_F(GroupTest, MemberIdRequiredThenTheIdJoins)
{
    auto r = request("");
    r.requireKnownMemberId = true;
    auto a = join(r);
    ASSERT_TRUE(a->answered);
    EXPECT_EQ(a->result.error, ErrorCode::MemberIdRequired);
    EXPECT_EQ(m_group.memberCount(), 0u);
    EXPECT_TRUE(m_group.hasPendingMembers());
    auto b = join(request(a->result.memberId));
    ASSERT_TRUE(b->answered);
    EXPECT_EQ(b->result.error, ErrorCode::None);
    EXPECT_EQ(b->result.memberId, a->result.memberId);
    // An id handed out but never used expires with its session timeout.
    auto c = join(r);
    EXPECT_EQ(c->result.error, ErrorCode::MemberIdRequired);
    EXPECT_TRUE(m_group.hasPendingMembers());
    advance(1001);
    EXPECT_FALSE(m_group.hasPendingMembers());
}

TEST_F(GroupTest, RebalanceWaitsForKnownMembersAndDropsThoseWhoDoNotRejoin)
{
    auto a = join(request(""));
    const std::string idA = a->result.memberId;
    sync(idA, 1, {{idA, {1}}});
    auto b = join(request(""));
    EXPECT_FALSE(b->answered) << "waits for the known member to rejoin";
    EXPECT_EQ(m_group.state(), GroupState::PreparingRebalance);
    EXPECT_EQ(m_group.heartbeat(idA, std::nullopt, 1, m_now), ErrorCode::RebalanceInProgress);
    // A rejoins: generation 2 with both; only the leader gets the member list.
    auto a2 = join(request(idA));
    ASSERT_TRUE(a2->answered && b->answered);
    EXPECT_EQ(a2->result.generation, 2);
    EXPECT_EQ(a2->result.members.size(), 2u);
    EXPECT_TRUE(b->result.members.empty());
    // The follower's sync waits for the leader's.
    SyncResult followerSync{ErrorCode::UnknownServerError, {}};
    bool followerAnswered = false;
    m_group.sync(b->result.memberId, std::nullopt, 2, {}, m_now, m_now, [&](const SyncResult &r) {
        followerSync = r;
        followerAnswered = true;
    });
    EXPECT_FALSE(followerAnswered);
    sync(idA, 2, {{idA, {1}}, {b->result.memberId, {2}}});
    ASSERT_TRUE(followerAnswered);
    EXPECT_EQ(followerSync.assignment, protocol::Bytes{2});

    // B stops heartbeating: after its session it is removed and A must rejoin; if A does not
    // rejoin within the rebalance timeout, it is dropped too and the group is Empty.
    for (int i = 0; i < 11; ++i) {
        advance(100);
        m_group.heartbeat(idA, std::nullopt, 2, m_now);
    }
    EXPECT_EQ(m_group.state(), GroupState::PreparingRebalance);
    EXPECT_EQ(m_group.memberCount(), 1u);
    advance(5000);
    EXPECT_EQ(m_group.state(), GroupState::Empty);
    EXPECT_EQ(m_group.memberCount(), 0u);
    EXPECT_EQ(m_group.generation(), 3);
}

TEST_F(GroupTest, InitialRebalanceDelayWaitsForMoreMembers)
{
    m_config.initialRebalanceDelayMs = 300;
    auto a = join(request(""));
    EXPECT_FALSE(a->answered);
    advance(200);
    auto b = join(request(""));
    advance(150); // the first delay ran out, but B extended it
    EXPECT_FALSE(a->answered);
    advance(300);
    ASSERT_TRUE(a->answered && b->answered);
    EXPECT_EQ(a->result.generation, 1);
    EXPECT_EQ(a->result.members.size() + b->result.members.size(), 2u);
}

TEST_F(GroupTest, ProtocolSelectionAndInconsistentProtocols)
{
    auto a = join(request("", {"range", "roundrobin"}));
    auto b = join(request("", {"roundrobin", "range"}));
    auto a2 = join(request(a->result.memberId, {"range", "roundrobin"}));
    ASSERT_TRUE(b->answered && a2->answered);
    EXPECT_EQ(b->result.protocolName, "range") << "a tie goes to the first member's preference";
    auto c = join(request("", {"sticky"}));
    EXPECT_EQ(c->result.error, ErrorCode::InconsistentGroupProtocol);
    auto wrongType = request("");
    wrongType.protocolType = "connect";
    EXPECT_EQ(join(wrongType)->result.error, ErrorCode::InconsistentGroupProtocol);
    EXPECT_EQ(m_group.memberCount(), 2u);
}

TEST_F(GroupTest, StaticMemberReplacesItsOldIdentity)
{
    auto a = join(request("", {"range"}, "i1"));
    const std::string old = a->result.memberId;
    sync(old, 1, {{old, {5}}});
    auto again = join(request("", {"range"}, "i1"));
    ASSERT_TRUE(again->answered);
    EXPECT_NE(again->result.memberId, old);
    EXPECT_EQ(again->result.generation, 1) << "no rebalance for a returning static member";
    EXPECT_EQ(m_group.state(), GroupState::Stable);
    EXPECT_EQ(m_group.heartbeat(old, std::string("i1"), 1, m_now), ErrorCode::FencedInstanceId);
    EXPECT_EQ(m_group.heartbeat(again->result.memberId, std::string("i1"), 1, m_now),
              ErrorCode::None);
    EXPECT_EQ(m_group.member(again->result.memberId)->assignment, protocol::Bytes{5});
    EXPECT_EQ(m_group.leave("", std::string("i1"), m_now, m_now), ErrorCode::None);
    EXPECT_EQ(m_group.state(), GroupState::Empty);
}

TEST_F(GroupTest, CommitRules)
{
    EXPECT_EQ(m_group.checkCommit("", std::nullopt, -1, m_now), ErrorCode::None)
        << "an empty group takes commits from assign() consumers";
    auto a = join(request(""));
    const std::string id = a->result.memberId;
    EXPECT_EQ(m_group.checkCommit(id, std::nullopt, 1, m_now), ErrorCode::RebalanceInProgress);
    sync(id, 1, {{id, {}}});
    EXPECT_EQ(m_group.checkCommit(id, std::nullopt, 1, m_now), ErrorCode::None);
    EXPECT_EQ(m_group.checkCommit(id, std::nullopt, 0, m_now), ErrorCode::IllegalGeneration);
    EXPECT_EQ(m_group.checkCommit("x", std::nullopt, 1, m_now), ErrorCode::UnknownMemberId);
    EXPECT_EQ(m_group.checkCommit("", std::nullopt, -1, m_now), ErrorCode::UnknownMemberId);
}

TEST_F(GroupTest, FailedStoreAnswersTheErrorAndRebalances)
{
    auto a = join(request(""));
    m_host.failNextStore = true;
    const auto s = sync(a->result.memberId, 1, {{a->result.memberId, {1}}});
    EXPECT_EQ(s.error, ErrorCode::NotCoordinator);
    EXPECT_EQ(m_group.state(), GroupState::PreparingRebalance);
    auto again = join(request(a->result.memberId));
    ASSERT_TRUE(again->answered);
    EXPECT_EQ(again->result.generation, 2);
}

TEST_F(GroupTest, RecordRoundTripRestoresMembersStable)
{
    auto a = join(request("", {"range"}, "i1"));
    sync(a->result.memberId, 1, {{a->result.memberId, {3}}});
    Group restored("g", m_config, m_host);
    restored.restore(m_group.record(), m_now);
    EXPECT_EQ(restored.state(), GroupState::Stable);
    EXPECT_EQ(restored.generation(), 1);
    EXPECT_EQ(restored.protocolName(), "range");
    ASSERT_EQ(restored.memberCount(), 1u);
    const GroupMember *m = restored.member(a->result.memberId);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->assignment, protocol::Bytes{3});
    EXPECT_EQ(m->groupInstanceId, "i1");
    EXPECT_EQ(restored.heartbeat(a->result.memberId, std::string("i1"), 1, m_now), ErrorCode::None);
}

TEST_F(GroupTest, OffsetExpiry)
{
    const int64_t hour = 3600000;
    CommittedOffset explicitExpiry{5, -1, "", 1000, 5000};
    CommittedOffset plain{5, -1, "", 1000, -1};
    // A group of assign() consumers (no protocol): retention counts from the commit.
    EXPECT_TRUE(m_group.isExpired(explicitExpiry, 5000, hour));
    EXPECT_FALSE(m_group.isExpired(explicitExpiry, 4999, hour));
    EXPECT_FALSE(m_group.isExpired(plain, 1000 + hour - 1, hour));
    EXPECT_TRUE(m_group.isExpired(plain, 1000 + hour, hour));

    // A consumer group: never while it has members; once Empty, retention counts from then.
    auto a = join(request(""));
    sync(a->result.memberId, 1, {{a->result.memberId, {}}});
    EXPECT_FALSE(m_group.isExpired(plain, 1000 + 10 * hour, hour));
    m_now = 50000;
    ASSERT_EQ(m_group.leave(a->result.memberId, std::nullopt, m_now, m_now), ErrorCode::None);
    ASSERT_EQ(m_group.state(), GroupState::Empty);
    EXPECT_EQ(m_group.stateTimestamp(), 50000);
    EXPECT_FALSE(m_group.isExpired(plain, 50000 + hour - 1, hour));
    EXPECT_TRUE(m_group.isExpired(plain, 50000 + hour, hour));
}
