// CreatePartitions (key 37), versions 0-1: raises topics' partition counts, with optional
// replica assignments for the new partitions and validateOnly.
#include "handlers.h"

#include "broker.h"

#include "messages/createpartitions.h"

#include <map>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleCreatePartitions(RequestContext &ctx)
{
    const auto req = ctx.decode<CreatePartitionsRequest>();
    CreatePartitionsResponse resp;
    resp.results.resize(req.topics.size());

    std::map<std::string_view, int> occurrences;
    for (const auto &t : req.topics)
        ++occurrences[t.name];

    std::vector<NewPartitions> valid;
    std::vector<size_t> index;
    for (size_t i = 0; i < req.topics.size(); ++i) {
        const auto &t = req.topics[i];
        auto &out = resp.results[i];
        out.name = t.name;
        if (ctx.injectedError) {
            out.errorCode = code(*ctx.injectedError);
            out.errorMessage = std::string(errorDescription(*ctx.injectedError));
            continue;
        }
        if (occurrences[t.name] > 1) {
            out.errorCode = code(ErrorCode::InvalidRequest);
            out.errorMessage = "Duplicate topic in request.";
            continue;
        }
        NewPartitions np;
        np.topic = t.name;
        np.totalCount = t.count;
        // An empty array is taken like null (placement by the broker): some clients send it
        // when no assignment was given.
        if (t.assignments && !t.assignments->empty()) {
            np.assignments.emplace();
            for (const auto &a : *t.assignments)
                np.assignments->push_back(a.brokerIds);
        }
        valid.push_back(std::move(np));
        index.push_back(i);
    }
    if (!valid.empty()) {
        const auto results = ctx.broker->controller().createPartitions(valid, req.validateOnly);
        for (size_t k = 0; k < results.size(); ++k) {
            auto &out = resp.results[index[k]];
            out.errorCode = code(results[k].code);
            out.errorMessage = errorMessageOrNull(results[k].code, results[k].message);
        }
    }
    ctx.respond(resp);
}

} // namespace

ApiHandler createPartitionsApi()
{
    return serve<CreatePartitionsRequest>(0, 1, &handleCreatePartitions);
}

} // namespace kastle::broker
