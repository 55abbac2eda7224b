// Sandbox process lifecycle: launch, ready line, stderr to the log, stop/kill, restart.
#include "sandboxcontroller.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace kastle::core {

SandboxController::SandboxController(QString program, QString dataDir, QObject *parent)
    : QObject(parent)
    , m_program(std::move(program))
    , m_dataDir(std::move(dataDir))
{
    m_stopTimer.setSingleShot(true);
    m_stopTimer.setInterval(5000);
    connect(&m_stopTimer, &QTimer::timeout, this, [this] {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            qCWarning(lcSandbox) << "sandbox broker did not stop in time; killing it";
            m_process->kill();
        }
    });
    m_readyTimer.setSingleShot(true);
    connect(&m_readyTimer, &QTimer::timeout, this, &SandboxController::onReadyTimeout);
    m_adoptedTimer.setInterval(1000);
    connect(&m_adoptedTimer, &QTimer::timeout, this, &SandboxController::pollAdopted);
}

SandboxController::~SandboxController()
{
    if (m_process && m_process->state() != QProcess::NotRunning && m_state == State::Running &&
        m_detachable && m_keepRunning) {
        // Left running on purpose: record it for the next Kastle, and let the QProcess go
        // without its destructor (which would kill the broker). The broker ignores SIGPIPE, so
        // its log lines to the closed pipe do no harm.
        QFile run(runFilePath());
        if (run.open(QIODevice::WriteOnly | QIODevice::Truncate))
            run.write(QByteArray::number(m_process->processId()) + ' ' + m_bootstrap.toUtf8() +
                      '\n');
        qCInfo(lcSandbox).noquote() << "leaving the sandbox broker running at" << m_bootstrap;
        m_process->disconnect(this);
        m_process->setParent(nullptr);
        m_process = nullptr;
        return;
    }
    if (m_process && m_process->state() != QProcess::NotRunning) {
        // Leaving: a clean stop if it comes quickly, else the broker recovers on next start.
        m_process->disconnect(this);
        m_process->terminate();
        if (!m_process->waitForFinished(3000))
            m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QString SandboxController::defaultProgram()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/kastle-broker");
}

QString SandboxController::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/sandbox");
}

QString SandboxController::stateText() const
{
    switch (m_state) {
    case State::Stopped:
        return tr("The sandbox is stopped.");
    case State::Starting:
        return tr("The sandbox is starting…");
    case State::Running:
        return tr("The sandbox is running at %1.").arg(m_bootstrap);
    case State::Stopping:
        return tr("The sandbox is stopping…");
    case State::Failed:
    case State::Exited:
        return m_reason;
    }
    return {};
}

void SandboxController::setState(State s, const QString &reason)
{
    m_reason = reason;
    if (s == m_state)
        return;
    m_state = s;
    if (s == State::Failed || s == State::Exited)
        qCWarning(lcSandbox).noquote() << "sandbox state:" << stateText();
    else
        qCInfo(lcSandbox).noquote() << "sandbox state:" << stateText();
    Q_EMIT stateChanged(s);
}

QString SandboxController::runFilePath() const
{
    return QDir::cleanPath(m_dataDir) + QStringLiteral(".run");
}

qint64 SandboxController::processId() const
{
    if (m_adoptedPid)
        return m_adoptedPid;
    return m_process ? m_process->processId() : 0;
}

bool SandboxController::resetData(QString *error)
{
    if (m_process || m_adoptedPid) {
        if (error)
            *error = tr("Stop the sandbox before resetting its data.");
        return false;
    }
    QDir dir(m_dataDir);
    if (dir.exists() && !dir.removeRecursively()) {
        if (error)
            *error = tr("Could not remove everything in %1.").arg(m_dataDir);
        return false;
    }
    qCInfo(lcSandbox).noquote() << "sandbox data removed:" << m_dataDir;
    return true;
}

namespace {

bool isKastleBroker(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("kastle-broker");
}

} // namespace

