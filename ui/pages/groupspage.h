// The consumer groups page: a table (group, state, members, topics, total lag, lag trend
// sparkline, lag in seconds) and, for an opened group, its detail: members and their
// assignments, committed / end / lag per partition, lag over time (total and per topic) from the
// history store, and delete (refused with a reason while the group has members).
#pragma once

#include "clusterpage.h"

class QLabel;
class QStackedWidget;
class QTableView;
class QPushButton;

namespace kastle::core {
class GroupModel;
class GroupProxy;
class GroupMemberModel;
class GroupOffsetModel;
} // namespace kastle::core

namespace kastle::ui {

class TimeSeriesChart;

class GroupsPage : public ClusterPage
{
    Q_OBJECT
public:
    explicit GroupsPage(QWidget *parent = nullptr);

    void setSession(core::ClusterSession *session, core::MetricsStore *history) override;
    QLineEdit *filterEdit() const override { return m_filter; }
    void refresh() override;

    core::GroupModel *model() const { return m_model; }
    core::GroupProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    core::GroupMemberModel *members() const { return m_members; }
    core::GroupOffsetModel *offsets() const { return m_offsets; }
    TimeSeriesChart *lagChart() const { return m_chart; }
    QString openedGroup() const { return m_group; }

    void openGroup(const QString &groupId);
    void showList();
    // Asks first; refuses (with the reason) while the group has active members.
    QDialog *deleteGroup(const QString &groupId);
    // Why the group cannot be deleted now, empty if it can.
    QString deleteRefusal(const QString &groupId) const;

Q_SIGNALS:
    void operationFinished(bool ok, const QString &message);

protected:
    void showSnapshot(const core::ClusterSnapshotPtr &snapshot) override;

private:
    void showDetail(const core::ClusterSnapshotPtr &snapshot);
    void updateCount(); // "3 of 12 group(s)" while filtered
    void rebuildChart(const core::GroupSnapshot *group);

    core::GroupModel *m_model;
    core::GroupProxy *m_proxy;
    core::GroupMemberModel *m_members;
    core::GroupOffsetModel *m_offsets;
    QStackedWidget *m_views;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_count;
    QString m_group;
    QStringList m_chartTopics;
    QLabel *m_title;
    QLabel *m_summary;
    QTableView *m_memberTable;
    QTableView *m_offsetTable;
    TimeSeriesChart *m_chart;
    QPushButton *m_delete;
};

} // namespace kastle::ui
