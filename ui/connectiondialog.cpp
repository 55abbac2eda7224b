// Connection profile dialog.
#include "connectiondialog.h"
#include "theme.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <chrono>

namespace kastle::ui {

using core::ProfileField;
using core::ProfileRules;
using core::SaslMechanism;
using core::SecurityProtocol;

namespace {

QIcon swatch(const QColor &color)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pm);
}

// A line edit with a "Browse…" button that picks an existing file.
QWidget *filePicker(QLineEdit *edit, const QString &caption, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(ConnectionDialog::tr("Browse…"), box);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, caption] {
        const QString file = QFileDialog::getOpenFileName(
            edit->window(), caption, edit->text(),
            ConnectionDialog::tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
        if (!file.isEmpty())
            edit->setText(file);
    });
    return box;
}

} // namespace

ConnectionDialog::ConnectionDialog(core::Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Add connection"));
    buildUi();
    updateVisibility();
    updateEnvironmentStrip();
    validate();
    connect(m_workspace.tester(), &core::ConnectionTester::finished, this,
            &ConnectionDialog::onTestFinished);
}

QLabel *ConnectionDialog::addFieldRow(QFormLayout *form, const QString &label, QWidget *field,
                                      ProfileField key)
{
    form->addRow(label, field);
    auto *issue = new QLabel(this);
    issue->setObjectName(QStringLiteral("fieldError"));
    issue->setWordWrap(true);
    form->addRow(QString(), issue);
    form->setRowVisible(issue, false);
    m_issueLabels.insert(key, issue);
    m_fieldWidgets.insert(key, field);
    return issue;
}

