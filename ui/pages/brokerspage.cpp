// Brokers page: broker table and the selected broker's configs.
#include "brokerspage.h"
#include "configeditor.h"
#include "models/brokermodel.h"
#include "models/entityproxies.h"
#include "session/clustersession.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace kastle::ui {

BrokersPage::BrokersPage(QWidget *parent)
    : ClusterPage(parent)
{
    setObjectName(QStringLiteral("brokersPage"));
    m_model = new core::BrokerModel(this);
    auto *proxy = new core::BrokerProxy(this);
    proxy->setSourceModel(m_model);
    m_configs = new ConfigTableModel(this);
    auto *configProxy = new QSortFilterProxyModel(this);
    configProxy->setSourceModel(m_configs);
    configProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *content = new QWidget(this);
    m_table = new QTableView(content);
    m_table->setObjectName(QStringLiteral("brokerTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(core::BrokerModel::IdColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(core::BrokerModel::HostColumn, 200);

    auto *configBox = new QWidget(content);
    m_configTitle = new QLabel(tr("Select a broker to see its configs."), configBox);
    m_configFilter = new QLineEdit(configBox);
    m_configFilter->setObjectName(QStringLiteral("brokerConfigFilter"));
    m_configFilter->setPlaceholderText(tr("Filter configs (Ctrl+F)"));
    m_configFilter->setClearButtonEnabled(true);
    m_configTable = new QTableView(configBox);
    m_configTable->setObjectName(QStringLiteral("brokerConfigs"));
    m_configTable->setModel(configProxy);
    m_configTable->setSortingEnabled(true);
    m_configTable->sortByColumn(ConfigTableModel::Name, Qt::AscendingOrder);
    m_configTable->verticalHeader()->hide();
    m_configTable->horizontalHeader()->setStretchLastSection(true);
    m_configTable->setColumnWidth(ConfigTableModel::Name, 280);
    m_configTable->setColumnWidth(ConfigTableModel::Value, 220);
    m_configTable->setColumnWidth(ConfigTableModel::Source, 170);
    auto *configLayout = new QVBoxLayout(configBox);
    configLayout->setContentsMargins(0, 0, 0, 0);
    configLayout->addWidget(m_configTitle);
    configLayout->addWidget(m_configFilter);
    configLayout->addWidget(m_configTable, 1);

    auto *split = new QSplitter(Qt::Vertical, content);
    split->addWidget(m_table);
    split->addWidget(configBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(split);
    setContent(content);

    connect(m_configFilter, &QLineEdit::textChanged, configProxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showConfigs(current.data(core::BrokerModel::IdRole).toInt());
            });
}

void BrokersPage::showSnapshot(const core::ClusterSnapshotPtr &s)
{
    m_model->setSnapshot(s);
    if (!showSessionState(s, s && !s->brokers->brokers.empty(),
                          tr("The cluster reported no brokers.")))
        return;
    if (m_configBroker < 0 && m_model->rowCount() > 0)
        m_table->selectRow(0);
}

void BrokersPage::showConfigs(int brokerId)
{
    if (!session() || brokerId == m_configBroker)
        return;
    m_configBroker = brokerId;
    m_configTitle->setText(tr("Configs of broker %1: loading…").arg(brokerId));
    const quint64 job = ++m_job;
    session()
        ->describeConfigs(core::ConfigResourceType::Broker, QString::number(brokerId))
        .then(this, [this, job, brokerId](const core::Result<core::ConfigSet> &r) {
            if (job != m_job)
                return; // another broker was selected meanwhile
            if (!r) {
                m_configTitle->setText(tr("Configs of broker %1 could not be read: %2")
                                           .arg(brokerId)
                                           .arg(r.error().message));
                m_configBroker = -1;
                return;
            }
            m_configs->setConfigs(*r, false);
            m_configTitle->setText(
                tr("Configs of broker %1 (%n entries)", nullptr, int(r->entries.size()))
                    .arg(brokerId));
        });
}

} // namespace kastle::ui
