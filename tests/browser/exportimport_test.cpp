// Export to kcat-style JSON lines and CSV, import into a fresh topic, the producer read back by
// kcat, broker errors in words, and produce templates in a real SQLite file.
#include "browsertesting.h"

#include "browser/messageexport.h"
#include "browser/templatestore.h"
#include "processes.h"
#include "stores/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace kastle::core;
using namespace kastle::testing;

namespace {

// Messages that exercise every corner of the format: null and empty keys and values, binary
// bytes, JSON-special characters, headers with null values and repeated names, two partitions.
std::vector<RawMessage> awkwardMessages()
{
    std::vector<RawMessage> out;
    for (int i = 0; i < 12; ++i) {
        RawMessage m;
        m.partition = i % 2;
        m.timestamp = 1'600'000'000'000 + i * 7;
        switch (i % 6) {
        case 0:
            m.key = QByteArray("plain-") + QByteArray::number(i);
            m.value = QByteArray("{\"n\":") + QByteArray::number(i) + "}";
            break;
        case 1:
            m.value = QByteArray("tombstone key is null");
            break;
        case 2:
            m.key = QByteArray("");
            m.value = QByteArray("");
            break;
        case 3:
            m.key = QByteArray("\x00\xff\xfe binary", 10);
            m.value = QByteArray("\x89PNG\r\n\x1a\n\x00\x01", 10);
            break;
        case 4:
            m.key = QByteArray("quote\"back\\slash\ttab\nnewline");
            // A null value: a tombstone.
            break;
        case 5:
            m.key = QString::fromUtf8("ключ-ü-✓").toUtf8();
            m.value = QString::fromUtf8("значение \u0001 control").toUtf8();
            break;
        }
        if (i % 2 == 0)
            m.headers.append({"h1", QByteArray("v1")});
        if (i % 3 == 0)
            m.headers.append({"nullvalue", std::nullopt});
        if (i % 4 == 0) {
            m.headers.append({"dup", QByteArray("a")});
            m.headers.append({"dup", QByteArray("\xff\x00", 2)});
        }
        out.push_back(m);
    }
    return out;
}

std::vector<RawMessage> readAll(const QString &topic)
{
    BrowseRequest r;
    r.topic = topic;
    ScanResult s = scan(r);
    EXPECT_EQ(s.outcome.reason, BrowseOutcome::Reason::End)
        << s.outcome.error.message.toStdString();
    std::sort(s.messages.begin(), s.messages.end(), [](const RawMessage &a, const RawMessage &b) {
        return std::pair(a.partition, a.offset) < std::pair(b.partition, b.offset);
    });
    return s.messages;
}

} // namespace

TEST(BrowserExport, JsonLineMatchesKcatForTextMessages)
{
    createTopic("kcatshape", 1);
    RawMessage m;
    m.partition = 0;
    m.timestamp = 1'650'000'000'123;
    m.key = QByteArray("k1");
    m.value = QByteArray("v \"1\"");
    m.headers.append({"h1", QByteArray("x")});
    m.headers.append({"h2", QByteArray("")});
    ASSERT_TRUE(produceRaw("kcatshape", {m}));
    const RunResult kcat =
        runCommand({"kcat", "-b", brokerBootstrap(), "-C", "-t", "kcatshape", "-J", "-e", "-q"});
    ASSERT_EQ(kcat.exitCode, 0) << kcat.err;
    QJsonObject theirs =
        QJsonDocument::fromJson(QByteArray::fromStdString(kcat.out).trimmed()).object();
    theirs.remove(QStringLiteral("broker")); // which broker served it; not part of the message
    const std::vector<RawMessage> read = readAll(QStringLiteral("kcatshape"));
    ASSERT_EQ(read.size(), 1u);
    const QByteArray ours = MessageExport::jsonLine(QStringLiteral("kcatshape"), read[0]);
    EXPECT_EQ(QJsonDocument::fromJson(ours).object(), theirs)
        << ours.toStdString() << "\nkcat: " << kcat.out;
    // And kcat's own line imports to the same message.
    Result<RawMessage> parsed = MessageExport::parseJsonLine(QByteArray::fromStdString(kcat.out));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, read[0]);
}