void ConnectionDialog::buildUi()
{
    m_environmentStrip = new QLabel(this);
    m_environmentStrip->setObjectName(QStringLiteral("environmentStrip"));
    m_environmentStrip->setAlignment(Qt::AlignCenter);
    m_environmentStrip->setMinimumHeight(26);

    // Cluster
    auto *clusterBox = new QGroupBox(tr("Cluster"), this);
    auto *clusterForm = new QFormLayout(clusterBox);
    m_name = new QLineEdit(clusterBox);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("e.g. Payments production"));
    addFieldRow(clusterForm, tr("&Name:"), m_name, ProfileField::Name);
    m_environment = new QComboBox(clusterBox);
    m_environment->setObjectName(QStringLiteral("environmentCombo"));
    for (auto e : {core::Environment::Development, core::Environment::Staging,
                   core::Environment::Production})
        m_environment->addItem(swatch(Theme::environmentColor(e)),
                               ProfileRules::environmentDisplayName(e), static_cast<int>(e));
    clusterForm->addRow(tr("&Environment:"), m_environment);
    m_bootstrap = new QLineEdit(clusterBox);
    m_bootstrap->setObjectName(QStringLiteral("bootstrapEdit"));
    m_bootstrap->setPlaceholderText(tr("host:port, host:port"));
    addFieldRow(clusterForm, tr("&Bootstrap servers:"), m_bootstrap,
                ProfileField::BootstrapServers);
    m_protocol = new QComboBox(clusterBox);
    m_protocol->setObjectName(QStringLiteral("protocolCombo"));
    for (auto p : {SecurityProtocol::Plaintext, SecurityProtocol::Ssl,
                   SecurityProtocol::SaslPlaintext, SecurityProtocol::SaslSsl})
        m_protocol->addItem(ProfileRules::protocolName(p), static_cast<int>(p));
    clusterForm->addRow(tr("&Security protocol:"), m_protocol);

    // SASL
    m_saslBox = new QGroupBox(tr("SASL authentication"), this);
    m_saslForm = new QFormLayout(m_saslBox);
    m_mechanism = new QComboBox(m_saslBox);
    m_mechanism->setObjectName(QStringLiteral("mechanismCombo"));
    for (auto m : {SaslMechanism::Plain, SaslMechanism::ScramSha256, SaslMechanism::ScramSha512,
                   SaslMechanism::Gssapi, SaslMechanism::OAuthBearer})
        m_mechanism->addItem(ProfileRules::mechanismName(m), static_cast<int>(m));
    m_saslForm->addRow(tr("&Mechanism:"), m_mechanism);
    m_username = new QLineEdit(m_saslBox);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    addFieldRow(m_saslForm, tr("&User name:"), m_username, ProfileField::Username);
    m_usernameLabel = qobject_cast<QLabel *>(m_saslForm->labelForField(m_username));
    m_password = new QLineEdit(m_saslBox);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    addFieldRow(m_saslForm, tr("&Password:"), m_password, ProfileField::Password);
    m_token = new QLineEdit(m_saslBox);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("static bearer token"));
    addFieldRow(m_saslForm, tr("&Token:"), m_token, ProfileField::Token);

    // TLS
    m_tlsBox = new QGroupBox(tr("TLS"), this);
    auto *tlsForm = new QFormLayout(m_tlsBox);
    m_caFile = new QLineEdit(m_tlsBox);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("system certificates"));
    addFieldRow(tlsForm, tr("&CA file:"), filePicker(m_caFile, tr("CA file"), m_tlsBox),
                ProfileField::CaFile);
    m_certFile = new QLineEdit(m_tlsBox);
    m_certFile->setObjectName(QStringLiteral("certFileEdit"));
    m_certFile->setPlaceholderText(tr("none"));
    addFieldRow(tlsForm, tr("Client c&ertificate:"),
                filePicker(m_certFile, tr("Client certificate"), m_tlsBox),
                ProfileField::CertificateFile);
    m_keyFile = new QLineEdit(m_tlsBox);
    m_keyFile->setObjectName(QStringLiteral("keyFileEdit"));
    m_keyFile->setPlaceholderText(tr("none"));
    addFieldRow(tlsForm, tr("Client &key:"), filePicker(m_keyFile, tr("Client key"), m_tlsBox),
                ProfileField::KeyFile);
    m_keyPassword = new QLineEdit(m_tlsBox);
    m_keyPassword->setObjectName(QStringLiteral("keyPasswordEdit"));
    m_keyPassword->setEchoMode(QLineEdit::Password);
    m_keyPassword->setPlaceholderText(tr("only for an encrypted key"));
    addFieldRow(tlsForm, tr("Key pass&word:"), m_keyPassword, ProfileField::KeyPassword);
    m_verifyHostname = new QCheckBox(tr("&Verify the server's host name"), m_tlsBox);
    m_verifyHostname->setObjectName(QStringLiteral("verifyHostnameCheck"));
    m_verifyHostname->setChecked(true);
    addFieldRow(tlsForm, QString(), m_verifyHostname, ProfileField::VerifyHostname);
    m_issueLabels.value(ProfileField::VerifyHostname)
        ->setObjectName(QStringLiteral("fieldWarning"));

    // Advanced
    auto *advancedBox = new QGroupBox(tr("Extra librdkafka properties"), this);
    auto *advancedForm = new QFormLayout(advancedBox);
    m_extra = new QPlainTextEdit(advancedBox);
    m_extra->setObjectName(QStringLiteral("extraEdit"));
    m_extra->setPlaceholderText(tr("one key=value per line, e.g. client.id=kastle"));
    m_extra->setFixedHeight(m_extra->fontMetrics().lineSpacing() * 4 + 12);
    addFieldRow(advancedForm, QString(), m_extra, ProfileField::ExtraProperties);

    m_keychainNote = new QLabel(this);
    m_keychainNote->setObjectName(QStringLiteral("fieldWarning"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->hide();

    m_testButton =
        new QPushButton(Theme::icon(QStringLiteral("connect")), tr("&Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(clusterBox);
    contentLayout->addWidget(m_saslBox);
    contentLayout->addWidget(m_tlsBox);
    contentLayout->addWidget(advancedBox);
    contentLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_environmentStrip);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_keychainNote);
    layout->addLayout(testRow);
    layout->addWidget(m_buttons);
    Theme::alignFormLabels(content);
    resize(640, 760);

    const auto touched = [this](ProfileField f) {
        return [this, f] {
            m_touched.insert(f);
            validate();
        };
    };
    connect(m_name, &QLineEdit::textEdited, this, touched(ProfileField::Name));
    connect(m_bootstrap, &QLineEdit::textEdited, this, touched(ProfileField::BootstrapServers));
    connect(m_username, &QLineEdit::textEdited, this, touched(ProfileField::Username));
    connect(m_password, &QLineEdit::textEdited, this, touched(ProfileField::Password));
    connect(m_token, &QLineEdit::textEdited, this, touched(ProfileField::Token));
    connect(m_caFile, &QLineEdit::textChanged, this, touched(ProfileField::CaFile));
    connect(m_certFile, &QLineEdit::textChanged, this, touched(ProfileField::CertificateFile));
    connect(m_keyFile, &QLineEdit::textChanged, this, touched(ProfileField::KeyFile));
    connect(m_extra, &QPlainTextEdit::textChanged, this, touched(ProfileField::ExtraProperties));
    connect(m_verifyHostname, &QCheckBox::toggled, this, touched(ProfileField::VerifyHostname));
    connect(m_protocol, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        validate();
    });
    connect(m_mechanism, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        validate();
    });
    connect(m_environment, &QComboBox::currentIndexChanged, this,
            &ConnectionDialog::updateEnvironmentStrip);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
}

