// The main window and the user flows that open dialogs.
#include "mainwindow.h"
#include "aboutdialog.h"
#include "clusterlistdelegate.h"
#include "clusterview.h"
#include "connectiondialog.h"
#include "logdock.h"
#include "pages/clusterpage.h"
#include "pages/groupspage.h"
#include "pages/topicspage.h"
#include "sandboxpanel.h"
#include "secretprompt.h"
#include "settingsdialog.h"
#include "theme.h"
#include "welcomepage.h"
#include "widgets/eventloopprobe.h"
#include "widgets/jumppalette.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace kastle::ui {

using core::ConnectionListModel;
using core::SandboxController;

MainWindow::MainWindow(core::Workspace &workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Kastle"));
    setWindowIcon(Theme::icon(QStringLiteral("kastle")));

    m_stack = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_stack);
    m_stack->addWidget(m_welcome);

    m_splitter = new QSplitter(this);
    m_splitter->addWidget(buildSidebar());
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({260, 740});
    setCentralWidget(m_splitter);

    m_logDock = new LogDock(m_workspace.log(), this);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    resizeDocks({m_logDock}, {170}, Qt::Vertical);

    m_probe = new EventLoopProbe(this);
    m_keychainStatus = new QLabel(this);
    statusBar()->addPermanentWidget(m_keychainStatus);
    buildMenus();

    connect(m_welcome, &WelcomePage::startSandboxRequested, this, [this] {
        showCluster(ConnectionListModel::sandboxId());
        m_workspace.sandbox()->start();
    });
    connect(m_welcome, &WelcomePage::addConnectionRequested, this, &MainWindow::addConnection);
    connect(m_welcome, &WelcomePage::importRequested, this,
            [this] { chooseImportFile(core::PropertyFormat::JavaClient); });
    connect(m_workspace.sandbox(), &SandboxController::stateChanged, this, [this] {
        const SandboxController *s = m_workspace.sandbox();
        const bool bad = s->state() == SandboxController::State::Failed ||
                         s->state() == SandboxController::State::Exited;
        m_welcome->setSandboxNote(bad ? s->stateText() : QString());
    });
    connect(m_workspace.secrets(), &core::SecretStore::availabilityChanged, this, [this] {
        const bool down =
            m_workspace.secrets()->availability() == core::SecretStore::Availability::Unavailable;
        m_keychainStatus->setText(down ? tr("Keychain unavailable: secrets are kept for this "
                                            "run only")
                                       : QString());
        m_keychainStatus->setToolTip(m_workspace.secrets()->unavailableReason());
    });
    connect(&m_workspace, &core::Workspace::settingsChanged, this, &MainWindow::applySettings);
    updateActions();
    resize(1100, 720);
    restoreUiState();
}

