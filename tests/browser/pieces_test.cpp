// The browser's pure parts: compact store, virtual model with its window cap (checked by
// QAbstractItemModelTester), JSON path parsing and evaluation, placeholders.
#include "browser/messagefilter.h"
#include "browser/messagestore.h"
#include "browser/placeholders.h"
#include "models/messagemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace kastle::core;

namespace {

RawMessage numbered(int i)
{
    RawMessage m;
    m.partition = i % 3;
    m.offset = i;
    m.timestamp = 1000 + i;
    m.timestampType = TimestampType::CreateTime;
    m.key = QByteArray::number(i);
    m.value = QByteArray(100, 'a' + static_cast<char>(i % 26));
    if (i % 2)
        m.headers.append({"h", QByteArray::number(i)});
    return m;
}

MessageStore batch(int from, int count)
{
    MessageStore s;
    for (int i = from; i < from + count; ++i)
        s.append(numbered(i));
    return s;
}

} // namespace

TEST(MessageStore, KeepsBytesAcrossSpliceAndDrop)
{
    MessageStore store = batch(0, 5000);
    store.splice(batch(5000, 3));
    ASSERT_EQ(store.size(), 5003u);
    for (int i : {0, 4999, 5000, 5002})
        EXPECT_EQ(store.message(static_cast<size_t>(i)), numbered(i));
    const size_t before = store.chunkBytes();
    store.dropFront(4000);
    EXPECT_EQ(store.size(), 1003u);
    EXPECT_EQ(store.message(0), numbered(4000));
    EXPECT_LT(store.chunkBytes(), before) << "dropped messages free their chunks";
    RawMessage nulls;
    nulls.headers.append({"n", std::nullopt});
    store.append(nulls);
    EXPECT_EQ(store.message(store.size() - 1), nulls);
}

TEST(MessageModel, VirtualRowsWindowCapAndNewestFirst)
{
    MessageModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy notices(&model, &MessageModel::windowNotice);
    model.setCap(100);
    model.append(batch(0, 60));
    EXPECT_EQ(model.rowCount(), 60);
    EXPECT_TRUE(notices.isEmpty());
    model.append(batch(60, 60));
    EXPECT_EQ(model.rowCount(), 100);
    EXPECT_EQ(model.dropped(), 20);
    ASSERT_EQ(notices.size(), 1);
    EXPECT_TRUE(notices.last().at(0).toString().contains(QStringLiteral("100 of 120")))
        << notices.last().at(0).toString().toStdString();
    EXPECT_EQ(model.index(0, MessageModel::Offset).data().toLongLong(), 20);
    EXPECT_EQ(model.index(0, MessageModel::Key).data().toString(), QStringLiteral("20"));
    EXPECT_EQ(model.index(0, MessageModel::Value).data(MessageModel::ValueRole).toByteArray(),
              QByteArray(100, 'u'));
    for (int row : {0, 1})
        EXPECT_EQ(model.index(row, 0).data(MessageModel::SizeRole).toLongLong(),
                  model.message(row).size())
            << "the table and the detail pane count the same bytes";
    model.setNewestFirst(true);
    EXPECT_EQ(model.index(0, MessageModel::Offset).data().toLongLong(), 119);
    EXPECT_EQ(model.message(0), numbered(119));
    model.append(batch(120, 5));
    EXPECT_EQ(model.index(0, MessageModel::Offset).data().toLongLong(), 124);
    EXPECT_EQ(model.index(99, MessageModel::Offset).data().toLongLong(), 25);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(model.windowText().isEmpty());
}

TEST(MessageModel, PreviewsTextBinaryAndNull)
{
    EXPECT_EQ(MessageModel::preview(std::nullopt), QStringLiteral("(null)"));
    EXPECT_TRUE(MessageModel::timestampText(1000, TimestampType::CreateTime)
                    .endsWith(QStringLiteral("(create)")));
    EXPECT_TRUE(MessageModel::timestampText(1000, TimestampType::LogAppendTime)
                    .endsWith(QStringLiteral("(log append)")));
    EXPECT_EQ(MessageModel::timestampText(-1, TimestampType::NotAvailable),
              QStringLiteral("(none)"));
    EXPECT_EQ(MessageModel::preview(std::string_view("a\nb")), QStringLiteral("a b"));
    EXPECT_TRUE(MessageModel::preview(std::string_view("\xff\x00\x01", 3))
                    .startsWith(QStringLiteral("0x ff 00 01")));
    const std::string longText(500, 'x');
    const QString p = MessageModel::preview(longText);
    EXPECT_EQ(p.size(), MessageModel::PreviewBytes + 1);
}

