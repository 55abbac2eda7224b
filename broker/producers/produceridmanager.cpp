// Durable producer id blocks.
#include "produceridmanager.h"

#include "log.h"
#include "storage/fileio.h"

#include "config/configvalue.h"

#include <cerrno>

namespace kastle::broker {

ProducerIdManager::ProducerIdManager(std::string logDir, int32_t brokerId)
    : m_path(std::move(logDir) + "/producer-id-block")
    , m_base(int64_t{brokerId} << 40)
{}

bool ProducerIdManager::open(std::string &error)
{
    const auto content = fileio::readFile(m_path);
    if (!content) {
        if (errno == ENOENT)
            return true;
        error = fileio::errorText("cannot read", m_path, errno);
        return false;
    }
    std::string text = *content;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    const auto value = parseConfigLong(text);
    if (!value || *value < 0) {
        error = m_path + " does not hold a producer id block (\"" + text + "\")";
        return false;
    }
    m_next = m_reserved = *value;
    return true;
}

int64_t ProducerIdManager::next()
{
    if (m_next >= m_reserved) {
        const int64_t end = m_next + kBlockSize;
        std::string error;
        if (!fileio::writeFileAtomically(m_path, std::to_string(end) + "\n", true, &error)) {
            KLOG_ERROR("producers", "cannot reserve producer ids: " + error);
            return -1;
        }
        m_reserved = end;
    }
    return m_base + m_next++;
}

} // namespace kastle::broker
