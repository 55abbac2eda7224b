// Throughput of the wire codec on the broker's hot paths, printed as MB/s of record data:
//   Produce v7 decode   (records stay views into the frame: no copy)
//   batch validation    (CRC-32C + walking every record header), for 1000- and 100-byte
//                       values, beside the record-by-record reader on the 100-byte batch
//   Fetch v11 encode    (records as file ranges for sendfile, and as memory that is copied)
//   CRC-32C             (hardware and table paths)
// Usage: protocol_bench [megabytes of record data, default 64]
#include "batchbuilder.h"
#include "batchreader.h"
#include "crc32c.h"
#include "messages/fetch.h"
#include "messages/produce.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace kastle::protocol;

namespace {

using Clock = std::chrono::steady_clock;

template <class F>
double mbPerSecond(size_t bytesPerRound, F &&round)
{
    // Repeat for at least half a second so the figure is stable.
    const auto start = Clock::now();
    size_t rounds = 0;
    double seconds = 0;
    do {
        round();
        ++rounds;
        seconds = std::chrono::duration<double>(Clock::now() - start).count();
    } while (seconds < 0.5);
    return static_cast<double>(bytesPerRound) * static_cast<double>(rounds) / seconds / 1e6;
}

volatile size_t g_sink; // keeps results alive

// One batch of about 1 MiB holding values of `valueSize` bytes, keyed like the producers' own.
Bytes sampleBatch(size_t batchBytes, size_t valueSize)
{
    RecordBatchBuilder builder;
    const std::string value(valueSize, 'v');
    for (size_t i = 0; i < batchBytes / (valueSize + 20); ++i)
        builder.producer(1, 0, 0).append(1700000000000 + static_cast<int64_t>(i),
                                         "key-" + std::to_string(i), value);
    return builder.build().bytes;
}

void printRate(const char *what, double mbPerSec, size_t bytes, size_t records)
{
    std::printf("%-34s %8.0f MB/s  %7.1f M records/s\n", what, mbPerSec,
                mbPerSec * 1e6 / static_cast<double>(bytes) * static_cast<double>(records) / 1e6);
}

} // namespace

int main(int argc, char **argv)
{
    const size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 64;
    constexpr size_t kBatchBytes = 1 << 20;  // about 1 MiB per batch, one batch per partition
    constexpr size_t kRecordValue = 1000;    // 1 KB values
    const size_t partitions = std::max<size_t>(1, megabytes * (1 << 20) / kBatchBytes);

    const Bytes batch = sampleBatch(kBatchBytes, kRecordValue);

    ProduceRequest produce;
    produce.acks = -1;
    produce.timeoutMs = 30000;
    produce.topicData.resize(1);
    produce.topicData[0].name = "bench";
    for (size_t p = 0; p < partitions; ++p)
        produce.topicData[0].partitionData.push_back(
            {static_cast<int32_t>(p), Records::view(ByteView(batch))});
    const Bytes frame = encode(produce, 7);
    const size_t recordBytes = batch.size() * partitions;

    std::printf("record data per round: %.1f MB in %zu batches of %zu records (%zu-byte values)\n",
                static_cast<double>(recordBytes) / 1e6, partitions,
                static_cast<size_t>(decodeBatch(batch).records.size()), kRecordValue);

    const double decodeRate = mbPerSecond(recordBytes, [&] {
        const auto req = decode<ProduceRequest>(ByteView(frame), 7);
        g_sink = req.topicData[0].partitionData.size();
    });
    std::printf("Produce v7 decode:        %8.0f MB/s\n", decodeRate);

    const auto decoded = decode<ProduceRequest>(ByteView(frame), 7);
    const double validateRate = mbPerSecond(recordBytes, [&] {
        size_t ok = 0;
        for (const auto &p : decoded.topicData[0].partitionData)
            ok += !validateBatch(*p.records.contiguous()).has_value();
        g_sink = ok;
    });
    std::printf("batch validation:         %8.0f MB/s\n", validateRate);

    // The benchmark's shape: 100-byte values, about 8,700 records to the batch.
    const Bytes small = sampleBatch(kBatchBytes, 100);
    const size_t smallRecords = decodeBatch(small).records.size();
    printRate("validation, 100-byte values:",
              mbPerSecond(small.size(), [&] { g_sink = validateBatch(small).has_value(); }),
              small.size(), smallRecords);
    const double readerRate = mbPerSecond(small.size(), [&] {
        RecordBatchReader reader(small);
        RecordView r;
        size_t n = 0;
        while (reader.next(r))
            n += r.value ? r.value->size() : 0;
        g_sink = n;
    });
    printRate("record reader, 100-byte values:", readerRate, small.size(), smallRecords);

    FetchResponse fetch;
    fetch.responses.resize(1);
    fetch.responses[0].topic = "bench";
    for (size_t p = 0; p < partitions; ++p) {
        FetchResponse::PartitionData d;
        d.partitionIndex = static_cast<int32_t>(p);
        d.highWatermark = 1000000;
        d.records = Records::empty();
        // A file range as storage hands it out; the encoder only records it for sendfile.
        d.records.appendFile(FileRange{3, static_cast<int64_t>(p * batch.size()),
                                       static_cast<int64_t>(batch.size()), nullptr});
        fetch.responses[0].partitions.push_back(std::move(d));
    }
    const double fileRate = mbPerSecond(recordBytes, [&] {
        Writer w(4096);
        encode(w, fetch, 11);
        g_sink = w.size();
    });
    std::printf("Fetch v11 encode (files): %8.0f MB/s\n", fileRate);

    for (auto &d : fetch.responses[0].partitions)
        d.records = Records::view(ByteView(batch));
    const double memoryRate = mbPerSecond(recordBytes, [&] {
        Writer w(recordBytes + 4096);
        encode(w, fetch, 11);
        g_sink = w.size();
    });
    std::printf("Fetch v11 encode (memory, copied): %8.0f MB/s\n", memoryRate);

    const double crcSoft =
        mbPerSecond(batch.size(), [&] { g_sink = crc32cSoftware(batch.data(), batch.size()); });
    std::printf("CRC-32C table path:       %8.0f MB/s\n", crcSoft);
    if (crc32cHasHardware()) {
        const double crcHard =
            mbPerSecond(batch.size(), [&] { g_sink = crc32cHardware(batch.data(), batch.size()); });
        std::printf("CRC-32C SSE4.2 path:      %8.0f MB/s\n", crcHard);
    }
    return 0;
}
