// The run-time API table, generated at compile time from the list in messages/all.h.
#include "apiregistry.h"

#include "messages/all.h"

#include <algorithm>
#include <array>

namespace kastle::protocol {
namespace {

constexpr std::array<ApiInfo, kApiCount> makeTable()
{
    std::array<ApiInfo, kApiCount> table{};
    size_t i = 0;
    forEachApi([&](auto api) {
        using A = decltype(api);
        table[i++] = ApiInfo{A::apiKey, {}, A::versions, A::flexibleFrom};
    });
    std::sort(table.begin(), table.end(),
              [](const ApiInfo &a, const ApiInfo &b) { return a.key < b.key; });
    return table;
}

const std::array<ApiInfo, kApiCount> &table()
{
    static const std::array<ApiInfo, kApiCount> named = [] {
        auto built = makeTable();
        for (auto &info : built)
            info.name = apiName(info.key);
        return built;
    }();
    return named;
}

} // namespace

std::span<const ApiInfo> allApis()
{
    return table();
}

const ApiInfo *findApi(int16_t key)
{
    const auto &t = table();
    auto it = std::lower_bound(t.begin(), t.end(), key, [](const ApiInfo &a, int16_t k) {
        return static_cast<int16_t>(a.key) < k;
    });
    return it != t.end() && static_cast<int16_t>(it->key) == key ? &*it : nullptr;
}

} // namespace kastle::protocol
