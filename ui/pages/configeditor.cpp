// Config table with pending edits, and the review-then-apply dialog.
#include "configeditor.h"

#include <QDialogButtonBox>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace kastle::ui {

ConfigTableModel::ConfigTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ConfigTableModel::setConfigs(const core::ConfigSet &set, bool editable)
{
    beginResetModel();
    m_set = set;
    m_editable = editable;
    m_edits.clear();
    endResetModel();
}

QString ConfigTableModel::sourceText(core::ConfigSource source)
{
    switch (source) {
    case core::ConfigSource::DynamicTopic:
        return tr("topic override");
    case core::ConfigSource::DynamicBroker:
        return tr("broker (dynamic)");
    case core::ConfigSource::DynamicDefaultBroker:
        return tr("cluster default (dynamic)");
    case core::ConfigSource::StaticBroker:
        return tr("broker config file");
    case core::ConfigSource::Default:
        return tr("default");
    case core::ConfigSource::DynamicBrokerLogger:
        return tr("broker logger");
    case core::ConfigSource::Unknown:
        break;
    }
    return tr("unknown");
}

std::vector<core::ConfigChange> ConfigTableModel::changes() const
{
    std::vector<core::ConfigChange> out;
    QList<int> rows = m_edits.keys();
    std::sort(rows.begin(), rows.end());
    for (int row : rows) {
        const core::ConfigEntry &e = m_set.entries[size_t(row)];
        const QString &v = m_edits[row];
        if (v.isNull()) {
            if (!e.isDefault())
                out.push_back({e.name, {}, core::ConfigChange::Operation::Delete});
        } else if (v != e.value || e.isNull) {
            out.push_back({e.name, v, core::ConfigChange::Operation::Set});
        }
    }
    return out;
}

void ConfigTableModel::resetToDefault(int row)
{
    if (row < 0 || size_t(row) >= m_set.entries.size() ||
        !flags(index(row, Value)).testFlag(Qt::ItemIsEditable))
        return;
    m_edits.insert(row, QString());
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

bool ConfigTableModel::setValue(const QString &name, const QString &value)
{
    for (size_t i = 0; i < m_set.entries.size(); ++i)
        if (m_set.entries[i].name == name)
            return setData(index(int(i), Value), value, Qt::EditRole);
    return false;
}

int ConfigTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_set.entries.size());
}

int ConfigTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigTableModel::data(const QModelIndex &index, int role) const
{
    if (index.row() < 0 || size_t(index.row()) >= m_set.entries.size())
        return {};
    const core::ConfigEntry &e = m_set.entries[size_t(index.row())];
    const bool edited = m_edits.contains(index.row());
    if (role == Qt::FontRole && edited) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole) {
        if (e.readOnly)
            return tr("Read-only: set in the broker's configuration file.");
        return e.documentation.isEmpty() ? QVariant() : QVariant(e.documentation);
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Name:
        return e.name;
    case Value:
        if (edited) {
            const QString &v = m_edits[index.row()];
            if (v.isNull())
                return role == Qt::EditRole ? QString() : tr("(reset to default)");
            return v;
        }
        if (e.sensitive)
            return role == Qt::EditRole ? QString() : tr("(hidden)");
        return e.isNull ? QString() : e.value;
    case Source:
        return sourceText(e.source);
    case Default:
        return e.defaultIsNull ? QString() : e.defaultValue;
    }
    return {};
}

bool ConfigTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Value || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const core::ConfigEntry &e = m_set.entries[size_t(index.row())];
    const QString v = value.toString();
    if (v == e.value && !e.isNull)
        m_edits.remove(index.row()); // back to what the cluster has
    else
        m_edits.insert(index.row(), v.isEmpty() ? QString() : v);
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags ConfigTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (m_editable && index.column() == Value && size_t(index.row()) < m_set.entries.size() &&
        !m_set.entries[size_t(index.row())].readOnly)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ConfigTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Config");
    case Value:
        return tr("Value");
    case Source:
        return tr("Source");
    case Default:
        return tr("Default");
    }
    return {};
}

// ------------------------------------------------------------------------------------------