// A broker left running by an earlier Kastle (see the header) becomes this one's sandbox.
bool SandboxController::adoptRunning()
{
    QFile run(runFilePath());
    if (!run.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> parts = run.readAll().trimmed().split(' ');
    run.close();
    const qint64 pid = parts.value(0).toLongLong();
    if (parts.size() != 2 || !isKastleBroker(pid)) {
        run.remove();
        return false;
    }
    run.remove();
    m_adoptedPid = pid;
    m_detachable = true;
    m_bootstrap = QString::fromUtf8(parts.at(1));
    m_stopRequested = false;
    m_adoptedTimer.start();
    qCInfo(lcSandbox).noquote() << "found the sandbox broker left running (pid" << pid << ")";
    setState(State::Running);
    return true;
}

void SandboxController::pollAdopted()
{
    if (!m_adoptedPid || isKastleBroker(m_adoptedPid))
        return;
    m_adoptedTimer.stop();
    m_adoptedPid = 0;
    m_stopTimer.stop();
    if (m_stopRequested) {
        setState(State::Stopped);
        if (m_restartPending) {
            m_restartPending = false;
            start();
        }
    } else {
        setState(State::Exited, tr("The sandbox broker (started by an earlier Kastle) exited."));
    }
}

void SandboxController::start()
{
    if (m_process || m_adoptedPid)
        return; // starting, running or stopping: one broker process at a time
    if (adoptRunning())
        return;
    m_bootstrap.clear();
    m_lastStderr.clear();
    m_lastComplaint.clear();
    m_stdoutBuffer.clear();
    m_stderrBuffer.clear();
    m_exitCode = 0;
    m_stopRequested = false;
    m_failedBeforeReady = false;
    if (!QDir().mkpath(m_dataDir)) {
        setState(State::Failed,
                 tr("Could not create the sandbox data directory %1.").arg(m_dataDir));
        return;
    }
    m_process = new QProcess(this);
    m_detachable = m_keepRunning;
    if (m_detachable) {
        // May outlive Kastle: a session of its own, so a terminal's hangup does not reach it.
        m_process->setChildProcessModifier([] { ::setsid(); });
    } else {
        // If Kastle dies without stopping the sandbox (SIGKILL, crash), the kernel sends the
        // broker SIGTERM so it shuts down cleanly instead of living on unseen.
        m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    }
    m_process->setProgram(m_program);
    m_process->setArguments(QStringList{QStringLiteral("--data-dir"), m_dataDir,
                                        QStringLiteral("--port"), QStringLiteral("0")} +
                            m_extraArgs);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SandboxController::onStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] { onStderr(false); });
    connect(m_process, &QProcess::finished, this, &SandboxController::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &SandboxController::onProcessError);
    qCInfo(lcSandbox).noquote() << "starting" << m_program
                                << m_process->arguments().join(QLatin1Char(' '));
    setState(State::Starting);
    m_readyTimer.start(m_readyTimeoutMs);
    m_process->start(QIODevice::ReadOnly);
}

void SandboxController::stop()
{
    m_restartPending = false;
    if (m_adoptedPid) {
        if (m_state == State::Stopping)
            return;
        m_stopRequested = true;
        setState(State::Stopping);
        ::kill(pid_t(m_adoptedPid), SIGTERM);
        // pollAdopted() sees it go; SIGKILL if it takes too long.
        QTimer::singleShot(m_stopTimer.interval(), this, [this] {
            if (m_adoptedPid && m_state == State::Stopping)
                ::kill(pid_t(m_adoptedPid), SIGKILL);
        });
        m_adoptedTimer.start(200);
        return;
    }
    if (!m_process) {
        if (m_state != State::Stopped)
            setState(State::Stopped);
        return;
    }
    if (m_state == State::Stopping)
        return;
    m_stopRequested = true;
    m_readyTimer.stop();
    setState(State::Stopping);
    m_process->terminate(); // SIGTERM: the broker shuts down cleanly
    m_stopTimer.start();
}

void SandboxController::restart()
{
    if (!m_process && !m_adoptedPid) {
        start();
        return;
    }
    stop();
    m_restartPending = true;
}

