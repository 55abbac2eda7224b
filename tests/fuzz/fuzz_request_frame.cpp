// libFuzzer target: arbitrary bytes as a request frame without its size prefix (header + body).
// The API comes from the registry by the header's key; the body is decoded as that request and
// as that response, every record set in a Produce request is validated and read (v2 batches
// record by record, legacy sets parsed, up- and down-converted), consumer-protocol payloads in
// JoinGroup/SyncGroup are decoded. Whatever decodes must re-encode and decode to the same
// value. Any crash, sanitizer report, leak or allocation past -malloc_limit_mb is a finding;
// DecodeError/EncodeError are the expected outcome for bad input.
#include "apiregistry.h"
#include "batchreader.h"
#include "header.h"
#include "messages/all.h"
#include "messages/consumerprotocol.h"
#include "messageset.h"

#include <cstdlib>

using namespace kastle::protocol;

namespace {

constexpr size_t kMaxDecompressed = 1 << 20;

void exerciseRecords(const Records &records)
{
    const auto view = records.contiguous();
    if (!view || view->empty())
        return;
    if (peekMagic(*view) < 2) {
        const auto parsed = parseMessageSet(*view, kMaxDecompressed, true);
        const auto up = upConvertMessageSet(*view, kMaxDecompressed);
        if (up.ok() && validateBatch(up.bytes, {.maxDecompressed = kMaxDecompressed}))
            abort(); // an up-converted batch must always be valid
        return;
    }
    (void)validateRecordSet(*view, {.maxDecompressed = kMaxDecompressed});
    BatchIterator it(*view);
    ByteView batch;
    while (it.next(batch)) {
        RecordBatchReader reader(batch, kMaxDecompressed);
        RecordView record;
        while (reader.next(record)) {
        }
        for (int8_t magic : {0, 1}) {
            const auto down = downConvertBatches(batch, magic, kMaxDecompressed);
            if (down.ok() && !parseMessageSet(down.bytes, kMaxDecompressed).ok())
                abort(); // a down-converted set must always parse
        }
    }
}

template<class M>
void roundTrip(const M &msg, int16_t version)
{
    try {
        const Bytes again = encode(msg, version);
        if (encodedSize(msg, version) != again.size())
            abort();
        if (!(decode<M>(ByteView(again), version) == msg))
            abort();
    } catch (const EncodeError &) {
        // e.g. a compact string longer than 32767 bytes cannot go into a classic version
    }
}

template<class Req>
void exerciseRequest(const Req &req, int16_t version)
{
    roundTrip(req, version);
    if constexpr (std::is_same_v<Req, ProduceRequest>) {
        for (const auto &topic : req.topicData)
            for (const auto &p : topic.partitionData)
                exerciseRecords(p.records);
    } else if constexpr (std::is_same_v<Req, JoinGroupRequest>) {
        for (const auto &p : req.protocols) {
            try {
                (void)decodeSubscription(p.metadata);
            } catch (const DecodeError &) {
            }
        }
    } else if constexpr (std::is_same_v<Req, SyncGroupRequest>) {
        for (const auto &a : req.assignments) {
            try {
                (void)decodeAssignment(a.assignment);
            } catch (const DecodeError &) {
            }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ByteView frame(data, size);
    try {
        const HeaderPrefix prefix = peekHeader(frame);
        const ApiInfo *info = findApi(prefix.apiKey);
        if (!info || !info->versions.contains(prefix.apiVersion))
            return 0;
        Reader r(frame);
        (void)readRequestHeader(r, info->isFlexible(prefix.apiVersion));
        const ByteView body(r.position(), r.remaining());
        visitApi(prefix.apiKey, [&](auto api) {
            using A = decltype(api);
            try {
                const auto req = decode<typename A::Request>(body, prefix.apiVersion);
                exerciseRequest(req, prefix.apiVersion);
            } catch (const DecodeError &) {
            }
            try {
                const auto resp = decode<typename A::Response>(body, prefix.apiVersion);
                roundTrip(resp, prefix.apiVersion);
                if constexpr (std::is_same_v<typename A::Response, FetchResponse>)
                    for (const auto &t : resp.responses)
                        for (const auto &p : t.partitions)
                            exerciseRecords(p.records);
            } catch (const DecodeError &) {
            }
        });
    } catch (const DecodeError &) {
    }
    return 0;
}