ConfigEditorDialog::ConfigEditorDialog(const core::ConfigSet &set, bool editable, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("configEditor"));
    setWindowTitle(set.type == core::ConfigResourceType::Topic
                       ? tr("Configs of topic %1").arg(set.name)
                       : tr("Configs of broker %1").arg(set.name));
    m_model = new ConfigTableModel(this);
    m_model->setConfigs(set, editable);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter configs"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("configTable"));
    m_table->setModel(proxy);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ConfigTableModel::Name, 260);
    m_table->setColumnWidth(ConfigTableModel::Value, 200);
    m_table->setColumnWidth(ConfigTableModel::Source, 150);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this, proxy](const QPoint &p) {
        const QModelIndex i = proxy->mapToSource(m_table->indexAt(p));
        if (!i.isValid())
            return;
        QMenu menu;
        menu.addAction(tr("Reset to default"), this,
                       [this, i] { m_model->resetToDefault(i.row()); });
        menu.exec(m_table->viewport()->mapToGlobal(p));
    });

    auto *editPage = new QWidget(this);
    auto *editLayout = new QVBoxLayout(editPage);
    editLayout->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(editable ? tr("Double-click a value to change it; clear it (or use the "
                                          "context menu) to return to the default. Read-only "
                                          "configs come from the broker's file.")
                                     : tr("Not connected: configs are shown read-only."),
                            editPage);
    hint->setWordWrap(true);
    editLayout->addWidget(hint);
    editLayout->addWidget(m_filter);
    editLayout->addWidget(m_table, 1);

    auto *reviewPage = new QWidget(this);
    auto *reviewLayout = new QVBoxLayout(reviewPage);
    reviewLayout->setContentsMargins(0, 0, 0, 0);
    reviewLayout->addWidget(new QLabel(tr("These changes will be sent:"), reviewPage));
    m_review = new QPlainTextEdit(reviewPage);
    m_review->setObjectName(QStringLiteral("configReview"));
    m_review->setReadOnly(true);
    reviewLayout->addWidget(m_review, 1);

    m_steps = new QStackedWidget(this);
    m_steps->addWidget(editPage);
    m_steps->addWidget(reviewPage);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("configStatus"));
    m_status->setWordWrap(true);
    m_reviewButton = new QPushButton(tr("Review changes…"), this);
    m_reviewButton->setObjectName(QStringLiteral("reviewButton"));
    m_applyButton = new QPushButton(tr("Apply"), this);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_backButton = new QPushButton(tr("Back"), this);
    auto *close = new QPushButton(tr("Close"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_backButton);
    buttons->addWidget(m_reviewButton);
    buttons->addWidget(m_applyButton);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_steps, 1);
    layout->addLayout(buttons);

    const auto updateButtons = [this, editable] {
        const bool inReview = reviewing();
        m_reviewButton->setVisible(!inReview && editable);
        m_reviewButton->setEnabled(!m_model->changes().empty());
        m_applyButton->setVisible(inReview);
        m_backButton->setVisible(inReview);
    };
    connect(m_model, &QAbstractItemModel::dataChanged, this, updateButtons);
    connect(m_reviewButton, &QPushButton::clicked, this, &ConfigEditorDialog::review);
    connect(m_backButton, &QPushButton::clicked, this, [this, updateButtons] {
        m_steps->setCurrentIndex(0);
        updateButtons();
    });
    connect(m_applyButton, &QPushButton::clicked, this,
            [this] { Q_EMIT applyRequested(m_model->changes()); });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_steps, &QStackedWidget::currentChanged, this, updateButtons);
    updateButtons();
    resize(860, 560);
}

QString ConfigEditorDialog::reviewText() const
{
    QStringList lines;
    const core::ConfigSet &set = m_model->configs();
    for (const core::ConfigChange &c : m_model->changes()) {
        QString before;
        for (const core::ConfigEntry &e : set.entries)
            if (e.name == c.name)
                before = e.isNull ? tr("(none)") : e.value;
        if (c.operation == core::ConfigChange::Operation::Delete)
            lines.append(tr("reset  %1: %2 → default").arg(c.name, before));
        else
            lines.append(tr("set    %1: %2 → %3").arg(c.name, before, c.value));
    }
    return lines.join(QLatin1Char('\n'));
}

void ConfigEditorDialog::review()
{
    if (m_model->changes().empty())
        return;
    m_review->setPlainText(reviewText());
    m_steps->setCurrentIndex(1);
}

bool ConfigEditorDialog::reviewing() const
{
    return m_steps->currentIndex() == 1;
}

void ConfigEditorDialog::setBusy(bool busy, const QString &message)
{
    m_applyButton->setEnabled(!busy);
    m_backButton->setEnabled(!busy);
    m_status->setText(message);
}

} // namespace kastle::ui
