// A scripted Kafka peer for what the single-broker kastle-broker cannot show: a cluster whose
// controller is another broker, and the controller-only APIs (ElectLeaders, partition
// reassignments) that kastle-broker does not serve. It listens on 127.0.0.1, decodes each
// request with the project's codec, records it, and answers with whatever the test scripted
// for that API; ApiVersions advertises exactly the scripted APIs. It is not a broker: it knows
// nothing beyond the handlers a test gives it.
#pragma once

#include "wire/wireclient.h"

#include "header.h"

#include <QTcpServer>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace kastle::testing {

class ScriptedBroker : public QObject
{
public:
    explicit ScriptedBroker(int32_t nodeId);
    ~ScriptedBroker() override;

    // Listens on 127.0.0.1 at `port` (0: a free one).
    bool listen(quint16 port = 0);
    // Stops listening and drops every connection, like a broker that went away.
    void stop();
    int32_t nodeId() const { return m_nodeId; }
    quint16 port() const;
    QString address() const;

    // Serves `Req` at versions `versions` (advertised by ApiVersions): each request is decoded
    // and answered with `answer(request, version)`.
    template<class Req>
    void serve(protocol::Versions versions,
               std::function<core::ResponseOf<Req>(const Req &, int16_t version)> answer)
    {
        m_apis[int16_t(Req::apiKey)] =
            Api{versions, [answer](int16_t version, protocol::Reader &body, int32_t correlation) {
                    protocol::readRequestHeader(body, protocol::isFlexible<Req>(version));
                    const Req request = protocol::decode<Req>(body, version);
                    protocol::Writer w;
                    protocol::writeResponseFrame(w, answer(request, version), version, correlation);
                    return w.take();
                }};
    }

    // While held, requests other than ApiVersions are recorded but not answered (a slow
    // broker); release() answers them in order.
    void hold() { m_holding = true; }
    void release();

    // Every request received, as (api key, version), ApiVersions included.
    const std::vector<std::pair<int16_t, int16_t>> &received() const { return m_received; }
    int count(protocol::ApiKey key) const;

private:
    struct Api
    {
        protocol::Versions versions;
        std::function<protocol::Bytes(int16_t, protocol::Reader &, int32_t)> answer;
    };
    void onReadable(QTcpSocket *socket);
    protocol::Bytes answer(protocol::ByteView frame);

    int32_t m_nodeId;
    QTcpServer m_server;
    std::map<int16_t, Api> m_apis;
    std::map<QTcpSocket *, QByteArray> m_buffers;
    std::vector<std::pair<int16_t, int16_t>> m_received;
    bool m_holding = false;
    std::vector<std::pair<QTcpSocket *, protocol::Bytes>> m_held; // the frames, unanswered
};

} // namespace kastle::testing
