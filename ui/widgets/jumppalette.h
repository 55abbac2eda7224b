// Ctrl+K: jump to any cluster, topic or group by typing. The entries are taken when the
// palette opens (clusters from the sidebar, topics and groups from the open sessions'
// snapshots); typing filters them by substring, Enter jumps.
#pragma once

#include <QDialog>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace kastle::core {
class Workspace;
}

namespace kastle::ui {

class JumpPalette : public QDialog
{
    Q_OBJECT
public:
    enum class Kind { Cluster, Topic, Group };
    Q_ENUM(Kind)

    explicit JumpPalette(core::Workspace &workspace, QWidget *parent = nullptr);

    QLineEdit *input() const { return m_input; }
    int visibleCount() const;
    // Jumps to the current entry (or the first visible one).
    void choose();

Q_SIGNALS:
    void jumpRequested(kastle::ui::JumpPalette::Kind kind, const QString &clusterId,
                       const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fill(core::Workspace &workspace);

    QLineEdit *m_input;
    QListView *m_list;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
};

} // namespace kastle::ui
