// Everything about one cluster: a banner in the colour of its environment tag (so every page of
// a production cluster says so), and a page switcher with the overview, brokers, topics,
// groups and messages pages. Pages that do not exist yet are honest placeholders; later work
// replaces them with addPage(key, ...).
#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabBar;
class QFrame;

namespace kastle::core {
class Workspace;
struct ConnectionTestOutcome;
} // namespace kastle::core

namespace kastle::ui {

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

Q_SIGNALS:
    void connectRequested(const QString &clusterId);
    void editRequested(const QString &clusterId);

private:
    void refreshHeader();
    QWidget *makeOverview();

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
    QStringList m_keys; // tab index -> key
};

} // namespace kastle::ui
