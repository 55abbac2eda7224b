// Config resource checks.
#include "configresource.h"

#include "config/configvalue.h"

namespace kastle::broker {

using protocol::ErrorCode;

AdminResult checkBrokerResource(std::string_view name, int32_t brokerId, bool allowDefault)
{
    if (name.empty()) {
        if (allowDefault)
            return {};
        return AdminResult::error(ErrorCode::InvalidRequest,
                                  "A broker id is required for this resource.");
    }
    const auto id = parseConfigLong(name);
    if (!id)
        return AdminResult::error(ErrorCode::InvalidRequest,
                                  "Broker id must be an integer, not '" + std::string(name) + "'.");
    if (*id != brokerId)
        return AdminResult::error(ErrorCode::InvalidRequest,
                                  "Unexpected broker id, expected " + std::to_string(brokerId) +
                                      " but received " + std::string(name) + ".");
    return {};
}

AdminResult refuseBrokerChange(std::string_view name, int32_t brokerId)
{
    AdminResult check = checkBrokerResource(name, brokerId, true);
    if (!check.ok())
        return check;
    return AdminResult::error(ErrorCode::InvalidRequest,
                              "Kastle's broker settings are fixed at start; change them on the "
                              "command line.");
}

AdminResult unsupportedResource(int8_t resourceType)
{
    if (resourceType == static_cast<int8_t>(ResourceType::BrokerLogger))
        return AdminResult::error(ErrorCode::InvalidRequest,
                                  "Kastle has no per-logger configuration; use --log-level.");
    return AdminResult::error(ErrorCode::InvalidRequest,
                              "Unsupported resource type " + std::to_string(resourceType) + ".");
}

} // namespace kastle::broker
