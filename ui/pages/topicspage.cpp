// Topics page: table, filter and the topic actions.
#include "topicspage.h"
#include "charts/sparklinedelegate.h"
#include "configeditor.h"
#include "models/entityproxies.h"
#include "models/topicmodel.h"
#include "session/clustersession.h"
#include "theme.h"
#include "topicdetail.h"
#include "topicdialogs.h"
#include "widgets/severitydelegate.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kastle::ui {

TopicsPage::TopicsPage(QWidget *parent)
    : ClusterPage(parent)
{
    setObjectName(QStringLiteral("topicsPage"));
    m_model = new core::TopicModel(this);
    // A first fill of 10,000 topics goes in steps of this many rows, one per event-loop turn,
    // so that no turn holds the UI thread for the whole table (the budget is 50 ms a turn).
    m_model->setMaxInsertsPerUpdate(2000);
    m_proxy = new core::TopicProxy(this);
    m_proxy->setSourceModel(m_model);

    auto *content = new QWidget(this);
    m_views = new QStackedWidget(content);
    auto *list = new QWidget(m_views);

    m_filter = new QLineEdit(list);
    m_filter->setObjectName(QStringLiteral("topicFilter"));
    m_filter->setPlaceholderText(tr("Filter topics (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_internal = new QCheckBox(tr("Show internal topics"), list);
    m_internal->setObjectName(QStringLiteral("showInternal"));
    m_count = new QLabel(list);
    m_count->setObjectName(QStringLiteral("topicCount"));

    const auto action = [this](const QString &icon, const QString &text, const QKeySequence &key) {
        auto *a = new QAction(icon.isEmpty() ? QIcon() : Theme::icon(icon), text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        return a;
    };
    m_create = action(QStringLiteral("add"), tr("Create topic…"), QKeySequence(tr("Ctrl+Shift+N")));
    m_delete = action(QStringLiteral("delete"), tr("Delete topic…"), QKeySequence::Delete);
    m_addPartitions = action(QString(), tr("Add partitions…"), QKeySequence(tr("Ctrl+P")));
    m_configs = action(QStringLiteral("settings"), tr("Edit configs…"), QKeySequence(tr("Ctrl+E")));
    connect(m_create, &QAction::triggered, this, [this] { createTopic(); });
    connect(m_delete, &QAction::triggered, this, [this] { deleteTopic(selectedTopic()); });
    connect(m_addPartitions, &QAction::triggered, this, [this] { addPartitions(selectedTopic()); });
    connect(m_configs, &QAction::triggered, this, [this] { editConfigs(selectedTopic()); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 2);
    bar->addWidget(m_internal);
    bar->addWidget(m_count, 1);
    for (QAction *a : {m_create, m_delete, m_addPartitions, m_configs}) {
        auto *b = new QToolButton(list);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        bar->addWidget(b);
    }

    m_table = new QTableView(list);
    m_table->setObjectName(QStringLiteral("topicTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(core::TopicModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: no per-row measuring, so 10,000 rows scroll and sort instantly.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(core::TopicModel::NameColumn, 260);
    m_table->setColumnWidth(core::TopicModel::TrendColumn, 110);
    m_table->setItemDelegateForColumn(core::TopicModel::TrendColumn,
                                      new SparklineDelegate(core::TopicModel::TrendRole, m_table));
    m_table->setItemDelegateForColumn(core::TopicModel::StatusColumn,
                                      new SeverityDelegate(m_table));
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_addPartitions, m_configs, m_delete});

    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 4, 0, 0);
    listLayout->addLayout(bar);
    listLayout->addWidget(m_table, 1);

    m_views->addWidget(list);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_views);
    setContent(content);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateCount();
    });
    connect(m_internal, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setShowInternal(on);
        updateCount();
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) {
        openTopic(i.data(core::TopicModel::KeyRole).toString());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TopicsPage::updateActions);
    // Rows also arrive between snapshots (the steps of a first fill).
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TopicsPage::updateCount);
    updateActions();
}

TopicDetail *TopicsPage::detail() const
{
    if (m_detail)
        return m_detail;
    // Built when first asked for: the list shows first, and a page built faster shows sooner.
    auto *self = const_cast<TopicsPage *>(this);
    m_detail = new TopicDetail(m_views);
    m_views->addWidget(m_detail);
    connect(m_detail, &TopicDetail::backRequested, self, &TopicsPage::showList);
    connect(m_detail, &TopicDetail::deleteRequested, self,
            [self](const QString &t) { self->deleteTopic(t); });
    connect(m_detail, &TopicDetail::addPartitionsRequested, self,
            [self](const QString &t) { self->addPartitions(t); });
    connect(m_detail, &TopicDetail::configsRequested, self,
            [self](const QString &t) { self->editConfigs(t); });
    m_detail->setHistory(history());
    m_detail->setSnapshot(snapshot());
    return m_detail;
}

void TopicsPage::setSession(core::ClusterSession *session, core::MetricsStore *history)
{
    if (m_detail)
        m_detail->setHistory(history);
    if (!session)
        m_model->setSnapshot(nullptr);
    m_model->setHistory(history);
    ClusterPage::setSession(session, history);
    updateActions();
}

void TopicsPage::refresh()
{
    ClusterPage::refresh();
    if (m_detail)
        m_detail->reloadCharts();
}