void ConnectionDialog::updateEnvironmentStrip()
{
    const auto env = static_cast<core::Environment>(m_environment->currentData().toInt());
    m_environmentStrip->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; border-radius: 3px; }")
            .arg(Theme::environmentColor(env).name()));
    QString text = ProfileRules::environmentDisplayName(env).toUpper();
    if (env == core::Environment::Production)
        text = tr("%1 — changes here affect live systems").arg(text);
    m_environmentStrip->setText(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
}

void ConnectionDialog::updateVisibility()
{
    const core::ConnectionProfile p = profile();
    m_saslBox->setVisible(p.usesSasl());
    m_tlsBox->setVisible(p.usesTls());
    const bool passwordMech = p.needsPassword();
    const bool token = p.needsToken();
    const bool gssapi = p.saslMechanism == SaslMechanism::Gssapi;
    m_saslForm->setRowVisible(m_password, passwordMech);
    m_saslForm->setRowVisible(m_token, token);
    if (m_usernameLabel)
        m_usernameLabel->setText(gssapi  ? tr("Kerberos &principal:")
                                 : token ? tr("&Principal name:")
                                         : tr("&User name:"));
    m_username->setPlaceholderText(gssapi  ? tr("optional, e.g. kafka-client@EXAMPLE.COM")
                                   : token ? tr("optional")
                                           : QString());
}

std::optional<QString> ConnectionDialog::parseExtra(const QString &text, core::PropertyList *out)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return tr("Line %1 is not of the form key=value.").arg(i + 1);
        if (out)
            out->append({line.left(eq).trimmed(), line.mid(eq + 1).trimmed()});
    }
    return std::nullopt;
}

core::ConnectionProfile ConnectionDialog::profile() const
{
    core::ConnectionProfile p;
    p.id = m_id;
    p.name = m_name->text().trimmed();
    p.environment = static_cast<core::Environment>(m_environment->currentData().toInt());
    p.bootstrapServers = m_bootstrap->text().trimmed();
    p.securityProtocol = static_cast<SecurityProtocol>(m_protocol->currentData().toInt());
    p.saslMechanism = static_cast<SaslMechanism>(m_mechanism->currentData().toInt());
    p.username = p.usesSasl() ? m_username->text().trimmed() : QString();
    if (p.usesTls()) {
        p.caFile = m_caFile->text().trimmed();
        p.certificateFile = m_certFile->text().trimmed();
        p.keyFile = m_keyFile->text().trimmed();
        p.verifyHostname = m_verifyHostname->isChecked();
    }
    parseExtra(m_extra->toPlainText(), &p.extraProperties);
    return p;
}

core::ProfileSecrets ConnectionDialog::secrets() const
{
    const core::ConnectionProfile p = profile();
    core::ProfileSecrets s;
    if (p.needsPassword())
        s.password = m_password->text();
    if (p.needsToken())
        s.oauthToken = m_token->text();
    if (p.usesTls())
        s.keyPassword = m_keyPassword->text();
    return s;
}

QList<core::FieldIssue> ConnectionDialog::issues() const
{
    const core::ConnectionProfile p = profile();
    const core::ProfileSecrets s = secrets();
    QList<core::FieldIssue> all =
        ProfileRules::validate(p, {!s.password.isEmpty(), !s.oauthToken.isEmpty()});
    if (const auto bad = parseExtra(m_extra->toPlainText(), nullptr))
        all.prepend({ProfileField::ExtraProperties, *bad});
    return all;
}

