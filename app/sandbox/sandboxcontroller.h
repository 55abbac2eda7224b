// Starts and watches the local sandbox cluster: `kastle-broker` as a child process with
// `--data-dir <data>/sandbox --port 0`. The broker prints exactly one line
// "ready bootstrap=HOST:PORT[,HOST:PORT...]" on stdout once every listener accepts; its stderr
// lines go to the log (category kastle.sandbox). A broker fault never takes the GUI down: it
// becomes a state with a reason, and the user can retry.
//
// Keeping the sandbox running after Kastle quits. Normally the broker gets PDEATHSIG, so it
// stops with Kastle however Kastle ends. When keepRunningOnQuit() is set at start, the broker is
// started in a session of its own without PDEATHSIG, and when the controller is destroyed while
// it runs, it is left running and "<data dir>.run" records "pid bootstrap". The next start()
// adopts such a broker (if that pid is still a kastle-broker) instead of starting another one;
// an adopted broker has no log output here, and stop() sends it SIGTERM.
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace kastle::core {

class SandboxController : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Stopped,  // never started, or stopped on request
        Starting, // process launched, waiting for the ready line
        Running,  // ready line seen; bootstrap() is valid
        Stopping, // SIGTERM sent, waiting (SIGKILL after the stop timeout)
        Failed,   // could not start or died before it was ready; reason() says why
        Exited    // was running and exited on its own; exitCode() and reason() say how
    };
    Q_ENUM(State)

    // program: path of kastle-broker; dataDir: the sandbox's data directory.
    SandboxController(QString program, QString dataDir, QObject *parent = nullptr);
    ~SandboxController() override;

    // kastle-broker beside the running executable (both are built into <build>/bin).
    static QString defaultProgram();
    // <AppDataLocation>/sandbox
    static QString defaultDataDir();

    State state() const { return m_state; }
    QString bootstrap() const { return m_bootstrap; }
    QString reason() const { return m_reason; }
    int exitCode() const { return m_exitCode; }
    QString lastStderrLine() const { return m_lastStderr; }
    // The stderr line that best explains a failure: the last "program: message" or error line
    // (a usage text printed after it explains nothing), else the last line.
    QString failureLine() const
    {
        return m_lastComplaint.isEmpty() ? m_lastStderr : m_lastComplaint;
    }
    QString program() const { return m_program; }
    QString stateText() const; // translated one-liner for the UI

    void setReadyTimeout(int ms) { m_readyTimeoutMs = ms; }
    void setStopTimeout(int ms) { m_stopTimer.setInterval(ms); }
    void setExtraArguments(const QStringList &args) { m_extraArgs = args; }

    // See the header comment; takes effect for a broker started (or adopted) after the call,
    // and for the running one only if it was started with the same choice.
    void setKeepRunningOnQuit(bool keep) { m_keepRunning = keep; }
    bool keepRunningOnQuit() const { return m_keepRunning; }
    // Whether the running broker was started so that it can outlive Kastle.
    bool runningDetachable() const { return m_detachable; }
    // Pid of the running (or adopted) broker process, 0 if none.
    qint64 processId() const;
    QString dataDir() const { return m_dataDir; }
    // Removes everything in the data directory. Refused while the broker runs or stops.
    bool resetData(QString *error = nullptr);

public Q_SLOTS:
    void start();
    void stop();
    void restart();

Q_SIGNALS:
    void stateChanged(kastle::core::SandboxController::State state);

private:
    void setState(State s, const QString &reason = {});
    void onStdout();
    void onStderr(bool flush);
    void onFinished(int code, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    void onReadyTimeout();
    bool adoptRunning();
    void pollAdopted();
    QString runFilePath() const;

    QString m_program;
    QString m_dataDir;
    QStringList m_extraArgs;
    QProcess *m_process = nullptr;
    QTimer m_stopTimer;
    QTimer m_readyTimer;
    int m_readyTimeoutMs = 30000;
    State m_state = State::Stopped;
    QString m_bootstrap;
    QString m_reason;
    QString m_lastStderr;
    QString m_lastComplaint;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderrBuffer;
    int m_exitCode = 0;
    bool m_restartPending = false;
    bool m_stopRequested = false;
    bool m_failedBeforeReady = false;
    bool m_keepRunning = false;
    bool m_detachable = false; // the current broker was started without PDEATHSIG
    qint64 m_adoptedPid = 0;   // a broker left running by an earlier Kastle
    QTimer m_adoptedTimer;     // watches the adopted pid
};

} // namespace kastle::core