// Window geometry, dock and splitter layout live in the ui_state table beside the profiles.
void MainWindow::restoreUiState()
{
    const core::ConnectionStore &store = m_workspace.store();
    const auto bytes = [&](const char *key) {
        return QByteArray::fromBase64(store.uiValue(QLatin1String(key)).toLatin1());
    };
    if (const QByteArray g = bytes("window/geometry"); !g.isEmpty())
        restoreGeometry(g);
    if (const QByteArray s = bytes("window/state"); !s.isEmpty())
        restoreState(s);
    if (const QByteArray s = bytes("window/splitter"); !s.isEmpty())
        m_splitter->restoreState(s);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    core::ConnectionStore &store = m_workspace.store();
    const auto save = [&](const char *key, const QByteArray &value) {
        if (core::Status s =
                store.setUiValue(QLatin1String(key), QString::fromLatin1(value.toBase64()));
            !s)
            qWarning("%s", qPrintable(s.error().message));
    };
    save("window/geometry", saveGeometry());
    save("window/state", saveState());
    save("window/splitter", m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::buildSidebar()
{
    auto *panel = new QWidget(this);
    m_sidebar = new QListView(panel);
    m_sidebar->setObjectName(QStringLiteral("clusterList"));
    m_sidebar->setModel(m_workspace.connections());
    m_sidebar->setModelColumn(ConnectionListModel::NameColumn);
    m_sidebar->setItemDelegate(new ClusterListDelegate(m_sidebar));
    m_sidebar->setUniformItemSizes(true);
    m_sidebar->setContextMenuPolicy(Qt::CustomContextMenu);
    m_sidebar->setMinimumWidth(220);

    auto *title = new QLabel(tr("Clusters"), panel);
    title->setObjectName(QStringLiteral("sidebarTitle"));
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    const auto button = [&](const QString &icon, const QString &tip, auto slot) {
        auto *b = new QToolButton(panel);
        b->setIcon(Theme::icon(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        buttons->addWidget(b);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    button(QStringLiteral("add"), tr("Add a connection"), [this] { addConnection(); });
    QToolButton *edit = button(QStringLiteral("edit"), tr("Edit the connection"),
                               [this] { editConnection(currentClusterId()); });
    QToolButton *dup = button(QStringLiteral("duplicate"), tr("Duplicate the connection"),
                              [this] { duplicateConnection(currentClusterId()); });
    QToolButton *del = button(QStringLiteral("delete"), tr("Delete the connection"),
                              [this] { deleteConnection(currentClusterId()); });
    buttons->addStretch();
    QToolButton *up = button(QStringLiteral("up"), tr("Move up"),
                             [this] { moveConnection(currentClusterId(), -1); });
    QToolButton *down = button(QStringLiteral("down"), tr("Move down"),
                               [this] { moveConnection(currentClusterId(), 1); });
    for (QToolButton *b : {edit, dup, del, up, down})
        b->setProperty("profileOnly", true);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 8, 0, 6);
    layout->addWidget(title);
    layout->addWidget(m_sidebar, 1);
    layout->addLayout(buttons);

    connect(m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                updateActions();
                if (current.isValid())
                    showCluster(m_workspace.connections()->idAt(current.row()));
                else
                    showWelcome();
            });
    connect(m_sidebar, &QListView::activated, this, [this](const QModelIndex &index) {
        connectCluster(m_workspace.connections()->idAt(index.row()));
    });
    connect(m_sidebar, &QListView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_sidebar->indexAt(pos);
        if (!index.isValid())
            return;
        const QString id = m_workspace.connections()->idAt(index.row());
        QMenu menu(this);
        menu.addAction(Theme::icon(QStringLiteral("connect")), tr("Connect"), this,
                       [this, id] { connectCluster(id); });
        if (id != ConnectionListModel::sandboxId()) {
            menu.addAction(Theme::icon(QStringLiteral("edit")), tr("Edit…"), this,
                           [this, id] { editConnection(id); });
            menu.addAction(Theme::icon(QStringLiteral("duplicate")), tr("Duplicate"), this,
                           [this, id] { duplicateConnection(id); });
            menu.addAction(Theme::icon(QStringLiteral("delete")), tr("Delete…"), this,
                           [this, id] { deleteConnection(id); });
        }
        menu.exec(m_sidebar->viewport()->mapToGlobal(pos));
    });
    return panel;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(Theme::icon(QStringLiteral("add")), tr("&Add connection…"), QKeySequence::New,
                    this, [this] { addConnection(); });
    file->addAction(Theme::icon(QStringLiteral("import")), tr("Import Java &client.properties…"),
                    this, [this] { chooseImportFile(core::PropertyFormat::JavaClient); });
    file->addAction(Theme::icon(QStringLiteral("import")), tr("Import &librdkafka properties…"),
                    this, [this] { chooseImportFile(core::PropertyFormat::Librdkafka); });
    file->addSeparator();
    file->addAction(Theme::icon(QStringLiteral("settings")), tr("&Settings…"),
                    QKeySequence::Preferences, this, [this] { showSettings(); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    connection->addAction(Theme::icon(QStringLiteral("connect")), tr("&Connect"), this,
                          [this] { connectCluster(currentClusterId()); });
    m_profileActions.append(connection->addAction(Theme::icon(QStringLiteral("edit")), tr("&Edit…"),
                                                  this,
                                                  [this] { editConnection(currentClusterId()); }));
    m_profileActions.append(
        connection->addAction(Theme::icon(QStringLiteral("duplicate")), tr("D&uplicate"), this,
                              [this] { duplicateConnection(currentClusterId()); }));
    m_profileActions.append(
        connection->addAction(Theme::icon(QStringLiteral("delete")), tr("&Delete…"), this,
                              [this] { deleteConnection(currentClusterId()); }));

    QMenu *sandbox = menuBar()->addMenu(tr("&Sandbox"));
    sandbox->addAction(Theme::icon(QStringLiteral("start")), tr("&Start"), this, [this] {
        showCluster(ConnectionListModel::sandboxId());
        m_workspace.sandbox()->start();
    });
    sandbox->addAction(Theme::icon(QStringLiteral("stop")), tr("S&top"), m_workspace.sandbox(),
                       &SandboxController::stop);
    sandbox->addAction(tr("&Restart"), m_workspace.sandbox(), &SandboxController::restart);
    sandbox->addSeparator();
    sandbox->addAction(tr("Load or stop &sample data"), this, [this] {
        if (SandboxPanel *p = sandboxPanel())
            p->toggleSampleData();
    });
    sandbox->addAction(Theme::icon(QStringLiteral("delete")), tr("Reset sandbox &data…"), this,
                       [this] {
                           if (SandboxPanel *p = sandboxPanel())
                               p->resetData();
                       });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *logToggle = m_logDock->toggleViewAction();
    logToggle->setIcon(Theme::icon(QStringLiteral("log")));
    logToggle->setText(tr("&Log panel"));
    view->addAction(logToggle);
    view->addAction(tr("&Welcome page"), this, &MainWindow::showWelcome);
    view->addSeparator();
    const QList<std::pair<QString, QString>> pages = {
        {QStringLiteral("overview"), tr("&Overview")},
        {QStringLiteral("brokers"), tr("&Brokers")},
        {QStringLiteral("topics"), tr("&Topics")},
        {QStringLiteral("groups"), tr("Consumer &groups")},
        {QStringLiteral("messages"), tr("&Messages")}};
    for (int i = 0; i < pages.size(); ++i) {
        const QString key = pages[i].first;
        view->addAction(pages[i].second, QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this,
                        [this, key] {
                            if (ClusterView *v = m_views.value(currentClusterId()))
                                v->setCurrentPage(key);
                        });
    }
    view->addSeparator();
    view->addAction(tr("&Jump to…"), QKeySequence(Qt::CTRL | Qt::Key_K), this,
                    [this] { showJumpPalette(); });
    view->addAction(tr("&Filter the table"), QKeySequence::Find, this, &MainWindow::focusFilter);
    view->addAction(tr("&Refresh"), QKeySequence::Refresh, this, &MainWindow::refreshCurrent);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(Theme::icon(QStringLiteral("about")), tr("&About Kastle"), this,
                    [this] { showAbout(); });
}

QString MainWindow::currentClusterId() const
{
    const QModelIndex current = m_sidebar->currentIndex();
    return current.isValid() ? m_workspace.connections()->idAt(current.row()) : QString();
}

void MainWindow::updateActions()
{
    const QString id = currentClusterId();
    const bool profile = !id.isEmpty() && id != ConnectionListModel::sandboxId();
    for (QAction *a : std::as_const(m_profileActions))
        a->setEnabled(profile);
    for (QObject *child : m_sidebar->parentWidget()->children()) {
        if (auto *b = qobject_cast<QToolButton *>(child); b && b->property("profileOnly").toBool())
            b->setEnabled(profile);
    }
}

void MainWindow::showWelcome()
{
    if (m_sidebar->currentIndex().isValid()) {
        const QSignalBlocker block(m_sidebar->selectionModel());
        m_sidebar->selectionModel()->clearCurrentIndex();
        m_sidebar->clearSelection();
        updateActions();
    }
    m_stack->setCurrentWidget(m_welcome);
}

void MainWindow::showCluster(const QString &id)
{
    ConnectionListModel *model = m_workspace.connections();
    const int row = model->rowOf(id);
    if (row < 0)
        return;
    ClusterView *view = m_views.value(id);
    if (!view) {
        view = new ClusterView(m_workspace, id, m_stack);
        connect(view, &ClusterView::connectRequested, this, &MainWindow::connectCluster);
        connect(view, &ClusterView::editRequested, this, &MainWindow::editConnection);
        m_stack->addWidget(view);
        m_views.insert(id, view);
    }
    m_stack->setCurrentWidget(view);
    const QModelIndex index = model->index(row, ConnectionListModel::NameColumn);
    if (m_sidebar->currentIndex() != index)
        m_sidebar->setCurrentIndex(index);
}

ConnectionDialog *MainWindow::addConnection()
{
    auto *dialog = new ConnectionDialog(m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { saveFromDialog(dialog); });
    dialog->open();
    return dialog;
}

ConnectionDialog *MainWindow::editConnection(const QString &id)
{
    const std::optional<core::ConnectionProfile> profile = m_workspace.connections()->profile(id);
    if (!profile || id == ConnectionListModel::sandboxId())
        return nullptr;
    auto *dialog = new ConnectionDialog(m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setProfile(*profile);
    dialog->loadStoredSecrets();
    connect(dialog, &QDialog::accepted, this, [this, dialog] { saveFromDialog(dialog); });
    dialog->open();
    return dialog;
}

void MainWindow::chooseImportFile(core::PropertyFormat format)
{
    const QString filter = format == core::PropertyFormat::JavaClient
                               ? tr("Java client properties (*.properties *.conf);;All files (*)")
                               : tr("librdkafka properties (*.properties *.conf *.config);;All "
                                    "files (*)");
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import connection"), QString(), filter);
    if (!path.isEmpty())
        importConnection(path, format);
}

ConnectionDialog *MainWindow::importConnection(const QString &path, core::PropertyFormat format)
{
    core::Result<core::ImportedProfile> imported = core::ProfileImport::fromFile(path, format);
    if (!imported) {
        showError(tr("Import failed"), imported.error().message);
        return nullptr;
    }
    // Nothing is saved yet: the user reviews the import in the dialog and saves it there.
    auto *dialog = new ConnectionDialog(m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Review imported connection"));
    dialog->setProfile(imported->profile, imported->secrets);
    if (!imported->warnings.isEmpty())
        dialog->setNotice(
            tr("Imported with notes:\n%1").arg(imported->warnings.join(QLatin1Char('\n'))));
    connect(dialog, &QDialog::accepted, this, [this, dialog] { saveFromDialog(dialog); });
    dialog->open();
    return dialog;
}

void MainWindow::saveFromDialog(ConnectionDialog *dialog)
{
    core::ConnectionProfile profile = dialog->profile();
    const core::ProfileSecrets secrets = dialog->secrets();
    if (core::Status saved = m_workspace.saveProfile(profile); !saved) {
        showError(tr("Could not save the connection"), saved.error().message);
        return;
    }
    m_workspace.secrets()->store(profile.id, secrets, this, [this](core::Status stored) {
        if (!stored)
            showError(tr("Secret not stored in the keychain"), stored.error().message);
    });
    showCluster(profile.id);
}

void MainWindow::duplicateConnection(const QString &id)
{
    core::Result<core::ConnectionProfile> copy = m_workspace.duplicateProfile(id);
    if (!copy) {
        showError(tr("Could not duplicate the connection"), copy.error().message);
        return;
    }
    showCluster(copy->id);
}

void MainWindow::deleteConnection(const QString &id)
{
    const std::optional<core::ConnectionProfile> profile = m_workspace.connections()->profile(id);
    if (!profile || id == ConnectionListModel::sandboxId())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete connection"),
                                tr("Delete the connection \"%1\" (%2)? Its stored secrets are "
                                   "removed from the keychain too. The cluster itself is not "
                                   "touched.")
                                    .arg(profile->name, profile->bootstrapServers),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    QPushButton *yes = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, yes, id] {
        if (box->clickedButton() != yes)
            return;
        if (ClusterView *view = m_views.take(id)) {
            m_stack->removeWidget(view);
            view->deleteLater();
        }
        if (core::Status s = m_workspace.deleteProfile(id); !s)
            showError(tr("Could not delete the connection"), s.error().message);
        if (!m_sidebar->currentIndex().isValid())
            showWelcome();
    });
    box->open();
}

void MainWindow::moveConnection(const QString &id, int delta)
{
    if (id.isEmpty() || id == ConnectionListModel::sandboxId())
        return;
    if (core::Status s = m_workspace.moveProfile(id, delta); !s)
        showError(tr("Could not reorder the connections"), s.error().message);
}

void MainWindow::connectCluster(const QString &id)
{
    if (id.isEmpty())
        return;
    showCluster(id);
    if (id == ConnectionListModel::sandboxId()) {
        if (m_workspace.sandbox()->state() != SandboxController::State::Running)
            m_workspace.sandbox()->start();
        else
            m_workspace.checkCluster(id, {});
        if (m_workspace.sandbox()->state() == SandboxController::State::Running &&
            !m_workspace.session(id))
            m_workspace.openSession(id, {});
        return;
    }
    runCheckWithSecrets(id);
}

SandboxPanel *MainWindow::sandboxPanel()
{
    showCluster(ConnectionListModel::sandboxId());
    ClusterView *v = m_views.value(ConnectionListModel::sandboxId());
    return v ? v->findChild<SandboxPanel *>() : nullptr;
}

void MainWindow::loadSampleDataWhenReady(int rate)
{
    using State = SandboxController::State;
    SandboxController *sandbox = m_workspace.sandbox();
    const auto tryStart = [this, sandbox, rate] {
        const State s = sandbox->state();
        if (s == State::Running) {
            if (SandboxPanel *p = sandboxPanel())
                p->startSampleData(rate);
        }
        // Starting goes on waiting; any other state ends the wait (the panel shows why).
        return s != State::Starting;
    };
    if (tryStart())
        return;
    auto *wait = new QObject(this);
    connect(sandbox, &SandboxController::stateChanged, wait, [wait, tryStart] {
        if (tryStart())
            wait->deleteLater();
    });
}

JumpPalette *MainWindow::showJumpPalette()
{
    auto *palette = new JumpPalette(m_workspace, this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    connect(palette, &JumpPalette::jumpRequested, this,
            [this](JumpPalette::Kind kind, const QString &cluster, const QString &name) {
                showCluster(cluster);
                ClusterView *v = m_views.value(cluster);
                if (!v)
                    return;
                if (kind == JumpPalette::Kind::Topic)
                    v->openTopic(name);
                else if (kind == JumpPalette::Kind::Group)
                    v->openGroup(name);
            });
    const QPoint centre = mapToGlobal(rect().center());
    palette->move(centre.x() - palette->width() / 2, mapToGlobal(QPoint(0, 80)).y());
    palette->show();
    palette->input()->setFocus();
    return palette;
}

void MainWindow::focusFilter()
{
    ClusterView *v = m_views.value(currentClusterId());
    ClusterPage *page = v && m_stack->currentWidget() == v ? v->currentClusterPage() : nullptr;
    if (QLineEdit *edit = page ? page->filterEdit() : nullptr) {
        edit->setFocus(Qt::ShortcutFocusReason);
        edit->selectAll();
    }
}

void MainWindow::refreshCurrent()
{
    ClusterView *v = m_views.value(currentClusterId());
    if (!v || m_stack->currentWidget() != v)
        return;
    if (ClusterPage *page = v->currentClusterPage())
        page->refresh();
}

void MainWindow::runCheckWithSecrets(const QString &id)
{
    const std::optional<core::ConnectionProfile> profile = m_workspace.connections()->profile(id);
    if (!profile)
        return;
    if (!profile->needsPassword() && !profile->needsToken() && !profile->mayHaveKeyPassword()) {
        m_workspace.checkCluster(id, {});
        m_workspace.openSession(id, {});
        return;
    }
    m_workspace.secrets()->load(id, this, [this, id](core::Result<core::ProfileSecrets> loaded) {
        const std::optional<core::ConnectionProfile> p = m_workspace.connections()->profile(id);
        if (!p)
            return;
        core::ProfileSecrets secrets = loaded ? *loaded : core::ProfileSecrets{};
        const bool missing = (p->needsPassword() && secrets.password.isEmpty()) ||
                             (p->needsToken() && secrets.oauthToken.isEmpty());
        if (!loaded || missing) {
            const QString reason =
                loaded ? tr("No secret is stored for this connection.") : loaded.error().message;
            const std::optional<core::ProfileSecrets> typed = SecretPrompt::ask(this, *p, reason);
            if (!typed)
                return;
            secrets = *typed;
            m_workspace.secrets()->rememberForSession(id, secrets);
        }
        m_workspace.checkCluster(id, secrets);
        m_workspace.openSession(id, secrets);
    });
}

QDialog *MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_workspace.settings(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_workspace.setSettings(dialog->settings()); });
    dialog->open();
    return dialog;
}

QDialog *MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::applySettings(const core::AppSettings &settings)
{
    Theme::apply(settings.theme);
}

void MainWindow::showError(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showStartupNotices()
{
    if (!m_workspace.startupNotice().isEmpty())
        showError(tr("Connection database"), m_workspace.startupNotice());
}

} // namespace kastle::ui
