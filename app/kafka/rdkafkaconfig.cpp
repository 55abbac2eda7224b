// Profile -> rd_kafka_conf_t mapping and the callbacks every Kastle librdkafka handle shares.
#include "rdkafkaconfig.h"
#include "logging.h"

#include <QDateTime>
#include <QMutexLocker>

#include <limits>

namespace kastle::core {

void RdKafkaEvents::add(Event e)
{
    QMutexLocker lock(&m_mutex);
    if (m_events.size() < 200) // bounded: a handle that retries for minutes must not grow
        m_events.append(std::move(e));
}

QList<RdKafkaEvents::Event> RdKafkaEvents::events() const
{
    QMutexLocker lock(&m_mutex);
    return m_events;
}

namespace {

RdKafkaContext *contextOf(void *opaque)
{
    return static_cast<RdKafkaContext *>(opaque);
}

void onError(rd_kafka_t *, int err, const char *reason, void *opaque)
{
    const auto code = static_cast<rd_kafka_resp_err_t>(err);
    qCInfo(lcKafka).noquote() << rd_kafka_err2name(code) << reason;
    if (auto *ctx = contextOf(opaque))
        ctx->events.add({code, 3, QString::fromUtf8(reason)});
}

void onLog(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
    const QString line =
        QStringLiteral("[%1] %2").arg(QString::fromUtf8(fac), QString::fromUtf8(buf));
    if (level <= 3)
        qCWarning(lcKafka).noquote() << line;
    else if (level <= 6)
        qCInfo(lcKafka).noquote() << line;
    else
        qCDebug(lcKafka).noquote() << line;
    if (auto *ctx = contextOf(rd_kafka_opaque(rk)); ctx && level <= 6)
        ctx->events.add({RD_KAFKA_RESP_ERR_NO_ERROR, level, line});
}

void onOAuthRefresh(rd_kafka_t *rk, const char *, void *opaque)
{
    auto *ctx = contextOf(opaque);
    char err[512] = {0};
    // A static token: hand it out with a far expiry; the broker decides whether it is valid.
    const int64_t lifetimeMs = std::numeric_limits<int32_t>::max();
    const int64_t expiry = static_cast<int64_t>(QDateTime::currentMSecsSinceEpoch()) + lifetimeMs;
    if (!ctx || rd_kafka_oauthbearer_set_token(rk, ctx->oauthToken.constData(), expiry,
                                               ctx->oauthPrincipal.constData(), nullptr, 0, err,
                                               sizeof err) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        rd_kafka_oauthbearer_set_token_failure(rk, err[0] ? err : "no token configured");
    }
}

} // namespace

PropertyList RdKafkaConfigBuilder::properties(const ConnectionProfile &p, const ProfileSecrets &s,
                                              bool maskSecrets)
{
    const auto secret = [&](const QString &v) {
        return maskSecrets && !v.isEmpty() ? QStringLiteral("********") : v;
    };
    PropertyList out;
    QString bootstrap = p.bootstrapServers;
    bootstrap.remove(QLatin1Char(' '));
    out.append({QStringLiteral("bootstrap.servers"), bootstrap});
    out.append(
        {QStringLiteral("security.protocol"), ProfileRules::protocolName(p.securityProtocol)});
    if (p.usesSasl()) {
        out.append(
            {QStringLiteral("sasl.mechanisms"), ProfileRules::mechanismName(p.saslMechanism)});
        if (p.needsPassword()) {
            out.append({QStringLiteral("sasl.username"), p.username});
            out.append({QStringLiteral("sasl.password"), secret(s.password)});
        } else if (p.saslMechanism == SaslMechanism::Gssapi && !p.username.isEmpty()) {
            out.append({QStringLiteral("sasl.kerberos.principal"), p.username});
        }
    }
    if (p.usesTls()) {
        if (!p.caFile.isEmpty())
            out.append({QStringLiteral("ssl.ca.location"), p.caFile});
        if (!p.certificateFile.isEmpty())
            out.append({QStringLiteral("ssl.certificate.location"), p.certificateFile});
        if (!p.keyFile.isEmpty())
            out.append({QStringLiteral("ssl.key.location"), p.keyFile});
        if (!s.keyPassword.isEmpty())
            out.append({QStringLiteral("ssl.key.password"), secret(s.keyPassword)});
        out.append({QStringLiteral("ssl.endpoint.identification.algorithm"),
                    p.verifyHostname ? QStringLiteral("https") : QStringLiteral("none")});
    }
    out.append(p.extraProperties);
    return out;
}

Result<RdKafkaConfig> RdKafkaConfigBuilder::make(const ConnectionProfile &profile,
                                                 const ProfileSecrets &secrets)
{
    RdKafkaConfig config;
    config.conf.reset(rd_kafka_conf_new());
    config.context = std::make_unique<RdKafkaContext>();
    rd_kafka_conf_t *conf = config.conf.get();

    char err[512];
    const auto set = [&](const QString &key, const QString &value) -> Status {
        if (rd_kafka_conf_set(conf, key.toUtf8().constData(), value.toUtf8().constData(), err,
                              sizeof err) != RD_KAFKA_CONF_OK)
            return Error{
                tr("librdkafka rejected the property %1: %2").arg(key, QString::fromUtf8(err))};
        return Done{};
    };
    for (const auto &[key, value] : properties(profile, secrets, false)) {
        if (Status s = set(key, value); !s)
            return s.error();
    }
    if (profile.needsToken()) {
        config.context->oauthToken = secrets.oauthToken.toUtf8();
        config.context->oauthPrincipal =
            (profile.username.isEmpty() ? QStringLiteral("kastle") : profile.username).toUtf8();
        rd_kafka_conf_set_oauthbearer_token_refresh_cb(conf, onOAuthRefresh);
    }
    // Kastle logs through Qt; librdkafka's own stderr logger would bypass the log panel.
    rd_kafka_conf_set_log_cb(conf, onLog);
    rd_kafka_conf_set_error_cb(conf, onError);
    rd_kafka_conf_set_opaque(conf, config.context.get());
    return config;
}

QString librdkafkaVersion()
{
    return QString::fromLatin1(rd_kafka_version_str());
}

} // namespace kastle::core
