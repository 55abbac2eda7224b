// Kafka and librdkafka error codes -> translated sentences.
#include "kafkaerrors.h"

#include "errors.h"

#include <librdkafka/rdkafka.h>

namespace kastle::core {

QString KafkaErrors::name(int code)
{
    if (code < 0 && code > -200)
        return QString::fromUtf8(rd_kafka_err2name(static_cast<rd_kafka_resp_err_t>(code)));
    const auto n = protocol::errorName(static_cast<int16_t>(code));
    return QString::fromUtf8(n.data(), qsizetype(n.size()));
}

QString KafkaErrors::sentence(int code)
{
    switch (code) {
    case 0:
        return tr("No error.");
    // --- local conditions --------------------------------------------------------------
    case LocalError::Transport:
        return tr("The connection to the broker failed or was closed.");
    case LocalError::Resolve:
        return tr("The broker's host name could not be resolved.");
    case LocalError::AllBrokersDown:
        return tr("No broker of the cluster can be reached.");
    case LocalError::InvalidArgument:
        return tr("The request is not valid.");
    case LocalError::TimedOut:
    case RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE:
    case RD_KAFKA_RESP_ERR__MSG_TIMED_OUT:
        return tr("The cluster did not answer in time.");
    case LocalError::Ssl:
        return tr("The secure (TLS) connection could not be established.");
    case LocalError::State:
    case LocalError::Destroyed:
        return tr("The connection to the cluster was closed before the request finished.");
    case LocalError::Authentication:
        return tr("The cluster refused the credentials.");
    case LocalError::UnsupportedFeature:
        return tr("The cluster does not support this operation.");
    case LocalError::BadMessage:
        return tr("The cluster sent an answer Kastle cannot read.");
    case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
        return tr("The topic does not exist.");
    case RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION:
        return tr("The partition does not exist.");
    // --- Kafka protocol errors -----------------------------------------------------------
    case -1:
        return tr("The broker hit an unexpected error.");
    case 1:
        return tr("The offset is outside the range the partition holds.");
    case 2:
        return tr("The data is corrupt.");
    case 3:
        return tr("The topic or partition does not exist.");
    case 5:
        return tr("The partition has no leader at the moment.");
    case 6:
        return tr("The broker asked is no longer the leader of the partition.");
    case 7:
        return tr("The broker did not finish the request in time.");
    case 8:
        return tr("The broker is not available.");
    case 9:
        return tr("A replica is not available.");
    case 10:
        return tr("The message is larger than the broker accepts.");
    case 12:
        return tr("The commit metadata is too large.");
    case 13:
        return tr("The broker lost its connection while answering.");
    case 14:
        return tr("The group coordinator is still loading; try again shortly.");
    case 15:
        return tr("The group coordinator is not available.");
    case 16:
        return tr("The broker asked is not the coordinator of this group.");
    case 17:
        return tr("The topic name is not valid.");
    case 19:
    case 20:
        return tr("Not enough replicas are in sync to accept the write.");
    case 22:
        return tr("The group generation is out of date.");
    case 24:
        return tr("The group id is not valid.");
    case 25:
        return tr("The group does not know this member.");
    case 27:
        return tr("The group is rebalancing.");
    case 29:
        return tr("You are not allowed to access this topic.");
    case 30:
        return tr("You are not allowed to access this consumer group.");
    case 31:
        return tr("You are not allowed to perform this cluster operation.");
    case 32:
        return tr("The timestamp is not valid.");
    case 33:
        return tr("The broker does not offer this SASL mechanism.");
    case 34:
        return tr("The SASL exchange went out of order.");
    case 35:
        return tr("The broker does not support this version of the request.");
    case 36:
        return tr("A topic with this name already exists.");
    case 37:
        return tr("The number of partitions is not valid.");
    case 38:
        return tr("The replication factor is not valid (it cannot exceed the number of brokers).");
    case 39:
        return tr("The replica assignment is not valid.");
    case 40:
        return tr("The configuration is not valid.");
    case 41:
        return tr("The broker asked is not the controller.");
    case 42:
        return tr("The broker rejected the request as malformed.");
    case 44:
        return tr("The cluster's policy does not allow this.");
    case 56:
        return tr("A log directory of the broker failed.");
    case 57:
        return tr("The log directory does not exist.");
    case 58:
        return tr("Authentication failed: the user name or password is wrong.");
    case 60:
        return tr("A replica reassignment is already in progress for this partition.");
    case 68:
        return tr("The group still has active members; stop its consumers first.");
    case 69:
        return tr("The consumer group does not exist.");
    case 73:
        return tr("Topic deletion is disabled on this cluster.");
    case 74:
        return tr("The leader epoch is out of date.");
    case 78:
        return tr("The offset is not available yet.");
    case 80:
        return tr("The preferred leader is not available.");
    case 83:
        return tr("No eligible leader is available for the partition.");
    case 84:
        return tr("The preferred replica is already the leader; no election was needed.");
    case 85:
        return tr("No replica reassignment is in progress for this partition.");
    case 86:
        return tr("Consumers of the group are still subscribed to the topic.");
    case 89:
        return tr("The cluster's rate limit for this operation was exceeded.");
    case 91:
        return tr("The resource does not exist.");
    default:
        break;
    }
    return tr("The cluster answered with error %1 (%2).").arg(name(code)).arg(code);
}

bool KafkaErrors::isRetriable(int code)
{
    if (code == LocalError::TimedOut || code == LocalError::Transport ||
        code == LocalError::AllBrokersDown)
        return true;
    return code > 0 && protocol::isRetriable(static_cast<int16_t>(code));
}

bool KafkaErrors::isConnectionFailure(int code)
{
    return code == LocalError::Transport || code == LocalError::Resolve ||
           code == LocalError::TimedOut || code == LocalError::Ssl ||
           code == LocalError::Authentication || code == LocalError::AllBrokersDown;
}

Error KafkaErrors::error(int code, const QString &what, const QString &detail)
{
    QString text = what.isEmpty() ? sentence(code) : what + QStringLiteral(": ") + sentence(code);
    if (!detail.isEmpty() && detail != name(code))
        text += QLatin1Char(' ') + tr("(The cluster said: %1)").arg(detail);
    return Error{text, code};
}

} // namespace kastle::core
