// Add or edit a connection profile. Shows only the fields that apply to the chosen security
// protocol and SASL mechanism, validates as you type with a message under each field, warns
// visibly when host name verification is off, and can test the connection without closing.
#pragma once

#include "profiles/connectionprofile.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace kastle::core {
class Workspace;
struct ConnectionTestOutcome;
} // namespace kastle::core

namespace kastle::ui {

class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(core::Workspace &workspace, QWidget *parent = nullptr);

    // Fills the dialog (editing, duplicating or reviewing an import). For a saved profile the
    // secrets are then read from the keychain in the background.
    void setProfile(const core::ConnectionProfile &profile,
                    const core::ProfileSecrets &secrets = {});
    void loadStoredSecrets();
    // A note shown above the buttons, e.g. the warnings of an import.
    void setNotice(const QString &text);

    core::ConnectionProfile profile() const;
    core::ProfileSecrets secrets() const;
    QList<core::FieldIssue> issues() const;

    void accept() override;

private:
    void buildUi();
    void updateVisibility();
    void validate();
    void testConnection();
    void onTestFinished(quint64 job, const core::ConnectionTestOutcome &outcome);
    void updateEnvironmentStrip();
    QLabel *addFieldRow(QFormLayout *form, const QString &label, QWidget *field,
                        core::ProfileField key);
    static std::optional<QString> parseExtra(const QString &text, core::PropertyList *out);

    core::Workspace &m_workspace;
    QString m_id;
    bool m_showAllIssues = false;
    quint64 m_testJob = 0;

    QLabel *m_environmentStrip;
    QLineEdit *m_name;
    QComboBox *m_environment;
    QLineEdit *m_bootstrap;
    QComboBox *m_protocol;
    QGroupBox *m_saslBox;
    QFormLayout *m_saslForm;
    QComboBox *m_mechanism;
    QLabel *m_usernameLabel;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_token;
    QGroupBox *m_tlsBox;
    QLineEdit *m_caFile;
    QLineEdit *m_certFile;
    QLineEdit *m_keyFile;
    QLineEdit *m_keyPassword;
    QCheckBox *m_verifyHostname;
    QPlainTextEdit *m_extra;
    QLabel *m_keychainNote;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    QDialogButtonBox *m_buttons;

    QHash<core::ProfileField, QLabel *> m_issueLabels;
    QHash<core::ProfileField, QWidget *> m_fieldWidgets;
    QSet<core::ProfileField> m_touched;
};

} // namespace kastle::ui
