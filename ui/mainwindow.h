// The main window: the cluster sidebar (sandbox + connection profiles with status dots), one
// ClusterView per cluster in the centre (the welcome page when none is selected), the log
// dock, menus, and the flows that open dialogs (add, edit, import, delete, settings, about).
#pragma once

#include "profiles/profileimport.h"

#include <QHash>
#include <QMainWindow>

class QListView;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QLabel;

namespace kastle::core {
class Workspace;
struct AppSettings;
} // namespace kastle::core

namespace kastle::ui {

class ClusterView;
class ConnectionDialog;
class EventLoopProbe;
class JumpPalette;
class LogDock;
class SandboxPanel;
class WelcomePage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(core::Workspace &workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    QListView *sidebar() const { return m_sidebar; }
    WelcomePage *welcomePage() const { return m_welcome; }
    LogDock *logDock() const { return m_logDock; }
    ClusterView *clusterView(const QString &id) const { return m_views.value(id); }
    QString currentClusterId() const;

    // The flows behind the menus. Dialogs are window-modal and not blocking (open()), so
    // tests and the event loop keep running while one is shown; each returns its dialog.
    ConnectionDialog *addConnection();
    ConnectionDialog *editConnection(const QString &id);
    ConnectionDialog *importConnection(const QString &path, core::PropertyFormat format);
    void duplicateConnection(const QString &id);
    void deleteConnection(const QString &id); // asks first
    void moveConnection(const QString &id, int delta);
    void connectCluster(const QString &id);
    // `kastle --sample-data`: loads the sandbox's sample data at `rate` messages/s as soon as
    // the sandbox runs (at once if it already does); gives up if the sandbox fails first.
    void loadSampleDataWhenReady(int rate);
    QDialog *showSettings();
    QDialog *showAbout();
    void showWelcome();
    void showCluster(const QString &id);
    // Reports what happened while opening the database (file moved aside, ...).
    void showStartupNotices();
    // Ctrl+K, Ctrl+F, F5 on the cluster in front.
    JumpPalette *showJumpPalette();
    void focusFilter();
    void refreshCurrent();
    EventLoopProbe *latencyProbe() const { return m_probe; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    SandboxPanel *sandboxPanel(); // shows the sandbox's view first
    void restoreUiState();
    void buildMenus();
    QWidget *buildSidebar();
    void chooseImportFile(core::PropertyFormat format);
    void saveFromDialog(ConnectionDialog *dialog);
    void runCheckWithSecrets(const QString &id);
    void updateActions();
    void applySettings(const core::AppSettings &settings);
    void showError(const QString &title, const QString &text);

    core::Workspace &m_workspace;
    QListView *m_sidebar;
    QSplitter *m_splitter;
    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    LogDock *m_logDock;
    QLabel *m_keychainStatus;
    QHash<QString, ClusterView *> m_views;
    QList<QAction *> m_profileActions; // enabled only when a profile is selected
    EventLoopProbe *m_probe;
};

} // namespace kastle::ui
