// Page base: session attachment and the loading/empty/error states.
#include "clusterpage.h"
#include "session/clustersession.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLoggingCategory>
#include <QStackedLayout>

namespace kastle::ui {

// How long each page took over a snapshot: every page shares the UI thread's 50 ms budget, so
// one that takes half of it says so (info); debug shows every page above 5 ms.
Q_LOGGING_CATEGORY(lcPages, "kastle.ui.pages")

ClusterPage::ClusterPage(QWidget *parent)
    : QWidget(parent)
{
    m_stack = new QStackedLayout(this);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("pageState"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_state->setMargin(24);
    m_stack->addWidget(m_state);
    showState(PageState::Disconnected, tr("Not connected. Connect to the cluster to see it."));
}

void ClusterPage::setSession(core::ClusterSession *session, core::MetricsStore *history)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_history = history;
    if (!session) {
        m_snapshot.reset();
        showState(PageState::Disconnected, tr("Not connected. Connect to the cluster to see it."));
        return;
    }
    connect(
        session, &core::ClusterSession::snapshotPublished, this,
        [this](const core::ClusterSnapshotPtr &s) {
            m_snapshot = s;
            QElapsedTimer t;
            t.start();
            showSnapshot(s);
            const qint64 ms = t.elapsed();
            if (ms >= 25)
                qCInfo(lcPages, "%s took %lld ms over snapshot %llu", qPrintable(objectName()),
                       static_cast<long long>(ms), static_cast<unsigned long long>(s->sequence));
            else if (ms >= 5)
                qCDebug(lcPages, "%s took %lld ms over snapshot %llu", qPrintable(objectName()),
                        static_cast<long long>(ms), static_cast<unsigned long long>(s->sequence));
        });
    m_snapshot = session->snapshot();
    if (m_snapshot)
        showSnapshot(m_snapshot);
    else
        showState(PageState::Loading, tr("Connecting…"));
}

void ClusterPage::refresh()
{
    if (m_session)
        m_session->refresh();
}

void ClusterPage::setContent(QWidget *content)
{
    m_content = content;
    m_stack->addWidget(content);
}

void ClusterPage::showContent()
{
    if (m_content && m_stack->currentWidget() != m_content)
        m_stack->setCurrentWidget(m_content);
}

void ClusterPage::showState(PageState state, const QString &text)
{
    m_state->setProperty("pageState", int(state));
    m_state->setText(text);
    m_stack->setCurrentWidget(m_state);
}

QString ClusterPage::stateText() const
{
    return showingContent() ? QString() : m_state->text();
}

bool ClusterPage::showingContent() const
{
    return m_content && m_stack->currentWidget() == m_content;
}

bool ClusterPage::showSessionState(const core::ClusterSnapshotPtr &s, bool hasData,
                                   const QString &emptyText)
{
    if (!s) {
        showState(PageState::Loading, tr("Connecting…"));
        return false;
    }
    if (!s->coverage.testFlag(core::Coverage::Metadata)) {
        if (s->status.state == core::SessionState::Lost)
            showState(PageState::Error,
                      tr("The cluster does not answer: %1").arg(s->status.reason));
        else
            showState(PageState::Loading, tr("Loading…"));
        return false;
    }
    if (!hasData) {
        showState(PageState::Empty, emptyText);
        return false;
    }
    showContent();
    return true;
}

} // namespace kastle::ui
