// Base of the per-cluster pages: the session and history they show, and the loading, empty and
// error states every page has (a page never shows a blank pane). A page switches between its
// content and a state message with showContent() / showState().
#pragma once

#include "history/metricsstore.h"
#include "session/clustersession.h"
#include "session/snapshot.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedLayout;

namespace kastle::ui {

class ClusterPage : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterPage(QWidget *parent = nullptr);

    // Null session: not connected. The page shows the last snapshot until a new one arrives.
    virtual void setSession(core::ClusterSession *session, core::MetricsStore *history);
    core::ClusterSession *session() const { return m_session; }
    core::MetricsStore *history() const { return m_history; }
    core::ClusterSnapshotPtr snapshot() const { return m_snapshot; }

    // The filter field Ctrl+F focuses (null if the page has none).
    virtual QLineEdit *filterEdit() const { return nullptr; }
    // F5: ask the session for fresh data and reload charts.
    virtual void refresh();

    enum class PageState { Loading, Empty, Error, Disconnected };
    QString stateText() const; // the message shown, empty while the content shows
    bool showingContent() const;

protected:
    // Called for every published snapshot (and once on attach with the current one).
    virtual void showSnapshot(const core::ClusterSnapshotPtr &snapshot) = 0;
    void setContent(QWidget *content);
    void showContent();
    void showState(PageState state, const QString &text);
    // Shows Loading/Disconnected/Error from the session state when no data is there yet;
    // returns true if the snapshot has data worth showing.
    bool showSessionState(const core::ClusterSnapshotPtr &snapshot, bool hasData,
                          const QString &emptyText);

private:
    QPointer<core::ClusterSession> m_session;
    QPointer<core::MetricsStore> m_history;
    core::ClusterSnapshotPtr m_snapshot;
    QStackedLayout *m_stack;
    QLabel *m_state;
    QWidget *m_content = nullptr;
};

} // namespace kastle::ui
