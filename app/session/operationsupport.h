// Shared pieces of the SessionOperations implementation files (not for use elsewhere): the
// once-only callback wrapper and small conversions.
#pragma once

#include "kafka/kafkaerrors.h"
#include "sessionoperations.h"
#include "sessionworker.h"

#include <librdkafka/rdkafka.h>

#include <string>

namespace kastle::core {

inline QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

inline QString fromC(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

template<class T>
SessionOperations::Reply<T> SessionOperations::track(Reply<T> done, bool changesCluster)
{
    auto once = std::make_shared<Reply<T>>(std::move(done));
    if (m_closed) {
        (*once)(Error{tr("The session is closed."), LocalError::State});
        return [](Result<T>) {};
    }
    const quint64 id = m_nextOutstanding++;
    m_outstanding.emplace(id, [once] {
        if (auto d = std::exchange(*once, nullptr))
            d(Error{tr("The session was closed before the operation finished."),
                    LocalError::Destroyed});
    });
    return [this, id, once, changesCluster](Result<T> result) {
        auto d = std::exchange(*once, nullptr);
        if (!d)
            return;
        m_outstanding.erase(id);
        if (changesCluster && result.ok())
            m_worker.noteClusterChanged();
        d(std::move(result));
    };
}

// The top-level error of an admin result event, if any.
inline std::optional<Error> eventError(rd_kafka_event_t *event, const QString &what)
{
    const rd_kafka_resp_err_t err = rd_kafka_event_error(event);
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
        return std::nullopt;
    return KafkaErrors::error(int(err), what, fromC(rd_kafka_event_error_string(event)));
}

} // namespace kastle::core
