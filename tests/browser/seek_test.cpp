// Seek modes, stop modes, tail and filters against a real kastle-broker with known data:
// topic "known" has 2 partitions of 20 messages each; message i of partition p has key
// "k-p-i", value {"user":{"id":i},"p":p,"name":"User i"}, timestamp Base + i*1000, a header
// trace=t<i> when i % 3 == 0 and kind=Alpha when i % 5 == 0.
#include "browsertesting.h"

#include "rdkafkaclient.h"

#include <QSignalSpy>

#include <set>

using namespace kastle::core;
using namespace kastle::testing;

namespace {

constexpr int64_t Base = 1'700'000'000'000;
constexpr int PerPartition = 20;

RawMessage knownMessage(int32_t p, int i)
{
    RawMessage m;
    m.partition = p;
    m.timestamp = Base + i * 1000;
    m.key = QStringLiteral("k-%1-%2").arg(p).arg(i).toUtf8();
    m.value = QStringLiteral("{\"user\":{\"id\":%1},\"p\":%2,\"name\":\"User %1\"}")
                  .arg(i)
                  .arg(p)
                  .toUtf8();
    if (i % 3 == 0)
        m.headers.append({"trace", QStringLiteral("t%1").arg(i).toUtf8()});
    if (i % 5 == 0)
        m.headers.append({"kind", QByteArray("Alpha")});
    return m;
}

const QString &knownTopic()
{
    static const QString name = QStringLiteral("known");
    static bool made = false;
    if (!made) {
        made = true;
        createTopic(name.toStdString(), 2);
        std::vector<RawMessage> all;
        for (int p = 0; p < 2; ++p)
            for (int i = 0; i < PerPartition; ++i)
                all.push_back(knownMessage(p, i));
        EXPECT_TRUE(produceRaw(name.toStdString(), all));
    }
    return name;
}

BrowseRequest request()
{
    BrowseRequest r;
    r.topic = knownTopic();
    return r;
}

// Expected (partition, offset) pairs: offsets [from, to) of each listed partition.
std::set<std::pair<int32_t, int64_t>> expected(std::initializer_list<int32_t> partitions,
                                               int64_t from, int64_t to)
{
    std::set<std::pair<int32_t, int64_t>> out;
    for (int32_t p : partitions)
        for (int64_t o = from; o < to; ++o)
            out.insert({p, o});
    return out;
}

std::set<std::pair<int32_t, int64_t>> asSet(const ScanResult &r)
{
    const auto v = positions(r);
    return {v.begin(), v.end()};
}

} // namespace

TEST(BrowserSeek, EarliestReadsEverythingInOffsetOrder)
{
    const ScanResult r = scan(request());
    ASSERT_EQ(r.outcome.reason, BrowseOutcome::Reason::End)
        << r.outcome.error.message.toStdString();
    EXPECT_EQ(asSet(r), expected({0, 1}, 0, PerPartition));
    EXPECT_EQ(r.messages.size(), 2u * PerPartition);
    EXPECT_EQ(r.outcome.progress.scanned, 40);
    EXPECT_EQ(r.outcome.progress.total, 40);
    EXPECT_EQ(r.outcome.progress.matched, 40);
    // Within a partition, reading order is offset order; content is what was produced.
    int64_t last[2] = {-1, -1};
    for (const RawMessage &m : r.messages) {
        EXPECT_GT(m.offset, last[m.partition]);
        last[m.partition] = m.offset;
        RawMessage want = knownMessage(m.partition, static_cast<int>(m.offset));
        want.offset = m.offset;
        want.timestampType = TimestampType::CreateTime;
        EXPECT_EQ(m, want) << "partition " << m.partition << " offset " << m.offset;
    }
}

TEST(BrowserSeek, LatestMinusN)
{
    BrowseRequest r = request();
    r.start = BrowseRequest::Start::LatestMinusN;
    r.startValue = 5;
    const ScanResult s = scan(r);
    EXPECT_EQ(asSet(s), expected({0, 1}, 15, 20));
    EXPECT_EQ(s.outcome.progress.total, 10);
    // More than the partition holds: from the start.
    r.startValue = 500;
    EXPECT_EQ(asSet(scan(r)), expected({0, 1}, 0, 20));
}

TEST(BrowserSeek, OffsetOnChosenPartition)
{
    BrowseRequest r = request();
    r.partitions = {1};
    r.start = BrowseRequest::Start::Offset;
    r.startValue = 7;
    const ScanResult s = scan(r);
    EXPECT_EQ(asSet(s), expected({1}, 7, 20));
    ASSERT_EQ(s.outcome.ranges.size(), 1);
    EXPECT_EQ(s.outcome.ranges[0].start, 7);
    EXPECT_EQ(s.outcome.ranges[0].end, 20);
}