TEST(BrowserExport, ExportThenImportIsByteExact)
{
    createTopic("awkward", 2);
    const std::vector<RawMessage> source = awkwardMessages();
    ASSERT_TRUE(produceRaw("awkward", source));
    const std::vector<RawMessage> original = readAll(QStringLiteral("awkward"));
    ASSERT_EQ(original.size(), source.size());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("awkward.jsonl"));
    BrowseRequest r;
    r.topic = QStringLiteral("awkward");
    r.exportPath = path;
    const ScanResult exported = scan(r);
    ASSERT_EQ(exported.outcome.reason, BrowseOutcome::Reason::End)
        << exported.outcome.error.message.toStdString();
    EXPECT_TRUE(exported.messages.empty()) << "an export does not fill the table";
    EXPECT_EQ(exported.outcome.progress.matched, static_cast<qint64>(source.size()));

    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    ASSERT_EQ(lines.size(), static_cast<qsizetype>(source.size()));
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        EXPECT_EQ(o.value(QStringLiteral("topic")).toString(), QStringLiteral("awkward"));
        EXPECT_EQ(o.value(QStringLiteral("tstype")).toString(), QStringLiteral("create"));
        EXPECT_TRUE(o.contains(QStringLiteral("payload")) && o.contains(QStringLiteral("key")));
    }

    createTopic("awkward-copy", 2);
    ImportRequest in;
    in.path = path;
    in.topic = QStringLiteral("awkward-copy");
    in.keepTimestamps = true;
    in.keepPartitions = true;
    const ProduceOutcome imported =
        runProducer([&](MessageProducer &p) { return p.importFile(brokerTarget(), in); });
    ASSERT_TRUE(imported.error.message.isEmpty()) << imported.error.message.toStdString();
    EXPECT_EQ(imported.progress.sent, static_cast<qint64>(source.size()));
    EXPECT_EQ(imported.progress.total, static_cast<qint64>(source.size()));

    const std::vector<RawMessage> copy = readAll(QStringLiteral("awkward-copy"));
    ASSERT_EQ(copy.size(), original.size());
    for (size_t i = 0; i < copy.size(); ++i)
        EXPECT_EQ(copy[i], original[i])
            << "message " << i << " differs: " << MessageExport::jsonLine({}, copy[i]).toStdString()
            << " vs " << MessageExport::jsonLine({}, original[i]).toStdString();
}

TEST(BrowserExport, CsvHasOneQuotedRowPerMessage)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("known.csv"));
    createTopic("csvtopic", 1);
    RawMessage m;
    m.partition = 0;
    m.timestamp = 1'650'000'000'000;
    m.key = QByteArray("a,b");
    m.value = QByteArray("say \"hi\"\nbye");
    ASSERT_TRUE(produceRaw("csvtopic", {m}));
    BrowseRequest r;
    r.topic = QStringLiteral("csvtopic");
    r.exportPath = path;
    r.exportFormat = ExportFormat::Csv;
    ASSERT_EQ(scan(r).outcome.reason, BrowseOutcome::Reason::End);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(),
              QByteArray("topic,partition,offset,timestamp,timestamp_type,key,value,headers\n"
                         "csvtopic,0,0,1650000000000,create,\"a,b\",\"say \"\"hi\"\"\nbye\",\n"));
}

