// Log panel.
#include "logdock.h"
#include "models/logfilterproxy.h"
#include "models/logmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace kastle::ui {

LogDock::LogDock(core::LogModel *model, QWidget *parent)
    : QDockWidget(tr("Log"), parent)
    , m_model(model)
    , m_proxy(new core::LogFilterProxy(this))
{
    setObjectName(QStringLiteral("logDock"));
    m_proxy->setSourceModel(model);

    auto *body = new QWidget(this);
    m_level = new QComboBox(body);
    m_level->setObjectName(QStringLiteral("logLevelCombo"));
    m_level->addItem(tr("Debug and above"), 0);
    m_level->addItem(tr("Info and above"), 1);
    m_level->addItem(tr("Warnings and errors"), 2);
    m_level->addItem(tr("Errors only"), 3);
    m_level->setCurrentIndex(1);
    m_proxy->setMinimumSeverity(1);
    m_search = new QLineEdit(body);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Search the log"));
    m_search->setClearButtonEnabled(true);
    auto *clear = new QPushButton(tr("Clear"), body);

    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_proxy);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 4);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setColumnWidth(core::LogModel::TimeColumn, 100);
    m_view->setColumnWidth(core::LogModel::LevelColumn, 70);
    m_view->setColumnWidth(core::LogModel::CategoryColumn, 130);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_level);
    bar->addWidget(m_search, 1);
    bar->addWidget(clear);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    setWidget(body);

    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setMinimumSeverity(m_level->currentData().toInt()); });
    connect(m_search, &QLineEdit::textChanged, m_proxy, &core::LogFilterProxy::setSearchText);
    connect(clear, &QPushButton::clicked, m_model, &core::LogModel::clear);
    // Follow new messages while the view is scrolled to the end.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *scroll = m_view->verticalScrollBar();
        m_view->setProperty("follow", scroll->value() >= scroll->maximum() - 2);
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_view->property("follow").toBool())
            m_view->scrollToBottom();
    });
}

} // namespace kastle::ui