void ConnectionDialog::validate()
{
    const QList<core::FieldIssue> all = issues();
    for (auto it = m_issueLabels.cbegin(); it != m_issueLabels.cend(); ++it) {
        QString text;
        for (const core::FieldIssue &issue : all) {
            if (issue.field == it.key() &&
                (m_showAllIssues || issue.warning || m_touched.contains(it.key()))) {
                text = issue.message;
                break;
            }
        }
        it.value()->setText(text);
        if (auto *form = qobject_cast<QFormLayout *>(it.value()->parentWidget()->layout()))
            form->setRowVisible(it.value(), !text.isEmpty());
    }
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_showAllIssues || !ProfileRules::hasErrors(all));
}

void ConnectionDialog::setProfile(const core::ConnectionProfile &p, const core::ProfileSecrets &s)
{
    m_id = p.id;
    setWindowTitle(p.id.isEmpty() ? tr("Add connection") : tr("Edit connection"));
    m_name->setText(p.name);
    m_environment->setCurrentIndex(m_environment->findData(static_cast<int>(p.environment)));
    m_bootstrap->setText(p.bootstrapServers);
    m_protocol->setCurrentIndex(m_protocol->findData(static_cast<int>(p.securityProtocol)));
    m_mechanism->setCurrentIndex(m_mechanism->findData(static_cast<int>(p.saslMechanism)));
    m_username->setText(p.username);
    m_password->setText(s.password);
    m_token->setText(s.oauthToken);
    m_keyPassword->setText(s.keyPassword);
    m_caFile->setText(p.caFile);
    m_certFile->setText(p.certificateFile);
    m_keyFile->setText(p.keyFile);
    m_verifyHostname->setChecked(p.verifyHostname);
    QStringList extra;
    for (const auto &[k, v] : p.extraProperties)
        extra.append(k + QLatin1Char('=') + v);
    m_extra->setPlainText(extra.join(QLatin1Char('\n')));
    m_touched.clear();
    // An existing profile is shown with everything that is wrong with it.
    m_showAllIssues = !p.id.isEmpty() || !p.name.isEmpty();
    updateVisibility();
    updateEnvironmentStrip();
    validate();
}

void ConnectionDialog::loadStoredSecrets()
{
    if (m_id.isEmpty())
        return;
    m_workspace.secrets()->load(m_id, this, [this](core::Result<core::ProfileSecrets> loaded) {
        if (!loaded) {
            setNotice(tr("%1 Secrets you enter here are kept in memory until Kastle quits and "
                         "are never written to disk.")
                          .arg(loaded.error().message));
            return;
        }
        // Fill only what the user has not typed meanwhile.
        if (m_password->text().isEmpty())
            m_password->setText(loaded->password);
        if (m_token->text().isEmpty())
            m_token->setText(loaded->oauthToken);
        if (m_keyPassword->text().isEmpty())
            m_keyPassword->setText(loaded->keyPassword);
        validate();
    });
}

void ConnectionDialog::setNotice(const QString &text)
{
    m_keychainNote->setText(text);
    m_keychainNote->setVisible(!text.isEmpty());
}

void ConnectionDialog::accept()
{
    m_showAllIssues = true;
    validate();
    const QList<core::FieldIssue> all = issues();
    if (ProfileRules::hasErrors(all)) {
        for (const core::FieldIssue &issue : all) {
            if (!issue.warning) {
                if (QWidget *w = m_fieldWidgets.value(issue.field))
                    w->setFocus();
                break;
            }
        }
        return;
    }
    QDialog::accept();
}

void ConnectionDialog::testConnection()
{
    const core::ConnectionProfile p = profile();
    if (const auto bad = ProfileRules::checkBootstrap(p.bootstrapServers)) {
        m_testResult->setText(*bad);
        return;
    }
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Testing %1…").arg(p.bootstrapServers));
    m_testJob = m_workspace.tester()->start(p, secrets(), std::chrono::seconds(10));
}

void ConnectionDialog::onTestFinished(quint64 job, const core::ConnectionTestOutcome &outcome)
{
    if (job != m_testJob)
        return; // an earlier test, or someone else's
    m_testButton->setEnabled(true);
    const QColor color = Theme::statusColor(outcome.ok() ? core::ClusterStatus::Connected
                                                         : core::ClusterStatus::Failed);
    m_testResult->setText(QStringLiteral("<span style=\"color:%1\">&#9679;</span> %2")
                              .arg(color.name(), outcome.message.toHtmlEscaped()));
}

} // namespace kastle::ui
