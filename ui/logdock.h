// The log panel: every message Kastle logs (connection tests, the sandbox broker's stderr,
// keychain and database trouble), with a minimum level and a search field.
#pragma once

#include <QDockWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace kastle::core {
class LogModel;
class LogFilterProxy;
} // namespace kastle::core

namespace kastle::ui {

class LogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit LogDock(core::LogModel *model, QWidget *parent = nullptr);

    core::LogFilterProxy *proxy() const { return m_proxy; }

private:
    core::LogModel *m_model;
    core::LogFilterProxy *m_proxy;
    QComboBox *m_level;
    QLineEdit *m_search;
    QTableView *m_view;
};

} // namespace kastle::ui
