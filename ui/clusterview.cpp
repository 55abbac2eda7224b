// Per-cluster container.
#include "clusterview.h"
#include "messages/messagespage.h"
#include "pages/brokerspage.h"
#include "pages/groupspage.h"
#include "pages/overviewpage.h"
#include "pages/topicspage.h"
#include "sandboxpanel.h"
#include "theme.h"
#include "workspace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QVBoxLayout>

#include <array>

namespace kastle::ui {

using core::ConnectionListModel;

ClusterView::ClusterView(core::Workspace &workspace, const QString &clusterId, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_clusterId(clusterId)
{
    setObjectName(QStringLiteral("clusterView"));
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("environmentBanner"));
    m_title = new QLabel(m_banner);
    m_title->setObjectName(QStringLiteral("bannerTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_title->setFont(big);
    m_bootstrap = new QLabel(m_banner);
    m_environment = new QLabel(m_banner);
    m_environment->setObjectName(QStringLiteral("bannerEnvironment"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(12, 8, 12, 8);
    bannerLayout->addWidget(m_title);
    bannerLayout->addSpacing(12);
    bannerLayout->addWidget(m_bootstrap, 1);
    bannerLayout->addWidget(m_environment);

    m_tabs = new QTabBar(this);
    m_tabs->setObjectName(QStringLiteral("pageTabs"));
    m_tabs->setDrawBase(true);
    m_tabs->setExpanding(false);
    m_pages = new QStackedWidget(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs);
    layout->addWidget(m_pages, 1);

    // Every tab at once; the page behind a tab is built when it is first shown or asked for
    // (building all five took ~75 ms of the UI thread at once), the overview now.
    const QStringList titles = {tr("Overview"), tr("Brokers"), tr("Topics"), tr("Consumer groups"),
                                tr("Messages")};
    const QStringList keys = pageKeys();
    for (qsizetype i = 0; i < keys.size(); ++i)
        addPage(keys[i], titles[i], new QWidget(this));
    m_built = QList<bool>(keys.size(), false);
    ensurePage(0);
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int index) {
        ensurePage(index);
        m_pages->setCurrentIndex(index);
    });

    // The header follows this cluster's row of the sidebar model: a change anywhere in the
    // changed range (not only its first row), and a reload of all profiles.
    ConnectionListModel *model = m_workspace.connections();
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_workspace.connections()->rowOf(m_clusterId);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    refreshHeader();
            });
    connect(model, &QAbstractItemModel::modelReset, this, &ClusterView::refreshHeader);
    refreshHeader();

    connect(&m_workspace, &core::Workspace::sessionOpened, this, [this](const QString &id) {
        if (id == m_clusterId)
            attachSession();
    });
    connect(&m_workspace, &core::Workspace::sessionClosing, this, [this](const QString &id) {
        if (id == m_clusterId)
            setPagesSession(nullptr, nullptr);
    });
    attachSession();
}

void ClusterView::ensurePage(int index)
{
    if (index < 0 || index >= m_built.size() || m_built[index])
        return;
    m_built[index] = true;
    const QString key = pageKeys().value(index);
    const QString title = m_tabs->tabText(index);
    ClusterPage *clusterPage = nullptr;
    if (key == QLatin1String("overview")) {
        addPage(key, title, makeOverview());
        clusterPage = m_overviewPage;
    } else if (key == QLatin1String("brokers")) {
        addPage(key, title, m_brokersPage = new BrokersPage(this));
        clusterPage = m_brokersPage;
    } else if (key == QLatin1String("topics")) {
        addPage(key, title, m_topicsPage = new TopicsPage(this));
        clusterPage = m_topicsPage;
    } else if (key == QLatin1String("groups")) {
        addPage(key, title, m_groupsPage = new GroupsPage(this));
        clusterPage = m_groupsPage;
    } else if (key == QLatin1String("messages")) {
        addPage(key, title, MessagesPage::forCluster(m_workspace, m_clusterId, this));
    }
    if (clusterPage)
        clusterPage->setSession(m_workspace.session(m_clusterId), m_workspace.history(m_clusterId));
}

BrokersPage *ClusterView::brokersPage() const
{
    const_cast<ClusterView *>(this)->ensurePage(1); // a cache filled on demand
    return m_brokersPage;
}

TopicsPage *ClusterView::topicsPage() const
{
    const_cast<ClusterView *>(this)->ensurePage(2);
    return m_topicsPage;
}

GroupsPage *ClusterView::groupsPage() const
{
    const_cast<ClusterView *>(this)->ensurePage(3);
    return m_groupsPage;
}

void ClusterView::attachSession()
{
    setPagesSession(m_workspace.session(m_clusterId), m_workspace.history(m_clusterId));
}

void ClusterView::setPagesSession(core::ClusterSession *session, core::MetricsStore *history)
{
    const std::array<ClusterPage *, 4> pages{m_overviewPage, m_brokersPage, m_topicsPage,
                                             m_groupsPage};
    for (ClusterPage *p : pages)
        if (p) // pages not built yet attach when they are
            p->setSession(session, history);
}

ClusterPage *ClusterView::currentClusterPage() const
{
    const QString key = currentPage();
    if (key == QLatin1String("overview"))
        return m_overviewPage;
    if (key == QLatin1String("brokers"))
        return m_brokersPage;
    if (key == QLatin1String("topics"))
        return m_topicsPage;
    if (key == QLatin1String("groups"))
        return m_groupsPage;
    return nullptr;
}

void ClusterView::openTopic(const QString &name)
{
    setCurrentPage(QStringLiteral("topics"));
    m_topicsPage->openTopic(name);
}

void ClusterView::openGroup(const QString &groupId)
{
    setCurrentPage(QStringLiteral("groups"));
    m_groupsPage->openGroup(groupId);
}

QStringList ClusterView::pageKeys()
{
    return {QStringLiteral("overview"), QStringLiteral("brokers"), QStringLiteral("topics"),
            QStringLiteral("groups"), QStringLiteral("messages")};
}

void ClusterView::addPage(const QString &key, const QString &title, QWidget *page)
{
    const qsizetype existing = m_keys.indexOf(key);
    if (existing >= 0) {
        const int at = static_cast<int>(existing);
        QWidget *old = m_pages->widget(at);
        m_pages->insertWidget(at, page);
        m_pages->removeWidget(old);
        old->deleteLater();
        m_tabs->setTabText(at, title);
        // Removing the page in front makes the stack show its neighbour; keep it on the tab.
        m_pages->setCurrentIndex(m_tabs->currentIndex());
        return;
    }
    m_keys.append(key);
    m_pages->addWidget(page);
    m_tabs->addTab(title);
}

QWidget *ClusterView::page(const QString &key) const
{
    const qsizetype i = m_keys.indexOf(key);
    const_cast<ClusterView *>(this)->ensurePage(int(pageKeys().indexOf(key)));
    return i >= 0 ? m_pages->widget(static_cast<int>(i)) : nullptr;
}

void ClusterView::setCurrentPage(const QString &key)
{
    if (const qsizetype i = m_keys.indexOf(key); i >= 0)
        m_tabs->setCurrentIndex(static_cast<int>(i));
}

QString ClusterView::currentPage() const
{
    return m_keys.value(m_tabs->currentIndex());
}

QWidget *ClusterView::makeOverview()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 12, 4, 4);
    const bool sandbox = m_clusterId == ConnectionListModel::sandboxId();
    if (sandbox)
        layout->addWidget(new SandboxPanel(m_workspace, page));

    auto *row = new QHBoxLayout;
    m_status = new QLabel(page);
    m_status->setObjectName(QStringLiteral("clusterStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connect = new QPushButton(Theme::icon(QStringLiteral("connect")), tr("Connect"), page);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    row->addWidget(m_connect, 0, Qt::AlignTop);
    if (!sandbox) {
        auto *edit = new QPushButton(Theme::icon(QStringLiteral("edit")), tr("Edit…"), page);
        row->addWidget(edit, 0, Qt::AlignTop);
        connect(edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_clusterId); });
    }
    row->addSpacing(8);
    row->addWidget(m_status, 1);
    row->addStretch(); // keeps the buttons on the left when the status line is hidden
    layout->addLayout(row);
    m_overviewPage = new OverviewPage(page);
    layout->addWidget(m_overviewPage, 1);
    connect(m_connect, &QPushButton::clicked, this,
            [this] { Q_EMIT connectRequested(m_clusterId); });
    return page;
}

