// The brokers page: id, host:port, rack, controller mark, leader and replica counts, size on
// disk; below, the selected broker's configs with their sources (read on demand).
#pragma once

#include "clusterpage.h"

class QLabel;
class QTableView;

namespace kastle::core {
class BrokerModel;
}

namespace kastle::ui {

class ConfigTableModel;

class BrokersPage : public ClusterPage
{
    Q_OBJECT
public:
    explicit BrokersPage(QWidget *parent = nullptr);

    QLineEdit *filterEdit() const override { return m_configFilter; }
    core::BrokerModel *model() const { return m_model; }
    ConfigTableModel *configs() const { return m_configs; }
    void showConfigs(int brokerId);

protected:
    void showSnapshot(const core::ClusterSnapshotPtr &snapshot) override;

private:
    core::BrokerModel *m_model;
    ConfigTableModel *m_configs;
    QTableView *m_table;
    QTableView *m_configTable;
    QLineEdit *m_configFilter;
    QLabel *m_configTitle;
    int m_configBroker = -1;
    quint64 m_job = 0;
};

} // namespace kastle::ui
