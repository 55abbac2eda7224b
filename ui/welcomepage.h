// Shown when no cluster is selected: what Kastle is, and the two ways to begin (start the local
// sandbox, add a connection) plus importing a client property file.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace kastle::ui {

class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // One line under the buttons, e.g. why the sandbox failed last time.
    void setSandboxNote(const QString &text);

Q_SIGNALS:
    void startSandboxRequested();
    void addConnectionRequested();
    void importRequested();

private:
    QLabel *m_sandboxNote;
};

} // namespace kastle::ui