void ClusterView::refreshHeader()
{
    ConnectionListModel *model = m_workspace.connections();
    const std::optional<core::ConnectionProfile> profile = model->profile(m_clusterId);
    if (!profile)
        return;
    const bool sandbox = m_clusterId == ConnectionListModel::sandboxId();
    m_title->setText(profile->name);
    m_bootstrap->setText(profile->bootstrapServers.isEmpty() ? tr("not running")
                                                             : profile->bootstrapServers);
    m_environment->setText(
        sandbox ? tr("SANDBOX")
                : core::ProfileRules::environmentDisplayName(profile->environment).toUpper());
    // A style sheet of the banner's own for its rounded background; its labels are white and
    // bold on every environment colour.
    const QColor color =
        sandbox ? QColor(0x45, 0x5a, 0x64) : Theme::environmentColor(profile->environment);
    m_banner->setStyleSheet(
        QStringLiteral("QFrame#environmentBanner { background: %1; "
                       "border-radius: 4px; } QLabel { color: white; font-weight: 600; }")
            .arg(color.name()));

    const core::ClusterStatus status = model->status(m_clusterId);
    QString text = model->statusText(m_clusterId);
    if (text.isEmpty())
        text = tr("Not connected.");
    m_status->setText(text);
    // The sandbox panel already shows the broker's own state; repeat nothing.
    m_status->setVisible(!sandbox || text != m_workspace.sandbox()->stateText());
    const bool canConnect = !sandbox || !profile->bootstrapServers.isEmpty();
    m_connect->setEnabled(canConnect && status != core::ClusterStatus::Connecting);
    m_connect->setText(status == core::ClusterStatus::Connected ? tr("Check again")
                                                                : tr("Connect"));
    if (sandbox && !canConnect)
        m_connect->setToolTip(tr("Start the sandbox first."));
    else
        m_connect->setToolTip({});
}

} // namespace kastle::ui
