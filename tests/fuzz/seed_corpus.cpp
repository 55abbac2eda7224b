// Writes a seed corpus for fuzz_request_frame: one frame (without the size prefix) per API,
// direction and version, filled by the test populator, plus Produce requests carrying real
// record batches (every codec) and legacy message sets. Usage: seed_corpus DIR
#include "batchbuilder.h"
#include "header.h"
#include "messages/all.h"
#include "messageset.h"
#include "messagetesting.h"

#include <fstream>
#include <iostream>

using namespace kastle::protocol;

namespace {

template<class M>
Bytes frameFor(const M &msg, int16_t version)
{
    Writer w;
    writeRequestFrame(w, msg, version, 7, std::string("fuzz"));
    Bytes b = w.flatten();
    b.erase(b.begin(), b.begin() + 4); // the fuzzer's input has no size prefix
    return b;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: seed_corpus DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    int n = 0;
    auto write = [&](const Bytes &b) {
        std::ofstream(dir + "/seed-" + std::to_string(n++), std::ios::binary)
            .write(reinterpret_cast<const char *>(b.data()),
                   static_cast<std::streamsize>(b.size()));
    };
    forEachApi([&](auto api) {
        using A = decltype(api);
        for (int16_t v = A::versions.lo; v <= A::versions.hi; ++v) {
            write(frameFor(testing::populate<typename A::Request>(v), v));
            // A response body behind a request header exercises the response decoder.
            write(frameFor(testing::populate<typename A::Response>(v), v));
        }
    });
    for (auto codec : {Compression::None, Compression::Gzip, Compression::Snappy, Compression::Lz4,
                       Compression::Zstd}) {
        RecordBatchBuilder b;
        b.compression(codec).append(1, "key", "value", {{"h", testing::bytesOf("v")}});
        b.append(2, std::nullopt, "second");
        const Bytes batch = b.build().bytes;
        ProduceRequest req;
        req.topicData = {{"t", {{0, Records::owned(batch)}}}};
        write(frameFor(req, 7));
        if (codec != Compression::Zstd) {
            for (int8_t magic : {0, 1}) {
                ProduceRequest legacy;
                legacy.topicData = {
                    {"t", {{0, Records::owned(downConvertBatches(batch, magic).bytes)}}}};
                write(frameFor(legacy, magic == 0 ? 0 : 2));
            }
        }
    }
    std::cout << n << " seeds written to " << dir << "\n";
    return 0;
}
