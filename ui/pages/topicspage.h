// The topics page: a fast filterable table of every topic (name, partitions, replication factor,
// messages, size, messages/s with a sparkline, health badges, internal toggle) with the actions
// create, delete, add partitions and edit configs; opening a topic shows its detail page.
#pragma once

#include "clusterpage.h"

class QCheckBox;
class QLabel;
class QStackedWidget;
class QTableView;
class QAction;

namespace kastle::core {
class TopicModel;
class TopicProxy;
} // namespace kastle::core

namespace kastle::ui {

class TopicDetail;
class ConfigEditorDialog;

class TopicsPage : public ClusterPage
{
    Q_OBJECT
public:
    explicit TopicsPage(QWidget *parent = nullptr);

    void setSession(core::ClusterSession *session, core::MetricsStore *history) override;
    QLineEdit *filterEdit() const override { return m_filter; }
    void refresh() override;
    // Delete asks for more on production-tagged clusters.
    void setProduction(bool production) { m_production = production; }

    core::TopicModel *model() const { return m_model; }
    core::TopicProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    TopicDetail *detail() const; // built when first asked for
    QString selectedTopic() const;

    // The flows behind the buttons; each opens a window-modal dialog and returns it.
    QDialog *createTopic();
    QDialog *deleteTopic(const QString &name);
    QDialog *addPartitions(const QString &name);
    // Asks the cluster for the configs, then opens the editor (returned through the signal).
    void editConfigs(const QString &name);
    void openTopic(const QString &name);
    void showList();

Q_SIGNALS:
    void configEditorOpened(kastle::ui::ConfigEditorDialog *dialog);
    // An operation finished: ok, and a sentence for the status line.
    void operationFinished(bool ok, const QString &message);

protected:
    void showSnapshot(const core::ClusterSnapshotPtr &snapshot) override;

private:
    void updateActions();
    void updateCount();
    void reportFailure(const QString &title, const QString &message);

    core::TopicModel *m_model;
    core::TopicProxy *m_proxy;
    QStackedWidget *m_views;
    QTableView *m_table;
    QLineEdit *m_filter;
    QCheckBox *m_internal;
    QLabel *m_count;
    mutable TopicDetail *m_detail = nullptr;
    QAction *m_create;
    QAction *m_delete;
    QAction *m_addPartitions;
    QAction *m_configs;
    bool m_production = false;
};

} // namespace kastle::ui
