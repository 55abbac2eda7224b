// browser_bench: the message browser's two hot paths, with figures printed (nothing asserted).
//   1. Load 1,000,000 records of 100-byte values into the MessageModel the way a scan does:
//      batches of 50,000 built in a MessageStore and spliced into the model. Prints the time and
//      the resident memory (VmRSS, and the peak VmHWM) after the load.
//   2. Filter 10,000,000 records: a pool of 100,000 stored records is scanned 100 times with
//      each filter kind; prints records per second.
// Targets from issue 7: load <= 3 s and <= 400 MB; filter >= 500,000 records/s.
#include "browser/messagefilter.h"
#include "browser/messagestore.h"
#include "models/messagemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <string>

using namespace kastle::core;

namespace {

long statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(static_cast<qsizetype>(strlen(field)))
                .trimmed()
                .split(' ')
                .value(0)
                .toLong();
    return -1;
}

// A 100-byte JSON value with a varying user id, and a short key.
std::string valueFor(int i)
{
    std::string v = "{\"user\":{\"id\":" + std::to_string(i % 1000) + "},\"name\":\"user" +
                    std::to_string(i) + "\",\"pad\":\"";
    while (v.size() < 98)
        v.push_back('x');
    v += "\"}";
    return v;
}

void fill(MessageStore &store, int from, int count)
{
    HeaderRef header{"source", std::string_view("bench")};
    for (int i = from; i < from + count; ++i) {
        const std::string key = "key-" + std::to_string(i);
        const std::string value = valueFor(i);
        store.append(i % 12, i / 12, 1'700'000'000'000 + i, TimestampType::CreateTime, key, value,
                     &header, 1);
    }
}

void loadBenchmark()
{
    constexpr int Records = 1'000'000;
    constexpr int Batch = 50'000;
    const long rssBefore = statusKb("VmRSS:");
    MessageModel model;
    QElapsedTimer timer;
    timer.start();
    for (int from = 0; from < Records; from += Batch) {
        MessageStore batch;
        fill(batch, from, Batch);
        model.append(std::move(batch));
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    // Decode what a view would show for one screen, to prove the rows are usable.
    int shown = 0;
    for (int row = Records - 40; row < Records; ++row)
        shown += model.index(row, MessageModel::Value).data().toString().size() > 0;
    const long rss = statusKb("VmRSS:");
    std::printf(
        "load: %d records of 100-byte values into MessageModel in %.3f s (%.0f records/s)\n",
        model.rowCount(), seconds, Records / seconds);
    std::printf("load: resident memory %.1f MB (peak %.1f MB, %.1f MB before the load); "
                "store chunks %.1f MB; %d rows decoded for display\n",
                rss / 1024.0, statusKb("VmHWM:") / 1024.0, rssBefore / 1024.0,
                model.store().chunkBytes() / 1048576.0, shown);
    std::printf("load: targets <= 3 s and <= 400 MB\n");
}

void filterBenchmark(const char *label, FilterSpec spec, const MessageStore &pool, int rounds)
{
    Result<MessageFilter> filter = MessageFilter::compile(spec);
    if (!filter) {
        std::printf("filter %s: %s\n", label, qPrintable(filter.error().message));
        return;
    }
    std::vector<HeaderRef> headers;
    qint64 matched = 0;
    qint64 scanned = 0;
    QElapsedTimer timer;
    timer.start();
    for (int r = 0; r < rounds; ++r) {
        for (size_t i = 0; i < pool.size(); ++i) {
            pool.headers(i, headers);
            MessageRef ref{pool.key(i), pool.value(i), headers.data(), headers.size()};
            matched += filter->matches(ref);
            ++scanned;
        }
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf("filter %-28s %lld records in %.3f s: %.0f records/s (%lld matched)\n", label,
                static_cast<long long>(scanned), seconds, scanned / seconds,
                static_cast<long long>(matched));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    loadBenchmark();

    MessageStore pool;
    fill(pool, 0, 100'000);
    const int rounds = 100; // 10,000,000 records
    FilterSpec substring{FilterSpec::Kind::Substring, FilterSpec::Value,
                         QStringLiteral("user777\""), true};
    filterBenchmark("substring (value)", substring, pool, rounds);
    FilterSpec folded = substring;
    folded.caseSensitive = false;
    folded.text = QStringLiteral("USER777\"");
    filterBenchmark("substring, any case (value)", folded, pool, rounds);
    FilterSpec anywhere = substring;
    anywhere.targets = FilterSpec::All;
    filterBenchmark("substring (key+value+headers)", anywhere, pool, rounds);
    // The slower kinds over 1,000,000 records (10 rounds), also printed as records/s.
    FilterSpec regex{FilterSpec::Kind::Regex, FilterSpec::Value, QStringLiteral("user7[0-9]7\""),
                     true};
    filterBenchmark("regex (value)", regex, pool, 10);
    FilterSpec json{FilterSpec::Kind::JsonPath, FilterSpec::Value,
                    QStringLiteral("$.user.id == 42"), true};
    filterBenchmark("JSON path (value)", json, pool, 10);
    std::printf("filter: target >= 500,000 records/s\n");
    return 0;
}