namespace {

// Complete lines from a buffer; the unfinished tail stays in it. QProcess's canReadLine()
// looks at the current read channel only, so both channels are read in bulk instead.
QStringList takeLines(QByteArray &buffer, bool flush = false)
{
    QStringList lines;
    qsizetype nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
        lines.append(QString::fromUtf8(buffer.left(nl)).trimmed());
        buffer.remove(0, nl + 1);
    }
    if (flush && !buffer.isEmpty()) {
        lines.append(QString::fromUtf8(buffer).trimmed());
        buffer.clear();
    }
    return lines;
}

} // namespace

void SandboxController::onStdout()
{
    static const QRegularExpression ready(QStringLiteral(R"(^ready bootstrap=(\S+)$)"));
    if (!m_process)
        return;
    m_stdoutBuffer += m_process->readAllStandardOutput();
    for (const QString &line : takeLines(m_stdoutBuffer)) {
        const QRegularExpressionMatch m = ready.match(line);
        if (m.hasMatch() && m_state == State::Starting) {
            m_readyTimer.stop();
            m_bootstrap = m.captured(1);
            setState(State::Running);
        } else if (!line.isEmpty()) {
            qCInfo(lcSandbox).noquote() << "broker:" << line;
        }
    }
}

void SandboxController::onStderr(bool flush)
{
    if (!m_process)
        return;
    m_stderrBuffer += m_process->readAllStandardError();
    for (const QString &line : takeLines(m_stderrBuffer, flush)) {
        if (line.isEmpty())
            continue;
        m_lastStderr = line;
        // "prog: message" lines and error-level lines say why a broker stops; a usage text
        // printed after them would not, so they are what a failure reports.
        static const QRegularExpression complaint(
            QStringLiteral(R"(^[\w.-]+: |\b(ERROR|FATAL)\b)"));
        if (complaint.match(line).hasMatch() &&
            !line.startsWith(QLatin1String("usage:"), Qt::CaseInsensitive))
            m_lastComplaint = line;
        // The broker logs to stderr with a level word; anything else is worth a warning.
        if (line.contains(QLatin1String(" INFO ")))
            qCInfo(lcSandbox).noquote() << "broker:" << line;
        else if (line.contains(QLatin1String(" DEBUG ")) || line.contains(QLatin1String(" TRACE ")))
            qCDebug(lcSandbox).noquote() << "broker:" << line;
        else if (line.contains(QLatin1String(" ERROR ")) || line.contains(QLatin1String(" FATAL ")))
            qCCritical(lcSandbox).noquote() << "broker:" << line;
        else
            qCWarning(lcSandbox).noquote() << "broker:" << line;
    }
}

void SandboxController::onReadyTimeout()
{
    if (m_state != State::Starting || !m_process)
        return;
    m_failedBeforeReady = true;
    m_reason = tr("The sandbox broker did not report ready within %1 seconds.")
                   .arg(m_readyTimeoutMs / 1000);
    m_process->kill();
}

void SandboxController::onProcessError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || !m_process)
        return;
    const QString why = m_process->errorString();
    m_process->deleteLater();
    m_process = nullptr;
    m_readyTimer.stop();
    setState(State::Failed, tr("Could not start the sandbox broker %1: %2").arg(m_program, why));
}

void SandboxController::onFinished(int code, QProcess::ExitStatus status)
{
    // Drain what the broker wrote last; the final stderr line usually says why it stopped.
    onStdout();
    onStderr(true);
    m_stopTimer.stop();
    m_readyTimer.stop();
    m_process->deleteLater();
    m_process = nullptr;
    m_exitCode = code;
    const State before = m_state;

    QString how = status == QProcess::CrashExit
                      ? tr("the sandbox broker was killed or crashed")
                      : tr("the sandbox broker exited with code %1").arg(code);
    if (const QString why = failureLine(); !why.isEmpty())
        how += QStringLiteral(": ") + why;
    how = how.left(1).toUpper() + how.mid(1);

    if (m_stopRequested) {
        setState(State::Stopped);
        if (m_restartPending) {
            m_restartPending = false;
            start();
        }
    } else if (m_failedBeforeReady) {
        setState(State::Failed, m_reason);
    } else if (before == State::Starting) {
        setState(State::Failed, how);
    } else {
        setState(State::Exited, how);
    }
}

} // namespace kastle::core