TEST(BrowserSeek, UnknownPartitionIsAnError)
{
    BrowseRequest r = request();
    r.partitions = {5};
    const ScanResult s = scan(r);
    EXPECT_EQ(s.outcome.reason, BrowseOutcome::Reason::Failed);
    EXPECT_TRUE(s.outcome.error.message.contains(QStringLiteral("no partition 5")))
        << s.outcome.error.message.toStdString();
}

TEST(BrowserSeek, Timestamp)
{
    BrowseRequest r = request();
    r.start = BrowseRequest::Start::Timestamp;
    r.startValue = Base + 12'000;
    EXPECT_EQ(asSet(scan(r)), expected({0, 1}, 12, 20));
    // Between two records: the first one at or after the time.
    r.startValue = Base + 12'500;
    EXPECT_EQ(asSet(scan(r)), expected({0, 1}, 13, 20));
    // After the last record: nothing to read, and that is the end, not a failure.
    r.startValue = Base + 100'000;
    const ScanResult none = scan(r);
    EXPECT_EQ(none.outcome.reason, BrowseOutcome::Reason::End);
    EXPECT_TRUE(none.messages.empty());
}

TEST(BrowserSeek, GroupCommittedPositionWithoutJoining)
{
    BrowseRequest r = request(); // creates the topic before anything is committed to it
    // Commit offsets 4 (partition 0) for group "browse-g" without joining it.
    Consumer committer(brokerBootstrap(), {{"group.id", "browse-g"}});
    rd_kafka_topic_partition_list_t *offsets = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(offsets, "known", 0)->offset = 4;
    ASSERT_EQ(rd_kafka_commit(committer.handle(), offsets, 0), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_topic_partition_list_destroy(offsets);

    r.start = BrowseRequest::Start::GroupCommitted;
    r.group = QStringLiteral("browse-g");
    const ScanResult s = scan(r);
    ASSERT_EQ(s.outcome.reason, BrowseOutcome::Reason::End)
        << s.outcome.error.message.toStdString();
    auto want = expected({0}, 4, 20);
    const auto p1 = expected({1}, 0, 20); // no committed offset: from the earliest, and said so
    want.insert(p1.begin(), p1.end());
    EXPECT_EQ(asSet(s), want);
    EXPECT_TRUE(s.outcome.notice.contains(QStringLiteral("partition(s) 1")))
        << s.outcome.notice.toStdString();
}

TEST(BrowserStop, AfterCount)
{
    BrowseRequest r = request();
    r.partitions = {0};
    r.stop = BrowseRequest::Stop::Count;
    r.stopCount = 3;
    const ScanResult s = scan(r);
    EXPECT_EQ(s.outcome.reason, BrowseOutcome::Reason::Limit);
    EXPECT_EQ(positions(s), (std::vector<std::pair<int32_t, int64_t>>{{0, 0}, {0, 1}, {0, 2}}));
}

TEST(BrowserStop, AtTimestamp)
{
    BrowseRequest r = request();
    r.stop = BrowseRequest::Stop::Timestamp;
    r.stopTimestamp = Base + 5'000; // records at or after it are not read
    const ScanResult s = scan(r);
    EXPECT_EQ(s.outcome.reason, BrowseOutcome::Reason::End);
    EXPECT_EQ(asSet(s), expected({0, 1}, 0, 5));
}

TEST(BrowserStop, TailShowsNewMessagesUntilCancelled)
{
    createTopic("tailing", 1);
    ASSERT_TRUE(produceRaw("tailing", {knownMessage(0, 0), knownMessage(0, 1)}));
    MessageBrowser browser;
    std::vector<RawMessage> seen;
    bool tailing = false;
    std::optional<BrowseOutcome> outcome;
    QObject::connect(&browser, &MessageBrowser::messages, &browser,
                     [&](quint64, std::shared_ptr<MessageStore> batch) {
                         for (size_t i = 0; i < batch->size(); ++i)
                             seen.push_back(batch->message(i));
                     });
    QObject::connect(&browser, &MessageBrowser::progress, &browser,
                     [&](quint64, const BrowseProgress &p) { tailing = tailing || p.tailing; });
    QObject::connect(&browser, &MessageBrowser::finished, &browser,
                     [&](quint64, const BrowseOutcome &o) { outcome = o; });
    BrowseRequest r;
    r.topic = QStringLiteral("tailing");
    r.start = BrowseRequest::Start::LatestMinusN;
    r.startValue = 1;
    r.stop = BrowseRequest::Stop::Tail;
    browser.start(brokerTarget(), r);
    ASSERT_TRUE(QTest::qWaitFor([&] { return tailing && seen.size() == 1; }, 20000));
    EXPECT_EQ(seen[0].offset, 1);
    ASSERT_TRUE(
        produceRaw("tailing", {knownMessage(0, 2), knownMessage(0, 3), knownMessage(0, 4)}));
    ASSERT_TRUE(QTest::qWaitFor([&] { return seen.size() == 4; }, 20000)) << seen.size();
    EXPECT_EQ(seen[3].offset, 4);
    EXPECT_EQ(*seen[3].key, QByteArray("k-0-4"));
    EXPECT_FALSE(outcome) << "a tail does not end by itself";
    browser.cancel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
    EXPECT_EQ(outcome->reason, BrowseOutcome::Reason::Cancelled);
    EXPECT_EQ(outcome->progress.scanned, 4);
}

// Each filter against the rule computed independently over the known data.
class BrowserFilter : public ::testing::Test
{
protected:
    std::set<std::pair<int32_t, int64_t>> run(FilterSpec::Kind kind, int targets,
                                              const QString &text, bool caseSensitive = true)
    {
        BrowseRequest r = request();
        r.filter.kind = kind;
        r.filter.targets = targets;
        r.filter.text = text;
        r.filter.caseSensitive = caseSensitive;
        const ScanResult s = scan(r);
        EXPECT_EQ(s.outcome.reason, BrowseOutcome::Reason::End)
            << s.outcome.error.message.toStdString();
        EXPECT_EQ(s.outcome.progress.scanned, 40) << "every record is scanned";
        EXPECT_EQ(s.outcome.progress.matched, static_cast<qint64>(s.messages.size()));
        return asSet(s);
    }
    std::set<std::pair<int32_t, int64_t>> where(const std::function<bool(int32_t, int)> &rule)
    {
        std::set<std::pair<int32_t, int64_t>> out;
        for (int32_t p = 0; p < 2; ++p)
            for (int i = 0; i < PerPartition; ++i)
                if (rule(p, i))
                    out.insert({p, i});
        return out;
    }
};

TEST_F(BrowserFilter, SubstringOnValue)
{
    // "User 1" is in User 1 and User 10..19.
    EXPECT_EQ(run(FilterSpec::Kind::Substring, FilterSpec::Value, QStringLiteral("User 1")),
              where([](int32_t, int i) { return i == 1 || i >= 10; }));
    EXPECT_EQ(run(FilterSpec::Kind::Substring, FilterSpec::Value, QStringLiteral("user 1")),
              where([](int32_t, int) { return false; }));
    EXPECT_EQ(run(FilterSpec::Kind::Substring, FilterSpec::Value, QStringLiteral("user 1"), false),
              where([](int32_t, int i) { return i == 1 || i >= 10; }));
}

TEST_F(BrowserFilter, RegexOnKey)
{
    EXPECT_EQ(run(FilterSpec::Kind::Regex, FilterSpec::Key, QStringLiteral("^k-1-[0-4]$")),
              where([](int32_t p, int i) { return p == 1 && i <= 4; }));
}

TEST_F(BrowserFilter, JsonPathOnValue)
{
    EXPECT_EQ(run(FilterSpec::Kind::JsonPath, FilterSpec::Value, QStringLiteral("$.user.id == 7")),
              where([](int32_t, int i) { return i == 7; }));
    EXPECT_EQ(
        run(FilterSpec::Kind::JsonPath, FilterSpec::Value, QStringLiteral("$.user.id >= 15 ")),
        where([](int32_t, int i) { return i >= 15; }));
    EXPECT_EQ(run(FilterSpec::Kind::JsonPath, FilterSpec::Value, QStringLiteral("$.p != 0")),
              where([](int32_t p, int) { return p != 0; }));
    EXPECT_EQ(run(FilterSpec::Kind::JsonPath, FilterSpec::Value,
                  QStringLiteral("$.name =~ '^User [12]$'")),
              where([](int32_t, int i) { return i == 1 || i == 2; }));
    EXPECT_EQ(run(FilterSpec::Kind::JsonPath, FilterSpec::Value, QStringLiteral("$.missing")),
              where([](int32_t, int) { return false; }));
}

TEST_F(BrowserFilter, Headers)
{
    EXPECT_EQ(run(FilterSpec::Kind::Substring, FilterSpec::Headers, QStringLiteral("Alpha")),
              where([](int32_t, int i) { return i % 5 == 0; }));
    EXPECT_EQ(
        run(FilterSpec::Kind::JsonPath, FilterSpec::Headers, QStringLiteral("$.trace == 't9'")),
        where([](int32_t, int i) { return i == 9; }));
    // Key or headers: either matching is enough.
    EXPECT_EQ(run(FilterSpec::Kind::Regex, FilterSpec::Key | FilterSpec::Headers,
                  QStringLiteral("^(k-0-1|t18)$")),
              where([](int32_t p, int i) { return (p == 0 && i == 1) || i == 18; }));
}

TEST_F(BrowserFilter, InvalidFilterIsReportedNotIgnored)
{
    BrowseRequest r = request();
    r.filter.kind = FilterSpec::Kind::JsonPath;
    r.filter.text = QStringLiteral("user.id == 4");
    const ScanResult s = scan(r);
    EXPECT_EQ(s.outcome.reason, BrowseOutcome::Reason::Failed);
    EXPECT_TRUE(s.messages.empty());
    EXPECT_FALSE(s.outcome.error.message.isEmpty());
}
