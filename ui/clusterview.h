// Everything about one cluster: a banner in the colour of its environment tag (so every page of
// a production cluster says so), and a page switcher with the overview, brokers, topics,
// groups and messages pages. The overview, brokers, topics and groups pages show the cluster's
// live session (Workspace::session) as it opens and closes; the messages page is added by the
// message browser with addPage(key, ...).
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabBar;
class QFrame;

namespace kastle::core {
class ClusterSession;
class MetricsStore;
class Workspace;
} // namespace kastle::core

namespace kastle::ui {

class ClusterPage;
class OverviewPage;
class BrokersPage;
class TopicsPage;
class GroupsPage;

class ClusterView : public QWidget
{
    Q_OBJECT
public:
    ClusterView(core::Workspace &workspace, const QString &clusterId, QWidget *parent = nullptr);

    QString clusterId() const { return m_clusterId; }

    // Keys of the built-in pages.
    static QStringList pageKeys(); // overview, brokers, topics, groups, messages

    // Adds a page, or replaces the page with the same key (keeping its tab position).
    void addPage(const QString &key, const QString &title, QWidget *page);
    QWidget *page(const QString &key) const;
    void setCurrentPage(const QString &key);
    QString currentPage() const;

    // A page is built when its tab is first shown or it is asked for here (the overview at
    // once), so a connect click does not build five pages in one go.
    OverviewPage *overviewPage() const { return m_overviewPage; }
    BrokersPage *brokersPage() const;
    TopicsPage *topicsPage() const;
    GroupsPage *groupsPage() const;
    // The page in front if it is one of the cluster pages (for Ctrl+F and F5), else null.
    ClusterPage *currentClusterPage() const;
    // Shows a topic or group in its page (the jump palette).
    void openTopic(const QString &name);
    void openGroup(const QString &groupId);

Q_SIGNALS:
    void connectRequested(const QString &clusterId);
    void editRequested(const QString &clusterId);

private:
    void refreshHeader();
    QWidget *makeOverview();
    // Builds the built-in page at `index` of pageKeys() if it is not built yet.
    void ensurePage(int index);
    void attachSession();
    void setPagesSession(core::ClusterSession *session, core::MetricsStore *history);

    core::Workspace &m_workspace;
    QString m_clusterId;
    QFrame *m_banner;
    QLabel *m_title;
    QLabel *m_environment;
    QLabel *m_bootstrap;
    QLabel *m_status;
    QPushButton *m_connect;
    QTabBar *m_tabs;
    QStackedWidget *m_pages;
    QStringList m_keys;                     // tab index -> key
    OverviewPage *m_overviewPage = nullptr; // inside the overview tab, under the status row
    BrokersPage *m_brokersPage = nullptr;
    TopicsPage *m_topicsPage = nullptr;
    GroupsPage *m_groupsPage = nullptr;
    QList<bool> m_built; // per index of pageKeys(); the others hold a placeholder
};

} // namespace kastle::ui
