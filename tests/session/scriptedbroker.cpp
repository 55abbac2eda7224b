// The scripted Kafka peer: frames in, recorded requests, scripted answers out.
#include "scriptedbroker.h"

#include "header.h"

#include <QTcpSocket>

namespace kastle::testing {

using namespace protocol;

ScriptedBroker::ScriptedBroker(int32_t nodeId)
    : m_nodeId(nodeId)
{
    QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            m_buffers[socket]; // known from the start, so the destructor finds every socket
            QObject::connect(socket, &QTcpSocket::readyRead, this,
                             [this, socket] { onReadable(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.erase(socket);
                socket->deleteLater();
            });
        }
    });
}

ScriptedBroker::~ScriptedBroker()
{
    // The sockets are the server's children and would outlive m_buffers: drop them first.
    for (auto &[socket, buffer] : m_buffers) {
        QObject::disconnect(socket, nullptr, this, nullptr);
        delete socket;
    }
    m_buffers.clear();
}

bool ScriptedBroker::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void ScriptedBroker::stop()
{
    m_server.close();
    m_held.clear();
    const auto buffers = std::move(m_buffers);
    m_buffers.clear();
    for (const auto &[socket, buffer] : buffers) {
        QObject::disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
    }
}

quint16 ScriptedBroker::port() const
{
    return m_server.serverPort();
}

QString ScriptedBroker::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(port());
}

void ScriptedBroker::release()
{
    m_holding = false;
    for (auto &[socket, frame] : std::exchange(m_held, {})) {
        if (!m_buffers.count(socket))
            continue; // the client hung up meanwhile
        const size_t received = m_received.size();
        const Bytes reply = answer(frame);
        m_received.resize(received); // recorded when it arrived
        socket->write(reinterpret_cast<const char *>(reply.data()), qint64(reply.size()));
    }
}

int ScriptedBroker::count(ApiKey key) const
{
    return int(std::count_if(m_received.begin(), m_received.end(),
                             [key](const auto &r) { return r.first == int16_t(key); }));
}

void ScriptedBroker::onReadable(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    // Size-prefixed frames: int32 length, then the request header and body.
    while (buffer.size() >= 4) {
        const auto *p = reinterpret_cast<const uint8_t *>(buffer.constData());
        const uint32_t size =
            uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
        if (buffer.size() < qsizetype(4 + size))
            return;
        const ByteView frame(p + 4, size);
        if (m_holding && peekHeader(frame).apiKey != int16_t(ApiKey::ApiVersions)) {
            m_received.emplace_back(peekHeader(frame).apiKey, peekHeader(frame).apiVersion);
            m_held.emplace_back(socket, Bytes(frame.begin(), frame.end()));
            buffer.remove(0, qsizetype(4 + size));
            continue;
        }
        const Bytes reply = answer(frame);
        buffer.remove(0, qsizetype(4 + size));
        if (reply.empty()) {
            socket->abort(); // a request nobody scripted: hang up, as a broker would
            return;
        }
        socket->write(reinterpret_cast<const char *>(reply.data()), qint64(reply.size()));
    }
}

Bytes ScriptedBroker::answer(ByteView frame)
{
    const HeaderPrefix prefix = peekHeader(frame);
    m_received.emplace_back(prefix.apiKey, prefix.apiVersion);
    Reader r(frame);
    if (prefix.apiKey == int16_t(ApiKey::ApiVersions)) {
        // Header v1 (ApiVersions requests are flexible from v3, but their header is read the
        // same way up to the client id, and the tagged section follows it).
        readRequestHeader(r, isFlexible<ApiVersionsRequest>(prefix.apiVersion));
        decode<ApiVersionsRequest>(r, prefix.apiVersion);
        ApiVersionsResponse resp;
        resp.apiKeys.push_back({int16_t(ApiKey::ApiVersions), 0, 3});
        for (const auto &[key, api] : m_apis)
            resp.apiKeys.push_back({key, api.versions.lo, api.versions.hi});
        Writer w;
        writeResponseFrame(w, resp, prefix.apiVersion, prefix.correlationId);
        return w.take();
    }
    const auto it = m_apis.find(prefix.apiKey);
    if (it == m_apis.end() || prefix.apiVersion < it->second.versions.lo ||
        prefix.apiVersion > it->second.versions.hi)
        return {};
    return it->second.answer(prefix.apiVersion, r, prefix.correlationId);
}

} // namespace kastle::testing