void TopicsPage::showSnapshot(const core::ClusterSnapshotPtr &s)
{
    m_model->setSnapshot(s);
    if (m_detail)
        m_detail->setSnapshot(s);
    // An empty cluster still shows the table, so its Create button is at hand; the count line
    // says what to do.
    showSessionState(s, true, {});
    updateCount();
}

QString TopicsPage::selectedTopic() const
{
    if (m_detail && m_views->currentWidget() == m_detail)
        return m_detail->topic();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(core::TopicModel::KeyRole).toString();
}

void TopicsPage::updateActions()
{
    const bool connected = session() != nullptr;
    const bool one = !selectedTopic().isEmpty();
    m_create->setEnabled(connected);
    m_delete->setEnabled(connected && one);
    m_addPartitions->setEnabled(connected && one);
    m_configs->setEnabled(connected && one);
}

void TopicsPage::updateCount()
{
    const int shown = m_proxy->rowCount(), all = m_model->rowCount();
    if (all == 0) {
        m_count->setText(tr("No topics yet. Create one with Ctrl+Shift+N."));
        return;
    }
    if (shown == 0) {
        m_count->setText(tr("No topic matches the filter (%n topic(s) in all).", nullptr, all));
        return;
    }
    m_count->setText(shown == all ? tr("%n topic(s)", nullptr, all)
                                  : tr("%1 of %n topic(s)", nullptr, all).arg(shown));
}

void TopicsPage::openTopic(const QString &name)
{
    if (name.isEmpty())
        return;
    detail()->showTopic(name);
    m_views->setCurrentWidget(m_detail);
    updateActions();
}

void TopicsPage::showList()
{
    m_views->setCurrentIndex(0);
    m_table->setFocus();
    updateActions();
}

void TopicsPage::reportFailure(const QString &title, const QString &message)
{
    Q_EMIT operationFinished(false, message);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("operationError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QDialog *TopicsPage::createTopic()
{
    if (!session())
        return nullptr;
    QSet<QString> names;
    int brokers = 1;
    if (const core::ClusterSnapshotPtr s = snapshot()) {
        for (const core::TopicSnapshotPtr &t : s->topics->topics)
            names.insert(t->name);
        brokers = std::max<int>(1, int(s->brokers->brokers.size()));
    }
    auto *dialog = new CreateTopicDialog(names, brokers, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const core::NewTopic topic = dialog->topic();
        session()->createTopic(topic).then(this, [this, topic](const core::Status &s) {
            if (!s)
                return reportFailure(tr("Could not create the topic"), s.error().message);
            Q_EMIT operationFinished(true, tr("Topic %1 created.").arg(topic.name));
            refresh();
        });
    });
    dialog->open();
    return dialog;
}

QDialog *TopicsPage::deleteTopic(const QString &name)
{
    if (!session() || name.isEmpty())
        return nullptr;
    auto *dialog = new DeleteTopicDialog(name, m_production, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, name] {
        session()->deleteTopic(name).then(this, [this, name](const core::Status &s) {
            if (!s)
                return reportFailure(tr("Could not delete the topic"), s.error().message);
            Q_EMIT operationFinished(true, tr("Topic %1 deleted.").arg(name));
            if (m_detail && m_detail->topic() == name)
                showList();
            refresh();
        });
    });
    dialog->open();
    return dialog;
}

QDialog *TopicsPage::addPartitions(const QString &name)
{
    const core::ClusterSnapshotPtr snap = snapshot();
    const core::TopicSnapshot *t = snap ? snap->topics->find(name) : nullptr;
    if (!session() || !t)
        return nullptr;
    auto *dialog = new AddPartitionsDialog(name, int(t->partitions.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, name] {
        const int total = dialog->total();
        session()
            ->addPartitions(name, total)
            .then(this, [this, name, total](const core::Status &s) {
                if (!s)
                    return reportFailure(tr("Could not add partitions"), s.error().message);
                Q_EMIT operationFinished(true,
                                         tr("%1 now has %2 partitions.").arg(name).arg(total));
                refresh();
            });
    });
    dialog->open();
    return dialog;
}

void TopicsPage::editConfigs(const QString &name)
{
    if (!session() || name.isEmpty())
        return;
    Q_EMIT operationFinished(true, tr("Reading the configs of %1…").arg(name));
    session()
        ->describeConfigs(core::ConfigResourceType::Topic, name)
        .then(this, [this, name](const core::Result<core::ConfigSet> &r) {
            if (!r)
                return reportFailure(tr("Could not read the configs"), r.error().message);
            auto *dialog = new ConfigEditorDialog(*r, session() != nullptr, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &ConfigEditorDialog::applyRequested, this,
                    [this, dialog, name](const std::vector<core::ConfigChange> &changes) {
                        if (!session())
                            return;
                        dialog->setBusy(true, tr("Applying…"));
                        QPointer<ConfigEditorDialog> d(dialog);
                        session()
                            ->alterConfigs(core::ConfigResourceType::Topic, name, changes)
                            .then(this, [this, d, name](const core::Status &s) {
                                if (!s) {
                                    if (d)
                                        d->setBusy(false, s.error().message);
                                    Q_EMIT operationFinished(false, s.error().message);
                                    return;
                                }
                                Q_EMIT operationFinished(true,
                                                         tr("Configs of %1 changed.").arg(name));
                                if (d)
                                    d->accept();
                            });
                    });
            dialog->open();
            Q_EMIT configEditorOpened(dialog);
        });
}

} // namespace kastle::ui
