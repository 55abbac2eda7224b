// For every described message, both directions, every version in its range: a fully populated
// instance (every field of that version set to a distinct non-default value) survives
// encode -> decode unchanged, re-encodes to the same bytes, and encodedSize agrees with the
// writer. One gtest case per (API, direction, version), registered from the API list.
#include "apiregistry.h"
#include "messages/all.h"
#include "messagetesting.h"

#include <gtest/gtest.h>

using namespace kastle::protocol;

namespace {

template<class M>
void roundTrip(int16_t version)
{
    M original{};
    kastle::protocol::testing::Populator populator(version);
    populator.fillStruct(original);
    const Bytes bytes = encode(original, version);
    EXPECT_EQ(encodedSize(original, version), bytes.size());
    const M decoded = decode<M>(ByteView(bytes), version);
    EXPECT_TRUE(decoded == original);
    EXPECT_EQ(encode(decoded, version), bytes);
    // The populated instance differs from the default in every field the version carries, so
    // unless the version carries no field at all its encoding must differ from the default's.
    if (populator.filled() > 0)
        EXPECT_NE(encode(M{}, version), bytes);
    else
        EXPECT_TRUE(original == M{});
}

template<class M>
class RoundTripTest : public ::testing::Test
{
public:
    explicit RoundTripTest(int16_t version)
        : m_version(version)
    {}
    void TestBody() override { roundTrip<M>(m_version); }

private:
    int16_t m_version;
};

template<class M>
void registerFor(std::string_view api, std::string_view direction)
{
    for (int16_t v = M::versions.lo; v <= M::versions.hi; ++v) {
        const std::string name =
            std::string(api) + std::string(direction) + "_v" + std::to_string(v);
        ::testing::RegisterTest("MessageRoundTrip", name.c_str(), nullptr, nullptr, __FILE__,
                                __LINE__,
                                [v]() -> ::testing::Test * { return new RoundTripTest<M>(v); });
    }
}

const bool registered = [] {
    forEachApi([](auto api) {
        using A = decltype(api);
        const std::string_view name = apiName(A::apiKey);
        registerFor<typename A::Request>(name, "Request");
        registerFor<typename A::Response>(name, "Response");
    });
    return true;
}();

} // namespace

TEST(ApiRegistry, ListsEveryApiOnceInKeyOrder)
{
    const auto apis = allApis();
    ASSERT_EQ(apis.size(), kApiCount);
    EXPECT_EQ(apis.size(), 31u);
    for (size_t i = 1; i < apis.size(); ++i)
        EXPECT_LT(apis[i - 1].key, apis[i].key);
    for (const auto &a : apis) {
        EXPECT_EQ(findApi(static_cast<int16_t>(a.key)), &a);
        EXPECT_EQ(a.name, apiName(a.key));
    }
    EXPECT_EQ(findApi(23), nullptr); // OffsetForLeaderEpoch: not described
    EXPECT_EQ(findApi(-1), nullptr);
    EXPECT_EQ(findApi(1000), nullptr);
}

TEST(ApiRegistry, RangesAndHeaderVersions)
{
    struct Expect
    {
        ApiKey key;
        int16_t lo, hi, flexibleFrom;
    };
    // The ranges the brief fixes (CLIENTS.md); flexibleFrom as in the schema facts.
    const Expect expected[] = {
        {ApiKey::Produce, 0, 7, 9},
        {ApiKey::Fetch, 0, 11, 12},
        {ApiKey::ListOffsets, 0, 3, 6},
        {ApiKey::Metadata, 0, 6, 9},
        {ApiKey::OffsetCommit, 0, 7, 8},
        {ApiKey::OffsetFetch, 0, 7, 6},
        {ApiKey::FindCoordinator, 0, 2, 3},
        {ApiKey::JoinGroup, 0, 5, 6},
        {ApiKey::Heartbeat, 0, 3, 4},
        {ApiKey::LeaveGroup, 0, 3, 4},
        {ApiKey::SyncGroup, 0, 3, 4},
        {ApiKey::DescribeGroups, 0, 4, 5},
        {ApiKey::ListGroups, 0, 4, 3},
        {ApiKey::SaslHandshake, 0, 1, kMaxVersion},
        {ApiKey::ApiVersions, 0, 3, 3},
        {ApiKey::CreateTopics, 0, 4, 5},
        {ApiKey::DeleteTopics, 0, 3, 4},
        {ApiKey::DeleteRecords, 0, 1, 2},
        {ApiKey::InitProducerId, 0, 4, 2},
        {ApiKey::DescribeConfigs, 0, 2, 4},
        {ApiKey::AlterConfigs, 0, 1, 2},
        {ApiKey::DescribeLogDirs, 0, 2, 2},
        {ApiKey::SaslAuthenticate, 0, 2, 2},
        {ApiKey::CreatePartitions, 0, 1, 2},
        {ApiKey::DeleteGroups, 0, 1, 2},
        {ApiKey::ElectLeaders, 0, 2, 2},
        {ApiKey::IncrementalAlterConfigs, 0, 1, 1},
        {ApiKey::AlterPartitionReassignments, 0, 0, 0},
        {ApiKey::ListPartitionReassignments, 0, 0, 0},
        {ApiKey::OffsetDelete, 0, 0, kMaxVersion},
        {ApiKey::DescribeCluster, 0, 0, 0},
    };
    for (const auto &e : expected) {
        const ApiInfo *info = findApi(static_cast<int16_t>(e.key));
        ASSERT_NE(info, nullptr) << apiName(e.key);
        EXPECT_EQ(info->versions, (Versions{e.lo, e.hi})) << info->name;
        EXPECT_EQ(info->flexibleFrom, e.flexibleFrom) << info->name;
    }
    const ApiInfo *offsetFetch = findApi(9);
    EXPECT_EQ(offsetFetch->requestHeaderVersion(5), 1);
    EXPECT_EQ(offsetFetch->requestHeaderVersion(6), 2);
    EXPECT_EQ(offsetFetch->responseHeaderVersion(5), 0);
    EXPECT_EQ(offsetFetch->responseHeaderVersion(7), 1);
    const ApiInfo *apiVersions = findApi(18);
    EXPECT_EQ(apiVersions->requestHeaderVersion(3), 2);
    EXPECT_EQ(apiVersions->responseHeaderVersion(3), 0);
}

TEST(ApiRegistry, VisitFindsTheTypeForAKey)
{
    std::string seen;
    EXPECT_TRUE(visitApi(1, [&](auto api) {
        seen = apiName(decltype(api)::Request::apiKey);
        EXPECT_TRUE((std::is_same_v<typename decltype(api)::Response, FetchResponse>));
    }));
    EXPECT_EQ(seen, "Fetch");
    EXPECT_FALSE(visitApi(99, [](auto) { FAIL(); }));
}