TEST(BrowserProduce, MessageWithHeadersIsReadBackByKcat)
{
    createTopic("produced", 3);
    ProduceRequest req;
    req.topic = QStringLiteral("produced");
    req.key = QStringLiteral("order-{{seq}}");
    req.value = QStringLiteral("{\"n\":{{seq}},\"r\":{{random.int(5,5)}}}");
    req.headers = {{QStringLiteral("source"), QStringLiteral("kastle")},
                   {QStringLiteral("trace"), QStringLiteral("id-{{seq}}")}};
    req.partition = 2;
    req.compression = QStringLiteral("lz4");
    req.acks = QStringLiteral("all");
    req.repeat = 3;
    req.intervalMs = 20;
    const ProduceOutcome out =
        runProducer([&](MessageProducer &p) { return p.produce(brokerTarget(), req); });
    ASSERT_TRUE(out.error.message.isEmpty()) << out.error.message.toStdString();
    EXPECT_EQ(out.progress.sent, 3);
    EXPECT_EQ(out.lastPartition, 2);
    EXPECT_EQ(out.lastOffset, 2);

    const RunResult kcat = runCommand(
        {"kcat", "-b", brokerBootstrap(), "-C", "-t", "produced", "-p", "2", "-J", "-e", "-q"});
    ASSERT_EQ(kcat.exitCode, 0) << kcat.err;
    const QList<QByteArray> lines = QByteArray::fromStdString(kcat.out).trimmed().split('\n');
    ASSERT_EQ(lines.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject o = QJsonDocument::fromJson(lines[i]).object();
        EXPECT_EQ(o.value(QStringLiteral("key")).toString(), QStringLiteral("order-%1").arg(i + 1));
        EXPECT_EQ(o.value(QStringLiteral("payload")).toString(),
                  QStringLiteral("{\"n\":%1,\"r\":5}").arg(i + 1));
        EXPECT_EQ(o.value(QStringLiteral("headers")).toArray(),
                  (QJsonArray{QStringLiteral("source"), QStringLiteral("kastle"),
                              QStringLiteral("trace"), QStringLiteral("id-%1").arg(i + 1)}));
    }
}

TEST(BrowserProduce, BrokerRefusalIsASentence)
{
    ProduceRequest req;
    req.topic = QStringLiteral("produced-missing-partition");
    createTopic(req.topic.toStdString(), 1);
    req.value = QStringLiteral("x");
    req.partition = 7;
    const ProduceOutcome out =
        runProducer([&](MessageProducer &p) { return p.produce(brokerTarget(), req); });
    EXPECT_EQ(out.progress.sent, 0);
    EXPECT_FALSE(out.error.message.isEmpty());
    EXPECT_NE(out.error.code, 0);
}

TEST(BrowserTemplates, SavedInSqliteAndMigratedFromVersion2)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kastle.sqlite"));
    {
        // A database as version 2 left it: no produce_templates table.
        Database db;
        ASSERT_TRUE(db.open(path));
        QSqlQuery q(db.connection());
        ASSERT_TRUE(q.exec(QStringLiteral("DROP TABLE produce_templates")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 2")));
    }
    Database db;
    ASSERT_TRUE(db.open(path));
    TemplateStore store(db.connection());
    ProduceTemplate t;
    t.name = QStringLiteral("order");
    t.topic = QStringLiteral("orders");
    t.key = QStringLiteral("{{uuid}}");
    t.value = QStringLiteral("{\"at\":\"{{now}}\"}");
    t.headers = {{QStringLiteral("a"), QStringLiteral("1")}};
    t.partition = 3;
    t.compression = QStringLiteral("zstd");
    t.acks = QStringLiteral("1");
    t.repeat = 10;
    t.intervalMs = 250;
    ASSERT_TRUE(store.save(t));
    ProduceTemplate other = t;
    other.name = QStringLiteral("another");
    other.nullKey = true;
    ASSERT_TRUE(store.save(other));
    Result<QList<ProduceTemplate>> all = store.list();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2);
    EXPECT_EQ(all->at(0), other);
    EXPECT_EQ(all->at(1), t);
    ASSERT_TRUE(store.remove(QStringLiteral("another")));
    EXPECT_EQ(store.list()->size(), 1);
    EXPECT_FALSE(store.save(ProduceTemplate{}));
}
