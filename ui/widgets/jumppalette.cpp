// Jump palette.
#include "jumppalette.h"
#include "session/clustersession.h"
#include "workspace.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace kastle::ui {

namespace {

constexpr int KindRole = Qt::UserRole + 1;
constexpr int ClusterRole = Qt::UserRole + 2;
constexpr int NameRole = Qt::UserRole + 3;

} // namespace

JumpPalette::JumpPalette(core::Workspace &workspace, QWidget *parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint)
{
    setObjectName(QStringLiteral("jumpPalette"));
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("jumpInput"));
    m_input->setPlaceholderText(tr("Jump to a cluster, topic or group…"));
    m_model = new QStandardItemModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("jumpList"));
    m_list->setModel(m_proxy);
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_input);
    layout->addWidget(m_list);
    resize(520, 360);
    fill(workspace);

    m_input->installEventFilter(this);
    connect(m_input, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        m_list->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_input, &QLineEdit::returnPressed, this, &JumpPalette::choose);
    connect(m_list, &QListView::activated, this, &JumpPalette::choose);
    m_list->setCurrentIndex(m_proxy->index(0, 0));
}

void JumpPalette::fill(core::Workspace &workspace)
{
    const auto add = [this](Kind kind, const QString &cluster, const QString &name,
                            const QString &text) {
        auto *item = new QStandardItem(text);
        item->setData(int(kind), KindRole);
        item->setData(cluster, ClusterRole);
        item->setData(name, NameRole);
        m_model->appendRow(item);
    };
    const QStringList ids = workspace.connections()->profileIds();
    QStringList all = {core::ConnectionListModel::sandboxId()};
    all += ids;
    for (const QString &id : all) {
        const std::optional<core::ConnectionProfile> p = workspace.connections()->profile(id);
        if (!p)
            continue;
        add(Kind::Cluster, id, QString(), tr("Cluster: %1").arg(p->name));
    }
    for (const QString &id : all) {
        const core::ClusterSession *session = workspace.session(id);
        const core::ClusterSnapshotPtr s = session ? session->snapshot() : nullptr;
        if (!s)
            continue;
        const std::optional<core::ConnectionProfile> p = workspace.connections()->profile(id);
        const QString cluster = p ? p->name : id;
        for (const core::TopicSnapshotPtr &t : s->topics->topics)
            add(Kind::Topic, id, t->name, tr("Topic: %1 — %2").arg(t->name, cluster));
        for (const core::GroupSnapshotPtr &g : s->groups->groups)
            add(Kind::Group, id, g->groupId, tr("Group: %1 — %2").arg(g->groupId, cluster));
    }
}

int JumpPalette::visibleCount() const
{
    return m_proxy->rowCount();
}

void JumpPalette::choose()
{
    QModelIndex i = m_list->currentIndex();
    if (!i.isValid())
        i = m_proxy->index(0, 0);
    if (!i.isValid())
        return;
    const Kind kind = Kind(i.data(KindRole).toInt());
    const QString cluster = i.data(ClusterRole).toString();
    const QString name = i.data(NameRole).toString();
    accept();
    Q_EMIT jumpRequested(kind, cluster, name);
}

bool JumpPalette::eventFilter(QObject *watched, QEvent *event)
{
    // Up and down move in the list while typing.
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown ||
            key == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace kastle::ui
