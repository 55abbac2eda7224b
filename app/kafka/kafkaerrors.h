// The one place where Kafka error codes become sentences a person understands.
//
// Codes are Kafka's wire error codes (positive, 0 = none) and librdkafka's local codes
// (negative, RD_KAFKA_RESP_ERR__*), which Kastle's own wire client reuses for the same local
// conditions (timeout, transport failure, authentication, unsupported feature) so that both
// clients report through this table.
#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

namespace kastle::core {

// Local conditions of Kastle's wire client, spelled as librdkafka's local codes.
namespace LocalError {
inline constexpr int Transport = -195;          // connection refused, reset or closed
inline constexpr int Resolve = -193;            // host name could not be resolved
inline constexpr int AllBrokersDown = -187;     // no broker of the cluster answers
inline constexpr int InvalidArgument = -186;    // the request itself is wrong
inline constexpr int TimedOut = -185;           // no answer within the request timeout
inline constexpr int Ssl = -181;                // TLS handshake or certificate failure
inline constexpr int State = -172;              // the session is closed
inline constexpr int Authentication = -169;     // SASL failed
inline constexpr int UnsupportedFeature = -165; // the cluster does not offer the API/version
inline constexpr int BadMessage = -199;         // a response that could not be decoded
inline constexpr int Destroyed = -197;          // cancelled because the session closed
} // namespace LocalError

class KafkaErrors
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::KafkaErrors)
public:
    // "TOPIC_ALREADY_EXISTS", "_TIMED_OUT": the protocol (or librdkafka) name of a code.
    static QString name(int code);
    // A translated sentence for the code alone, e.g. "A topic with this name already exists."
    static QString sentence(int code);
    // Whether trying again later may succeed (leader moves, coordinator loading, timeouts).
    static bool isRetriable(int code);
    // Whether the code says the broker could not be reached or talked to at all (as opposed to
    // an answer with an error in it).
    static bool isConnectionFailure(int code);
    // An Error whose message is "<what>: <sentence>" (or "<what>: <detail>" when the broker
    // sent a message of its own that says more), carrying the code.
    static Error error(int code, const QString &what, const QString &detail = QString());
};

} // namespace kastle::core