TEST(MessageFilter, JsonPathParsingAndErrors)
{
    EXPECT_FALSE(MessageFilter::parseJsonPath(QStringLiteral("user.id")));
    EXPECT_FALSE(MessageFilter::parseJsonPath(QStringLiteral("$.a ==")));
    EXPECT_FALSE(MessageFilter::parseJsonPath(QStringLiteral("$.a[ == 1")));
    EXPECT_FALSE(MessageFilter::parseJsonPath(QStringLiteral("$.a =~ 5")));
    Result<JsonCondition> c =
        MessageFilter::parseJsonPath(QStringLiteral("$.items[*].sku == 'X-1'"));
    ASSERT_TRUE(c);
    auto holds = [&](const char *json) { return c->holds(QJsonDocument::fromJson(json).object()); };
    EXPECT_TRUE(holds(R"({"items":[{"sku":"A"},{"sku":"X-1"}]})"));
    EXPECT_FALSE(holds(R"({"items":[{"sku":"A"}]})"));
    Result<JsonCondition> idx = MessageFilter::parseJsonPath(QStringLiteral("$[\"a b\"][1] < 3"));
    ASSERT_TRUE(idx);
    EXPECT_TRUE(idx->holds(QJsonDocument::fromJson(R"({"a b":[9,2]})").object()));
    EXPECT_FALSE(idx->holds(QJsonDocument::fromJson(R"({"a b":[9,4]})").object()));
}

TEST(MessageFilter, JsonPathOnBytesIncludingEscapedNames)
{
    FilterSpec spec;
    spec.kind = FilterSpec::Kind::JsonPath;
    spec.text = QStringLiteral("$.user.id == 42");
    Result<MessageFilter> f = MessageFilter::compile(spec);
    ASSERT_TRUE(f);
    auto value = [](std::string_view v) {
        MessageRef r;
        r.value = v;
        return r;
    };
    EXPECT_TRUE(f->matches(value(R"({"user":{"id":42}})")));
    EXPECT_TRUE(f->matches(value(R"({"user":{"\u0069d":42}})"))) << "escaped member names count";
    EXPECT_FALSE(f->matches(value(R"({"user":{"id":"42"}})")));
    EXPECT_FALSE(f->matches(value("not json")));
    EXPECT_FALSE(f->matches(MessageRef{}));
}

TEST(Placeholders, Expand)
{
    QRandomGenerator random(7);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);
    EXPECT_EQ(
        Placeholders::expand(QStringLiteral("#{{seq}} at {{now}} ({{now.ms}})"), 4, now, random),
        QStringLiteral("#4 at 2023-11-14T22:13:20.123Z (1700000000123)"));
    const QString uuid = Placeholders::expand(QStringLiteral("{{uuid}}"), 1, now, random);
    EXPECT_TRUE(
        QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                                          "[0-9a-f]{12}$"))
            .match(uuid)
            .hasMatch())
        << uuid.toStdString();
    for (int i = 0; i < 200; ++i) {
        const int n =
            Placeholders::expand(QStringLiteral("{{random.int(1,3)}}"), 1, now, random).toInt();
        EXPECT_GE(n, 1);
        EXPECT_LE(n, 3);
    }
    EXPECT_EQ(Placeholders::expand(QStringLiteral("{{nope}} {{ seq }}"), 2, now, random),
              QStringLiteral("{{nope}} 2"));
    EXPECT_EQ(Placeholders::unknown(QStringLiteral("{{nope}} {{seq}} {{random.int(1)}}")),
              (QStringList{QStringLiteral("nope"), QStringLiteral("random.int(1)")}));
}
